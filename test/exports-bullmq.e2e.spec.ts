import { INestApplicationContext } from '@nestjs/common';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TEST_REDIS_URL, dropPrefix, redisReachable, testPrefix } from '@ledger/jobs/testing/redis-for-tests';
import { bearer, removeDir, TestApp } from './support/test-app';
import { raw, sha256 } from './exports-support';
import { settled, startAppWith, startWorkerWith } from './jobs-support';

/**
 * An export on BullMQ (REDIS_URL): the API only enqueues, the worker writes the FEC into the
 * exports folder both are given (LEDGER_EXPORTS_DIR, the shared volume of docker-compose.yml),
 * and the API serves the worker's file — the bytes of the synchronous GET.
 */
describe('An export job on BullMQ, written by the worker, downloaded through the API', () => {
  let reachable = false;
  const prefix = testPrefix('exports-e2e');
  const exportsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-exports-'));
  const env = { REDIS_URL: TEST_REDIS_URL, LEDGER_JOBS_PREFIX: prefix, LEDGER_EXPORTS_DIR: exportsDir };
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    reachable = await redisReachable('Export jobs on BullMQ');
    if (!reachable) return;
    t = await startAppWith(env);
    const gerant = bearer(t.token('gerant'));
    const post = (url: string, body: object) => t.http().post(url).set(gerant).send(body).expect(201);
    await post('/v1/cooperatives', { id: 'ex', name: 'Export SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-02', shareValueCents: 10_000, siren: '732829320' });
    await post('/v1/cooperatives/ex/associates', { id: 'a1', name: 'Zoé Œuvray', personType: 'natural', category: 'employee', admittedOn: '2024-01-02', shares: 60, paidCents: 150_000 });
    await post('/v1/cooperatives/ex/associates/a1/payments', { amountCents: 450_000, effectiveDate: '2024-03-01' });
  });
  afterAll(async () => {
    if (!reachable) return;
    await worker?.close();
    await t.close();
    removeDir(t.dataDir);
    fs.rmSync(exportsDir, { recursive: true, force: true });
    await dropPrefix(prefix);
  });

  it('waits for a worker, which writes the file the API then serves', async () => {
    if (!reachable) return expect(reachable).toBe(false);
    const accountant = bearer(t.token('accountant', ['ex']));
    const started = await t.http().post('/v1/cooperatives/ex/exports').set(accountant).send({ kind: 'fec', year: 2024 }).expect(202);
    // The API runs no job itself: the export waits for a worker.
    expect((await t.http().get(started.headers.location).set(accountant).expect(200)).body).toMatchObject({ kind: 'export', state: 'waiting', cooperative: 'ex' });

    worker = await startWorkerWith(env, t.dataDir);
    const job = await settled(t, started.headers.location, accountant);
    expect(job).toMatchObject({ state: 'completed', progress: 100, attemptsMade: 1 });
    const result = job.result as { download: string; file: { name: string; bytes: number; sha256: string } };

    const sync = await raw(t.http().get('/v1/cooperatives/ex/journal?year=2024&format=fec').set(accountant)).expect(200);
    const file = await raw(t.http().get(result.download).set(accountant)).expect(200);
    const bytes = file.body as Buffer;
    // ISO 8859-15, as the norm reads it: Œ is one byte, 0xBC.
    expect(bytes.includes(Buffer.from('Zo\xe9 \xbcuvray', 'latin1'))).toBe(true);
    expect(bytes.equals(sync.body as Buffer)).toBe(true);
    expect(file.headers['content-disposition']).toBe('attachment; filename="732829320FEC20241231.txt"');
    expect(result.file).toMatchObject({ name: '732829320FEC20241231.txt', bytes: bytes.length, sha256: sha256(bytes) });
    expect(fs.readdirSync(exportsDir)).toEqual([started.body.jobId]);
  });
});
