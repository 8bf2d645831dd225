import 'reflect-metadata';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { INestApplicationContext } from '@nestjs/common';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { Role } from '../apps/ledger-api/src/auth/roles';
import { loadConfig } from '../apps/ledger-api/src/config/config';
import { createLedgerWorker } from '../apps/ledger-worker/src/worker.factory';
import { TestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/** The real app with the environment a deployment would give it (REDIS_URL, LEDGER_JOBS_PREFIX…). */
export async function startAppWith(env: Record<string, string>, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-jobs-'))): Promise<TestApp> {
  const config = loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env });
  const app = await createLedgerApp(config, { logger: false });
  const tokens = app.get(TokenService);
  return {
    app,
    dataDir,
    http: () => request(app.getHttpServer()),
    token: (role: Role, coops = ['*'], sub = `test-${role}`) => tokens.sign({ sub, role, coops }),
    close: () => app.close(),
  };
}

/** The worker (apps/ledger-worker) in this process, over the same data folder and queue. */
export function startWorkerWith(env: Record<string, string>, dataDir: string): Promise<INestApplicationContext> {
  return createLedgerWorker(loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env }), { logger: false });
}

export const AG = '/v1/cooperatives/alpha/assemblies/ag';

/** A SCIC with one associate and an open AG of two ordinary resolutions, Ana having voted for r1. */
export async function openAssembly(t: TestApp): Promise<void> {
  const gerant = { Authorization: `Bearer ${t.token('gerant')}` };
  await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
  await t
    .http()
    .post('/v1/cooperatives/alpha/associates')
    .set(gerant)
    .send(associate('ana', 'employee', 2, { collegeCode: 'workers' }))
    .expect(201);
  const resolutions = ['r1', 'r2', 'r3'].map((id) => ({ id, title: `Résolution ${id}`, text: `Texte de la résolution ${id}.`, kind: 'ordinary' }));
  await t
    .http()
    .post('/v1/cooperatives/alpha/assemblies')
    .set(gerant)
    .send({ id: 'ag', kind: 'ordinary', title: 'AGO', convenedOn: '2025-05-15', heldOn: '2025-06-05', place: 'Siège social', call: 1, resolutions })
    .expect(201);
  await t.http().post(`${AG}/attendance`).set(gerant).send({ associateId: 'ana', mode: 'present' }).expect(201);
  await t.http().post(`${AG}/opening`).set(gerant).send({}).expect(201);
  await t.http().post(`${AG}/resolutions/r1/ballots`).set(gerant).send({ associateId: 'ana', choice: 'for' }).expect(201);
}

/** Polls GET /v1/jobs/:jobId until the job is settled. */
export async function settled(
  t: TestApp,
  location: string,
  auth: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ state: string; progress: number; result?: Record<string, unknown>; error?: string; attemptsMade: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await t.http().get(location).set(auth).expect(200);
    if (body.state === 'completed' || body.state === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`${location} did not settle: ${JSON.stringify(body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The ResolutionClosed events of the assembly, as the auditor reads them. */
export async function closings(t: TestApp): Promise<Array<{ data: { resolutionId: string } }>> {
  const { body } = await t
    .http()
    .get('/v1/cooperatives/alpha/events')
    .set({ Authorization: `Bearer ${t.token('auditor')}` })
    .expect(200);
  return (body.events as Array<{ type: string; data: { resolutionId: string } }>).filter((e) => e.type === 'ResolutionClosed');
}
