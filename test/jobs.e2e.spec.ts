import { removeDir, startTestApp, TestApp, bearer, jobsOnRedis } from './support/test-app';
import { JobServices } from '../apps/ledger-api/src/jobs/job-kind';
import { voteWindowJob, voteWindowJobId } from '../apps/ledger-api/src/jobs/vote-window.job';
import { projectionRebuildJob } from '../apps/ledger-api/src/jobs/projection-rebuild.job';
import { assembliesProjection } from '@ledger/projections';
import { AG, closings, openAssembly, settled } from './jobs-support';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

/**
 * Jobs inline (no REDIS_URL): the API runs them itself, on the ledger's SQLite file; in the
 * servers' run (`npm run test:servers`) on BullMQ, still run by the API (LEDGER_RUN_JOBS=true).
 * A vote window closes its resolution once, at its time, and survives a restart in between.
 */
const runner = jobsOnRedis() ? 'on BullMQ, run by the API' : 'inline';

describe(`Vote windows and GET /v1/jobs/:jobId, ${runner}`, () => {
  let t: TestApp;
  let gerant: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await openAssembly(t);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('closes the resolution at closesAt through a delayed job whose progress and result GET /v1/jobs/:jobId answers', async () => {
    const opened = await t
      .http()
      .post(`${AG}/resolutions/r1/vote-window`)
      .set(gerant)
      .send({ closesAt: inSeconds(1.2) })
      .expect(201);
    expect(opened.headers.location).toBe(`/v1/jobs/${voteWindowJobId('alpha', 'ag', 'r1')}`);
    expect(opened.body).toMatchObject({ id: voteWindowJobId('alpha', 'ag', 'r1'), events: [], job: { kind: 'vote-window', state: 'delayed', progress: 0, cooperative: 'alpha' } });
    expect(opened.headers.etag).toMatch(/^"\d+"$/);

    const before = await t.http().get(opened.headers.location).set(gerant).expect(200);
    expect(before.body.state).toBe('delayed');
    expect((await t.http().get(AG).set(gerant).expect(200)).body.resolutions[0].status).toBe('open');

    const done = await settled(t, opened.headers.location, gerant);
    expect(done).toMatchObject({ state: 'completed', progress: 100, result: { resolutionId: 'r1', closed: true, outcome: 'adopted' } });
    expect((await t.http().get(AG).set(gerant).expect(200)).body.resolutions[0]).toMatchObject({ status: 'closed', outcome: 'adopted' });
    expect((await closings(t)).map((e) => e.data.resolutionId)).toEqual(['r1']);
  });

  it('answers a job of another cooperative 404, and an unknown job 404', async () => {
    const location = `/v1/jobs/${voteWindowJobId('alpha', 'ag', 'r1')}`;
    await t
      .http()
      .get(location)
      .set(bearer(t.token('accountant', ['alpha'])))
      .expect(200);
    const other = await t
      .http()
      .get(location)
      .set(bearer(t.token('gerant', ['beta'])))
      .expect(404);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    await t.http().get('/v1/jobs/no-such-job').set(gerant).expect(404);
    await t.http().get(location).expect(401);
    // Jobs inline: nothing to say about a Redis; on BullMQ, whether it answers.
    expect((await t.http().get('/health').expect(200)).body).toEqual({ status: 'ok', store: 'up', ...(jobsOnRedis() ? { redis: 'up' } : {}) });
  });

  it('refuses a window in the past, on a closed resolution, on an unknown resolution, or badly written, and a second window at another time', async () => {
    const r2 = `${AG}/resolutions/r2/vote-window`;
    expect((await t.http().post(r2).set(gerant).send({ closesAt: '2020-01-01T18:00:00Z' }).expect(422)).body.code).toBe('INVALID_VALUE');
    expect(
      (
        await t
          .http()
          .post(`${AG}/resolutions/r1/vote-window`)
          .set(gerant)
          .send({ closesAt: inSeconds(60) })
          .expect(422)
      ).body.code,
    ).toBe('INVALID_STATE');
    await t
      .http()
      .post(`${AG}/resolutions/r9/vote-window`)
      .set(gerant)
      .send({ closesAt: inSeconds(60) })
      .expect(404);
    await t.http().post(r2).set(gerant).send({ closesAt: '2030-06-10 18:00' }).expect(400);
    await t.http().post(r2).set(gerant).send({ closesAt: '2030-02-30T18:00:00Z' }).expect(400);
    await t.http().post(r2).set(gerant).send({}).expect(400);
    await t
      .http()
      .post(r2)
      .set(bearer(t.token('accountant')))
      .send({ closesAt: inSeconds(60) })
      .expect(403);

    const closesAt = inSeconds(120);
    const first = await t.http().post(r2).set(gerant).send({ closesAt }).expect(201);
    const again = await t.http().post(r2).set(gerant).send({ closesAt }).expect(201);
    expect(again.body.id).toBe(first.body.id);
    expect(
      (
        await t
          .http()
          .post(r2)
          .set(gerant)
          .send({ closesAt: inSeconds(300) })
          .expect(409)
      ).body.code,
    ).toBe('VOTE-WINDOW-EXISTS');
    await t.http().post(r2).set(gerant).set('If-Match', '"1"').send({ closesAt }).expect(412);
  });

  it('closes once when the job runs twice at the same moment (two workers, a rerun after a crash): the second run finds it closed', async () => {
    const run = voteWindowJob.handler(t.app.get(JobServices));
    const job = (attempt: number) => ({
      id: 'twice',
      kind: 'vote-window',
      attempt,
      data: { coopId: 'alpha', assemblyId: 'ag', resolutionId: 'r3', closesAt: inSeconds(0), openedBy: 'test' },
      progress: async () => undefined,
    });
    const results = (await Promise.all([run(job(1)), run(job(2))])) as Array<{ closed: boolean }>;
    expect(results.map((r) => r.closed).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.closed)).toMatchObject({ alreadyClosed: true, outcome: expect.any(String) });
    expect((await closings(t)).filter((e) => e.data.resolutionId === 'r3')).toHaveLength(1);
  });
});

describe(`A vote window across a restart, ${runner}`, () => {
  it('is closed by the restarted API when its time came while it was down', async () => {
    let t = await startTestApp();
    const dataDir = t.dataDir;
    try {
      await openAssembly(t);
      const gerant = bearer(t.token('gerant'));
      const opened = await t
        .http()
        .post(`${AG}/resolutions/r1/vote-window`)
        .set(gerant)
        .send({ closesAt: inSeconds(1) })
        .expect(201);
      await t.close();
      await new Promise((resolve) => setTimeout(resolve, 1300));

      t = await startTestApp(dataDir);
      const done = await settled(t, opened.headers.location, bearer(t.token('gerant')));
      expect(done).toMatchObject({ state: 'completed', result: { closed: true } });
      expect((await closings(t)).map((e) => e.data.resolutionId)).toEqual(['r1']);
    } finally {
      await t.close();
      removeDir(dataDir);
    }
  });
});

describe('A projection rebuild job', () => {
  it('folds the log from 0 with progress up to 100 and saves a snapshot of the new version that the next start loads', async () => {
    const t = await startTestApp();
    try {
      await openAssembly(t);
      const services = t.app.get(JobServices);
      const progress: number[] = [];
      const run = projectionRebuildJob.handler(services);
      const result = (await run({
        id: 'rebuild',
        kind: 'projection-rebuild',
        attempt: 1,
        data: { projection: assembliesProjection.name, version: assembliesProjection.version },
        progress: async (p) => void progress.push(p),
      })) as { events: number; position: string };
      expect(result.events).toBeGreaterThanOrEqual(6);
      expect(progress.length).toBeGreaterThan(0);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      const saved = await services.snapshots().load(assembliesProjection.name);
      expect(saved).toMatchObject({ version: assembliesProjection.version, position: BigInt(result.position) });
      expect(saved?.state).toEqual(JSON.parse(JSON.stringify(services.engine.state(assembliesProjection.name))));
      await expect(run({ id: 'x', kind: 'projection-rebuild', attempt: 1, data: { projection: 'nope', version: 1 }, progress: async () => undefined })).rejects.toThrow(/no projection is named nope/);
    } finally {
      await t.close();
      removeDir(t.dataDir);
    }
  });
});
