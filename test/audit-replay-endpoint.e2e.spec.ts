import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/** POST …/replays through the real app: 202 and a job to follow, run by the inline runner, whose result the auditor reads at GET /v1/jobs/:jobId. */
describe('POST /v1/cooperatives/:coopId/replays (the auditor’s replay job)', () => {
  let t: TestApp;
  let auditor: Record<string, string>;
  let gerant: Record<string, string>;
  const coop = '/v1/cooperatives/alpha';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor', ['alpha'], 'reviseur'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post(`${coop}/associates`)
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
    await t
      .http()
      .post(`${coop}/associates`)
      .set(gerant)
      .send(associate('bruno', 'beneficiary', 4, { collegeCode: 'users' }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  async function finished(jobId: string): Promise<{ state: string; progress: number; result: Record<string, unknown> }> {
    for (let i = 0; i < 100; i++) {
      const job = await t.http().get(`/v1/jobs/${jobId}`).set(auditor).expect(200);
      if (job.body.state === 'completed' || job.body.state === 'failed') return job.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${jobId} did not finish`);
  }

  it('answers 202 with the job to follow, which replays the whole history: every hash, the digest /verification gives, the live read models matched', async () => {
    const started = await t.http().post(`${coop}/replays`).set(auditor).send({ asOf: '2024-12-31' }).expect(202);
    expect(started.body.jobId).toMatch(/^audit-replay-/);
    expect(started.headers.location).toBe(`/v1/jobs/${started.body.jobId}`);
    const job = await finished(started.body.jobId);
    const verification = await t.http().get(`${coop}/verification`).set(auditor).expect(200);
    expect(job).toMatchObject({
      state: 'completed',
      progress: 100,
      result: { coopId: 'alpha', digest: verification.body.digest, events: verification.body.events, chain: { valid: true }, comparison: { matches: true } },
    });
  });

  it('replays up to a position: the cap table as the ledger showed it then', async () => {
    const { events } = (await t.http().get(`${coop}/events`).set(auditor).expect(200)).body as { events: Array<{ position: number }> };
    const atPosition = String(events[2].position);
    const started = await t.http().post(`${coop}/replays`).set(auditor).send({ asOf: '2024-12-31', atPosition }).expect(202);
    const job = await finished(started.body.jobId);
    const then = await t.http().get(`${coop}/cap-table?asOf=2024-12-31&atPosition=${atPosition}`).set(auditor).expect(200);
    expect((job.result.readModels as { capTable: unknown }).capTable).toEqual(then.body);
    expect((then.body as { totals: { associates: number } }).totals.associates).toBe(1);
  });

  it('is the auditor’s: a gérant gets 403, another cooperative 404, a bad position 400 — problem+json, no job', async () => {
    await t.http().post(`${coop}/replays`).set(gerant).send({}).expect(403);
    const elsewhere = await t.http().post('/v1/cooperatives/beta/replays').set(auditor).send({}).expect(404);
    expect(elsewhere.headers['content-type']).toMatch(/application\/problem\+json/);
    const bad = await t.http().post(`${coop}/replays`).set(auditor).send({ atPosition: 'yesterday' }).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'atPosition' })]);
  });
});
