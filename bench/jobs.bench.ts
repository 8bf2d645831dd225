import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import request from 'supertest';
import { BullMqJobQueue, JobHandler } from '@ledger/jobs';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { loadConfig } from '../apps/ledger-api/src/config/config';
import { createLedgerWorker } from '../apps/ledger-worker/src/worker.factory';

/**
 * Issue 10's job figures: BullMQ jobs/s on this machine's Redis — the queue alone (a handler that
 * does nothing, one worker at concurrency 1 and 8), then through the ledger's worker, where each
 * job is a vote window closing a resolution through the write path (an AG of 200 resolutions,
 * every window due at once). Not a test: it measures and prints.
 *
 *   npm run bench:jobs                       # REDIS_URL, else redis://127.0.0.1:6379
 *   BENCH_JOBS=20000 npm run bench:jobs      # more no-op jobs
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const NOOP_JOBS = Number(process.env.BENCH_JOBS ?? 5000);
const WINDOWS = 200;

async function waitUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  client.disconnect();
}

/** The queue alone: enqueue N no-op jobs, then one worker drains them. */
async function noopJobs(concurrency: number): Promise<{ enqueuedPerS: number; runPerS: number }> {
  const prefix = `ledger-bench-${randomUUID().slice(0, 8)}`;
  const queue = new BullMqJobQueue({ url: REDIS_URL, prefix });
  let ran = 0;
  const started = performance.now();
  for (let i = 0; i < NOOP_JOBS; i += 100) await Promise.all(Array.from({ length: Math.min(100, NOOP_JOBS - i) }, (_, j) => queue.enqueue('noop', { i: i + j }, { jobId: `noop-${i + j}`, attempts: 1 })));
  const enqueued = performance.now();
  await queue.work(new Map([['noop', (async () => ++ran) as JobHandler<never>]]), { concurrency });
  await waitUntil(async () => ran >= NOOP_JOBS, 300_000);
  const finished = performance.now();
  await queue.close();
  await dropPrefix(prefix);
  return { enqueuedPerS: NOOP_JOBS / ((enqueued - started) / 1000), runPerS: NOOP_JOBS / ((finished - enqueued) / 1000) };
}

/** Through the ledger's worker: 200 vote windows due at once, each a CloseResolution on the write path. */
async function voteWindows(): Promise<{ perS: number; ms: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-jobs-'));
  const prefix = `ledger-bench-${randomUUID().slice(0, 8)}`;
  const env = { LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error', REDIS_URL, LEDGER_JOBS_PREFIX: prefix };
  const app = await createLedgerApp(loadConfig(env), { logger: false });
  const auth = { Authorization: `Bearer ${app.get(TokenService).sign({ sub: 'bench', role: 'gerant', coops: ['*'] })}` };
  const http = () => request(app.getHttpServer());
  await http().post('/v1/cooperatives').set(auth).send({ id: 'alpha', name: 'Alpha', legalForm: 'SCOP', companyForm: 'SARL', registeredOn: '2023-03-01', shareValueCents: 10000 }).expect(201);
  await http().post('/v1/cooperatives/alpha/associates').set(auth).send({ id: 'ana', name: 'Ana', personType: 'natural', category: 'employee', admittedOn: '2024-02-01', shares: 2 }).expect(201);
  const resolutions = Array.from({ length: WINDOWS }, (_, i) => ({ id: `r${i}`, title: `Résolution ${i}`, text: `Texte ${i}.`, kind: 'ordinary' }));
  const ag = '/v1/cooperatives/alpha/assemblies/ag';
  await http().post('/v1/cooperatives/alpha/assemblies').set(auth).send({ id: 'ag', kind: 'ordinary', title: 'AGO', convenedOn: '2025-05-15', heldOn: '2025-06-05', place: 'Siège', call: 1, resolutions }).expect(201);
  await http().post(`${ag}/attendance`).set(auth).send({ associateId: 'ana', mode: 'present' }).expect(201);
  await http().post(`${ag}/opening`).set(auth).send({}).expect(201);
  const closesAt = new Date(Date.now() + 3000).toISOString();
  const ids: string[] = [];
  for (const r of resolutions) ids.push((await http().post(`${ag}/resolutions/${r.id}/vote-window`).set(auth).send({ closesAt }).expect(201)).body.id as string);
  const worker = await createLedgerWorker(loadConfig(env), { logger: false });
  await waitUntil(async () => Date.now() >= Date.parse(closesAt), 10_000);
  const started = performance.now();
  await waitUntil(async () => {
    const { body } = await http().get(ag).set(auth).expect(200);
    return (body.resolutions as Array<{ status: string }>).every((r) => r.status === 'closed');
  }, 120_000);
  const ms = performance.now() - started;
  await worker.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  await dropPrefix(prefix);
  return { perS: WINDOWS / (ms / 1000), ms };
}

async function main(): Promise<void> {
  console.log(`# Jobs on BullMQ — node ${process.version}, ${cpus().length} cores, Redis ${REDIS_URL}`);
  for (const concurrency of [1, 8]) {
    const { enqueuedPerS, runPerS } = await noopJobs(concurrency);
    console.log(`no-op jobs, ${NOOP_JOBS}: enqueued ${enqueuedPerS.toFixed(0)}/s (100 at a time); run by one worker at concurrency ${concurrency}: ${runPerS.toFixed(0)} jobs/s`);
  }
  const windows = await voteWindows();
  console.log(`vote windows through the ledger's worker (SQLite store, ${WINDOWS} due at once): ${windows.perS.toFixed(0)} jobs/s (${windows.ms.toFixed(0)} ms for all, each closing a resolution through the write path)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
