import 'reflect-metadata';
import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLedgerApp } from '../../apps/ledger-api/src/app.factory';
import { TokenService } from '../../apps/ledger-api/src/auth/token.service';
import { Role } from '../../apps/ledger-api/src/auth/roles';
import { loadConfig } from '../../apps/ledger-api/src/config/config';
import { dropSchemaSync, TEST_DATABASE_URL } from '../postgres-test-database';

export interface TestApp {
  app: NestFastifyApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  token: (role: Role, coops?: string[], sub?: string) => string;
  close: () => Promise<void>;
}

/**
 * The real app on a fresh embedded store (or on `dataDir`, to start a second instance over it).
 * With LEDGER_STORE=postgres in the environment, on PostgreSQL instead (DATABASE_URL, else the
 * test database), in a schema named after `dataDir`: fresh per app, shared by a second instance.
 * With REDIS_URL too, its jobs go on BullMQ under a key prefix named the same way.
 */
export async function startTestApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'))): Promise<TestApp> {
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...testAppEnv(dataDir) });
  const app = await createLedgerApp(config, { logger: false });
  const tokens = app.get(TokenService);
  return {
    app,
    dataDir,
    http: () => request(app.getHttpServer()),
    token: (role, coops = ['*'], sub = `test-${role}`) => tokens.sign({ sub, role, coops }),
    close: () => app.close(),
  };
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  if (process.env.LEDGER_STORE === 'postgres') dropSchemaSync(testSchemaOf(dir));
  if (jobsOnRedis()) dropPrefixSync(process.env.REDIS_URL!, testSchemaOf(dir));
}

/** The environment a test app over `dataDir` gets beside its data folder: a process of its own needs it too. */
export function testAppEnv(dataDir: string): Record<string, string> {
  return { ...serverStoreEnv(dataDir), ...redisEnv(dataDir) };
}

function serverStoreEnv(dataDir: string): Record<string, string> {
  if (process.env.LEDGER_STORE !== 'postgres') return {};
  return { LEDGER_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? TEST_DATABASE_URL, DATABASE_SCHEMA: testSchemaOf(dataDir) };
}

/**
 * REDIS_URL beside LEDGER_STORE=postgres (the servers' run, `npm run test:servers`): jobs on
 * BullMQ, run by the app itself (LEDGER_RUN_JOBS=true) since no worker process is started beside
 * it. Only beside postgres, so a REDIS_URL left in a shell does not change what `npm test` runs.
 */
function redisEnv(dataDir: string): Record<string, string> {
  if (!jobsOnRedis()) return {};
  return { REDIS_URL: process.env.REDIS_URL!, LEDGER_JOBS_PREFIX: testSchemaOf(dataDir), LEDGER_RUN_JOBS: 'true' };
}

/** The schema, and the jobs' key prefix on Redis, of the app over `dataDir`. */
export function testSchemaOf(dataDir: string): string {
  return `e2e_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

/** Runs `work` on the PostgreSQL of the test apps (LEDGER_STORE=postgres), for tests that reach behind the store. */
export async function onTestAppDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL ?? TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Whether the test apps run their jobs on BullMQ (LEDGER_STORE=postgres with REDIS_URL). */
export function jobsOnRedis(): boolean {
  return process.env.LEDGER_STORE === 'postgres' && !!process.env.REDIS_URL;
}

/** Deletes the jobs' keys under `prefix` (synchronous, like dropSchemaSync, for removeDir). */
function dropPrefixSync(redisUrl: string, prefix: string): void {
  const drop = `
    const { Redis } = require('ioredis');
    const client = new Redis(process.argv[1], { maxRetriesPerRequest: 1 });
    (async () => {
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', process.argv[2] + ':*', 'COUNT', 500);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      client.disconnect();
    })().catch((error) => { process.stderr.write(String(error.message)); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', drop, redisUrl, prefix], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) throw new Error(`Could not delete the test jobs under ${prefix} on Redis: ${result.stderr || result.error?.message}`);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
