import * as path from 'path';

/** Everything the service reads from its environment, validated once at boot. */
export interface LedgerConfig {
  store: 'sqlite' | 'esdb';
  dataDir: string;
  eventStoreConnectionString?: string;
  redisUrl?: string;
  port: number;
  /** Interface to listen on: loopback by default, 0.0.0.0 in a container. */
  host: string;
  jwtSecret?: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const problems: string[] = [];
  const store = (env.LEDGER_STORE ?? 'sqlite').trim();
  if (store !== 'sqlite' && store !== 'esdb') problems.push(`LEDGER_STORE must be "sqlite" or "esdb", got "${store}"`);
  if (store === 'esdb') {
    if (!env.EVENTSTORE_CONNECTION_STRING) problems.push('LEDGER_STORE=esdb needs EVENTSTORE_CONNECTION_STRING (esdb://…)');
    // The EventStoreDB adapter is planned (docs/architecture.md) but not built yet: say so at boot, not at the first request.
    else problems.push('LEDGER_STORE=esdb: the EventStoreDB adapter is not available in this version; use the default sqlite store');
  }
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0-65535), got "${portText}"`);
  const logLevel = (env.LOG_LEVEL ?? 'log') as LedgerConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const jwtSecret = env.AUTH_JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters');
  if (env.REDIS_URL !== undefined && !/^rediss?:\/\//.test(env.REDIS_URL)) problems.push(`REDIS_URL must start with redis:// or rediss://, got "${env.REDIS_URL}"`);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return {
    store: store as LedgerConfig['store'],
    dataDir: path.resolve(env.LEDGER_DATA_DIR ?? './data'),
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING,
    redisUrl: env.REDIS_URL,
    port,
    host: env.HOST ?? '127.0.0.1',
    jwtSecret,
    logLevel,
  };
}
