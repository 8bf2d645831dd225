import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createLedgerApp } from '../../apps/ledger-api/src/app.factory';
import { TokenService } from '../../apps/ledger-api/src/auth/token.service';
import { Role } from '../../apps/ledger-api/src/auth/roles';
import { loadConfig } from '../../apps/ledger-api/src/config/config';

export interface TestApp {
  app: NestFastifyApplication;
  dataDir: string;
  http: () => ReturnType<typeof request>;
  token: (role: Role, coops?: string[], sub?: string) => string;
  close: () => Promise<void>;
}

/** The real app on a fresh embedded store (or on `dataDir`, to start a second instance over it). */
export async function startTestApp(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'))): Promise<TestApp> {
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error' });
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
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
