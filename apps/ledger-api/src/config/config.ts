import * as path from 'path';
import { OidcConfig, oidcConfigFrom } from '../auth/oidc.config';

/** Everything the service reads from its environment, validated once at boot. */
export interface LedgerConfig {
  store: LedgerStore;
  dataDir: string;
  /**
   * LEDGER_EXPORTS_DIR (default `<dataDir>/exports`): where export jobs write the files clients
   * download. With API replicas and workers on several machines it must be one shared volume:
   * a worker writes the file, any replica serves it.
   */
  exportsDir: string;
  /** PostgreSQL (LEDGER_STORE=postgres): postgres://user:password@host:port/database */
  databaseUrl?: string;
  /** PostgreSQL schema of the ledger's tables, created on first use. */
  databaseSchema: string;
  eventStoreConnectionString?: string;
  redisUrl?: string;
  /** BullMQ's key prefix on Redis (LEDGER_JOBS_PREFIX, default `ledger`): one per deployment sharing a Redis. */
  jobsPrefix: string;
  /** LEDGER_RUN_JOBS: whether the API process runs jobs itself; default yes without Redis (inline), no with it (the worker does). */
  runJobs?: boolean;
  /**
   * LEDGER_READ_MODEL_BUDGET_MB (default 1024): the memory the server keeps of cooperatives
   * between requests, whatever their history — half for the read models (the least recently
   * read cooperatives give their events back to the snapshot), half for the write path's states
   * (the least recently written are read again from their snapshot when next written).
   */
  readModelBudgetMiB: number;
  port: number;
  /** Interface to listen on: loopback by default, 0.0.0.0 in a container. */
  host: string;
  jwtSecret?: string;
  /** An identity provider's tokens (AUTH_OIDC_*), beside the service's own HS256 ones. */
  oidc?: OidcConfig;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const STORES = ['sqlite', 'postgres', 'esdb'] as const;
export type LedgerStore = (typeof STORES)[number];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const problems: string[] = [];
  const store = (env.LEDGER_STORE ?? 'sqlite').trim();
  if (!(STORES as readonly string[]).includes(store)) problems.push(`LEDGER_STORE must be "sqlite", "postgres" or "esdb", got "${store}"`);
  if (store === 'postgres' && !env.DATABASE_URL) problems.push('LEDGER_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/database)');
  if (env.DATABASE_URL !== undefined && !/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) problems.push(`DATABASE_URL must start with postgres:// or postgresql://, got "${redactPassword(env.DATABASE_URL)}"`);
  const databaseSchema = env.DATABASE_SCHEMA ?? 'public';
  // Spliced into SQL and a NOTIFY channel's name (see PostgresEventStore); pg_ names are PostgreSQL's own.
  if (!/^(?!pg_)[a-z_][a-z0-9_]{0,39}$/.test(databaseSchema)) problems.push(`DATABASE_SCHEMA must be a lower-case identifier (a-z, 0-9, _; at most 40; not pg_…), got "${databaseSchema}"`);
  if (store === 'esdb' && !env.EVENTSTORE_CONNECTION_STRING) problems.push('LEDGER_STORE=esdb needs EVENTSTORE_CONNECTION_STRING (esdb://host:2113?tls=false, or esdb+discover://… for a cluster)');
  if (env.EVENTSTORE_CONNECTION_STRING !== undefined && !/^esdb(\+discover)?:\/\//.test(env.EVENTSTORE_CONNECTION_STRING)) {
    problems.push(`EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://, got "${redactPassword(env.EVENTSTORE_CONNECTION_STRING)}"`);
  }
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65535) problems.push(`PORT must be a port number (0-65535), got "${portText}"`);
  const logLevel = (env.LOG_LEVEL ?? 'log') as LedgerConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const jwtSecret = env.AUTH_JWT_SECRET;
  if (jwtSecret !== undefined && jwtSecret.length < 32) problems.push('AUTH_JWT_SECRET must be at least 32 characters');
  if (env.REDIS_URL !== undefined && !/^rediss?:\/\//.test(env.REDIS_URL)) problems.push(`REDIS_URL must start with redis:// or rediss://, got "${env.REDIS_URL}"`);
  const jobsPrefix = env.LEDGER_JOBS_PREFIX ?? 'ledger';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(jobsPrefix)) problems.push(`LEDGER_JOBS_PREFIX must be 1 to 64 letters, digits, _ or -, got "${jobsPrefix}"`);
  const runJobs = env.LEDGER_RUN_JOBS;
  if (runJobs !== undefined && runJobs !== 'true' && runJobs !== 'false') problems.push(`LEDGER_RUN_JOBS must be true or false, got "${runJobs}"`);
  const exportsDir = env.LEDGER_EXPORTS_DIR;
  if (exportsDir !== undefined && (exportsDir.trim() === '' || exportsDir.includes('\0'))) problems.push(`LEDGER_EXPORTS_DIR must be a folder path, got ${JSON.stringify(exportsDir)}`);
  const readModelBudget = env.LEDGER_READ_MODEL_BUDGET_MB ?? '1024';
  if (!/^[1-9][0-9]{1,6}$/.test(readModelBudget)) problems.push(`LEDGER_READ_MODEL_BUDGET_MB must be a whole number of MiB from 10, got "${readModelBudget}"`);
  const oidc = oidcConfigFrom(env, problems);
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  const dataDir = path.resolve(env.LEDGER_DATA_DIR ?? './data');
  return {
    store: store as LedgerStore,
    dataDir,
    exportsDir: exportsDir !== undefined ? path.resolve(exportsDir) : path.join(dataDir, 'exports'),
    databaseUrl: env.DATABASE_URL,
    databaseSchema,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING,
    redisUrl: env.REDIS_URL,
    jobsPrefix,
    ...(runJobs !== undefined ? { runJobs: runJobs === 'true' } : {}),
    readModelBudgetMiB: Number(readModelBudget),
    port,
    host: env.HOST ?? '127.0.0.1',
    jwtSecret,
    oidc,
    logLevel,
  };
}

/** A connection string as it may be printed: without its password. */
export function redactPassword(url: string): string {
  return url.replace(/^([a-z+]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
