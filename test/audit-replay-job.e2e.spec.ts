import { EventStore } from '@ledger/event-store';
import { ProjectionEngine } from '@ledger/projections';
import { replayJobHandler, ReplayJobResult } from '../apps/ledger-api/src/audit/replay.job';
import { EVENT_STORE } from '../apps/ledger-api/src/infrastructure/tokens';
import { associate, scicAlpha } from './support/fixtures';
import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';

/**
 * The replay job's handler against the real app's store and projections (the POST …/replays
 * endpoint enqueues it on the JobQueue): progress to 100, the digest the service computes, the
 * read models at the point replayed, and the comparison with the live read models.
 */
describe('audit replay job', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  let paymentPosition: number;
  const coop = '/v1/cooperatives/alpha';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor', ['alpha']));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scicAlpha, id: 'beta', name: 'Beta' })
      .expect(201);
    for (const id of ['ana', 'bob', 'cleo'])
      await t
        .http()
        .post(`${coop}/associates`)
        .set(gerant)
        .send(associate(id, 'employee', 4, { collegeCode: 'workers', paidCents: 5000 }))
        .expect(201);
    paymentPosition = (await t.http().post(`${coop}/associates/ana/payments`).set(gerant).send({ amountCents: 15000, effectiveDate: '2024-03-01' }).expect(201)).body.position;
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const run = async (data: Parameters<ReturnType<typeof replayJobHandler>>[0]['data']) => {
    const progress: number[] = [];
    const handler = replayJobHandler(t.app.get<EventStore>(EVENT_STORE), t.app.get(ProjectionEngine));
    const result: ReplayJobResult = await handler({ data, progress: async (p) => void progress.push(p) });
    return { result, progress };
  };

  it('replays the whole history: progress up to 100, the digest /verification gives, live read models equal to the replay', async () => {
    const { result, progress } = await run({ coopId: 'alpha', asOf: '2024-12-31' });
    expect(progress[progress.length - 1]).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const verification = await t.http().get(`${coop}/verification`).set(auditor).expect(200);
    expect(result).toMatchObject({ coopId: 'alpha', events: verification.body.events, digest: verification.body.digest, chain: { valid: true }, comparison: { matches: true } });
    expect(result.readModels.capTable).toEqual((await t.http().get(`${coop}/cap-table?asOf=2024-12-31`).set(auditor).expect(200)).body);
  });

  it('replays up to a position: the cap table as the ledger showed it then, equal to atPosition on the live service', async () => {
    const { result } = await run({ coopId: 'alpha', asOf: '2024-12-31', until: { position: String(paymentPosition - 1) } });
    expect(result.comparison).toEqual({ matches: true });
    expect(result.readModels.capTable!.totals.paidUpCents).toBe(15000);
    expect(result.readModels.capTable).toEqual(
      (
        await t
          .http()
          .get(`${coop}/cap-table?asOf=2024-12-31&atPosition=${paymentPosition - 1}`)
          .set(auditor)
          .expect(200)
      ).body,
    );
  });

  it('names the first event where the live read model differs from the replay', async () => {
    const live = t.app.get(ProjectionEngine).state<{ coops: Record<string, { events: Array<{ data: { amountCents?: number } }> }> }>('cooperatives');
    const events = live.coops.alpha.events;
    const payment = events[events.length - 1];
    const original = payment.data;
    payment.data = { ...original, amountCents: 15001 };
    try {
      const { result } = await run({ coopId: 'alpha', asOf: '2024-12-31' });
      expect(result.chain.valid).toBe(true);
      expect(result.comparison).toMatchObject({ matches: false, firstDivergence: { readModel: 'cooperatives', streamId: 'cooperative-alpha', position: String(paymentPosition), reason: 'differs' } });
    } finally {
      payment.data = original;
    }
  });
});
