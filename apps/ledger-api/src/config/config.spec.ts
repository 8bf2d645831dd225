import * as path from 'path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('with no variable at all is the embedded default', () => {
    expect(loadConfig({})).toEqual({
      store: 'sqlite',
      dataDir: path.resolve('./data'),
      eventStoreConnectionString: undefined,
      redisUrl: undefined,
      port: 3000,
      host: '127.0.0.1',
      jwtSecret: undefined,
      logLevel: 'log',
    });
  });

  it('names every bad value at once, and stops the boot', () => {
    const attempt = () => loadConfig({ LEDGER_STORE: 'postgres', PORT: 'eighty', LOG_LEVEL: 'loud', AUTH_JWT_SECRET: 'short', REDIS_URL: 'localhost:6379' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/LEDGER_STORE[\s\S]*PORT[\s\S]*LOG_LEVEL[\s\S]*AUTH_JWT_SECRET[\s\S]*REDIS_URL/);
  });

  it('refuses the EventStoreDB store, not yet built, at boot rather than at the first request', () => {
    expect(() => loadConfig({ LEDGER_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113' })).toThrow(/not available/);
    expect(() => loadConfig({ LEDGER_STORE: 'esdb' })).toThrow(/EVENTSTORE_CONNECTION_STRING/);
  });
});
