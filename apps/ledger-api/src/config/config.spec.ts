import * as path from 'path';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('with no variable at all is the embedded default', () => {
    expect(loadConfig({})).toEqual({
      store: 'sqlite',
      dataDir: path.resolve('./data'),
      exportsDir: path.resolve('./data/exports'),
      databaseUrl: undefined,
      databaseSchema: 'public',
      eventStoreConnectionString: undefined,
      redisUrl: undefined,
      port: 3000,
      host: '127.0.0.1',
      jwtSecret: undefined,
      logLevel: 'log',
      jobsPrefix: 'ledger',
      readModelBudgetMiB: 1024,
      oidc: undefined,
    });
  });

  it('LEDGER_READ_MODEL_BUDGET_MB: a whole number of MiB from 10', () => {
    expect(loadConfig({ LEDGER_READ_MODEL_BUDGET_MB: '256' }).readModelBudgetMiB).toBe(256);
    for (const bad of ['0', '5', '1.5', '-100', 'lots', '']) expect(() => loadConfig({ LEDGER_READ_MODEL_BUDGET_MB: bad })).toThrow(/LEDGER_READ_MODEL_BUDGET_MB must be a whole number of MiB from 10/);
  });

  it('names every bad value at once, and stops the boot', () => {
    const attempt = () => loadConfig({ LEDGER_STORE: 'mongo', PORT: 'eighty', LOG_LEVEL: 'loud', AUTH_JWT_SECRET: 'short', REDIS_URL: 'localhost:6379' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/LEDGER_STORE[\s\S]*PORT[\s\S]*LOG_LEVEL[\s\S]*AUTH_JWT_SECRET[\s\S]*REDIS_URL/);
  });

  it('takes a server store with its connection string, and refuses one without it at boot', () => {
    expect(loadConfig({ LEDGER_STORE: 'postgres', DATABASE_URL: 'postgres://ledger@db:5432/ledger', DATABASE_SCHEMA: 'coop_ledger' })).toMatchObject({
      store: 'postgres',
      databaseUrl: 'postgres://ledger@db:5432/ledger',
      databaseSchema: 'coop_ledger',
    });
    expect(loadConfig({ LEDGER_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' })).toMatchObject({ store: 'esdb' });
    expect(() => loadConfig({ LEDGER_STORE: 'postgres' })).toThrow(/LEDGER_STORE=postgres needs DATABASE_URL/);
    expect(() => loadConfig({ LEDGER_STORE: 'esdb' })).toThrow(/LEDGER_STORE=esdb needs EVENTSTORE_CONNECTION_STRING/);
  });

  it('refuses a connection string of the wrong kind without printing its password, and a schema that is not an identifier', () => {
    const attempt = () => loadConfig({ LEDGER_STORE: 'postgres', DATABASE_URL: 'mysql://ledger:s3cret@db/ledger', DATABASE_SCHEMA: 'Ledger; drop' });
    expect(attempt).toThrow(/DATABASE_URL must start with postgres:\/\/ or postgresql:\/\/, got "mysql:\/\/ledger:\*\*\*@db\/ledger"[\s\S]*DATABASE_SCHEMA must be/);
    expect(attempt).not.toThrow(/s3cret/);
    expect(() => loadConfig({ LEDGER_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113' })).toThrow(/esdb:\/\/ or esdb\+discover:\/\//);
  });

  it('keeps the export files in <LEDGER_DATA_DIR>/exports unless LEDGER_EXPORTS_DIR names a shared folder, and refuses an empty name at boot', () => {
    expect(loadConfig({ LEDGER_DATA_DIR: '/srv/ledger' }).exportsDir).toBe(path.resolve('/srv/ledger/exports'));
    expect(loadConfig({ LEDGER_DATA_DIR: '/srv/ledger', LEDGER_EXPORTS_DIR: '/mnt/exports' }).exportsDir).toBe(path.resolve('/mnt/exports'));
    expect(() => loadConfig({ LEDGER_EXPORTS_DIR: ' ' })).toThrow(/LEDGER_EXPORTS_DIR must be a folder path/);
  });
});
