import 'reflect-metadata';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
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
 */
export async function startTestApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'))): Promise<TestApp> {
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...serverStoreEnv(dataDir) });
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
}

function serverStoreEnv(dataDir: string): NodeJS.ProcessEnv {
  if (process.env.LEDGER_STORE !== 'postgres') return {};
  return { LEDGER_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? TEST_DATABASE_URL, DATABASE_SCHEMA: testSchemaOf(dataDir) };
}

function testSchemaOf(dataDir: string): string {
  return `e2e_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
