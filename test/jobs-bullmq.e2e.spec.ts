import { INestApplicationContext } from '@nestjs/common';
import { TEST_REDIS_URL, dropPrefix, redisReachable, testPrefix } from '@ledger/jobs/testing/redis-for-tests';
import { bearer, removeDir, TestApp } from './support/test-app';
import { AG, closings, openAssembly, settled, startAppWith, startWorkerWith } from './jobs-support';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/**
 * Jobs on BullMQ (REDIS_URL): the API only enqueues, workers run. Two workers and a restart
 * between the opening of a vote window and its end: the resolution is closed once.
 */
describe('Vote windows on BullMQ with two workers and a restart', () => {
  let reachable = false;
  const prefix = testPrefix('jobs-e2e');
  const env = { REDIS_URL: TEST_REDIS_URL, LEDGER_JOBS_PREFIX: prefix };
  let t: TestApp;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    reachable = await redisReachable('Vote windows on BullMQ');
    if (!reachable) return;
    t = await startAppWith(env);
    await openAssembly(t);
  });
  afterAll(async () => {
    if (!reachable) return;
    for (const worker of workers) await worker.close();
    await t.close();
    removeDir(t.dataDir);
    await dropPrefix(prefix);
  });

  it('closes the resolution once, at its time, whichever worker survives', async () => {
    if (!reachable) return expect(reachable).toBe(false);
    const gerant = bearer(t.token('gerant'));
    const opened = await t
      .http()
      .post(`${AG}/resolutions/r1/vote-window`)
      .set(gerant)
      .send({ closesAt: inSeconds(2) })
      .expect(201);
    // The API runs no job itself: the window waits for a worker.
    expect((await t.http().get(opened.headers.location).set(gerant).expect(200)).body.state).toBe('delayed');
    expect((await t.http().get('/health').expect(200)).body).toEqual({ status: 'ok', store: 'up', redis: 'up' });

    const first = await startWorkerWith(env, t.dataDir);
    workers.push(await startWorkerWith(env, t.dataDir));
    // A restart of the first worker before the window ends.
    await first.close();
    workers.push(await startWorkerWith(env, t.dataDir));

    const done = await settled(t, opened.headers.location, gerant);
    expect(done).toMatchObject({ state: 'completed', progress: 100, result: { resolutionId: 'r1', closed: true, outcome: 'adopted' }, attemptsMade: 1 });
    expect((await closings(t)).map((e) => e.data.resolutionId)).toEqual(['r1']);
    expect((await t.http().get(AG).set(gerant).expect(200)).body.resolutions[0]).toMatchObject({ status: 'closed', outcome: 'adopted' });
  });

  it('shows a window that could not close with its error, failed for good', async () => {
    if (!reachable) return expect(reachable).toBe(false);
    const gerant = bearer(t.token('gerant'));
    // A second AG, convened but never opened: at closesAt the assembly refuses the closing.
    const resolutions = [{ id: 'r1', title: 'Comptes', text: 'Texte.', kind: 'ordinary' }];
    await t
      .http()
      .post('/v1/cooperatives/alpha/assemblies')
      .set(gerant)
      .send({ id: 'ag2', kind: 'ordinary', title: 'AGO 2', convenedOn: '2025-06-15', heldOn: '2025-07-05', place: 'Siège social', call: 1, resolutions })
      .expect(201);
    const opened = await t
      .http()
      .post('/v1/cooperatives/alpha/assemblies/ag2/resolutions/r1/vote-window')
      .set(gerant)
      .send({ closesAt: inSeconds(0.5) })
      .expect(201);
    const failed = await settled(t, opened.headers.location, gerant);
    expect(failed).toMatchObject({ state: 'failed', attemptsMade: 1 });
    expect(failed.error).toMatch(/open/);
  });
});
