import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * The two axes of the bitemporal ledger through the real app. Ana subscribes 10 shares paid a
 * quarter on admission (1 February 2024); the payment of the rest is made on 1 March 2024 but
 * recorded later, back-dated. `asOf` says what was true on a date; `knownAt`/`atPosition` say
 * what the ledger showed at an instant: before the back-dated payment was recorded, the cap
 * table as of 31 March 2024 showed a quarter paid; after, all of it.
 */
describe('knownAt / atPosition: what the ledger showed, beside what was true', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  const coop = '/v1/cooperatives/alpha';
  let beforePayment: string;
  let afterPayment: string;
  let paymentPosition: number;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor', ['alpha'], 'reviseur-1'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post(`${coop}/associates`)
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers', paidCents: 12500 }))
      .expect(201);
    await tick();
    beforePayment = new Date().toISOString();
    await tick();
    const payment = await t.http().post(`${coop}/associates/ana/payments`).set(gerant).send({ amountCents: 37500, effectiveDate: '2024-03-01' }).expect(201);
    paymentPosition = payment.body.position;
    await tick();
    afterPayment = new Date().toISOString();
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const paidUp = async (query: string) => (await t.http().get(`${coop}/cap-table?${query}`).set(auditor).expect(200)).body.totals.paidUpCents;

  it('shows the back-dated payment on the effective axis, and on the recorded axis only from when it was recorded', async () => {
    expect(await paidUp('asOf=2024-03-31')).toBe(50000);
    expect(await paidUp(`asOf=2024-03-31&knownAt=${beforePayment}`)).toBe(12500);
    expect(await paidUp(`asOf=2024-03-31&knownAt=${afterPayment}`)).toBe(50000);
    expect(await paidUp(`asOf=2024-02-15&knownAt=${afterPayment}`)).toBe(12500);
    expect(await paidUp(`asOf=2024-03-31&atPosition=${paymentPosition - 1}`)).toBe(12500);
    expect(await paidUp(`asOf=2024-03-31&atPosition=${paymentPosition}`)).toBe(50000);
  });

  it('cuts the other read endpoints the same way: associate, cooperative (ETag of the revision then), register, compliance', async () => {
    const ana = await t.http().get(`${coop}/associates/ana?asOf=2024-03-31&knownAt=${beforePayment}`).set(auditor).expect(200);
    expect(ana.body.paidUpCents).toBe(12500);
    const list = await t.http().get(`${coop}/associates?asOf=2024-03-31&knownAt=${beforePayment}`).set(auditor).expect(200);
    expect(list.body.items.map((a: { paidUpCents: number }) => a.paidUpCents)).toEqual([12500]);
    const then = await t.http().get(`${coop}?asOf=2024-03-31&knownAt=${beforePayment}`).set(auditor).expect(200);
    const now = await t.http().get(`${coop}?asOf=2024-03-31`).set(auditor).expect(200);
    expect(then.body.paidUpCents).toBe(12500);
    expect(then.headers.etag).toBe(`W/"${now.body.revision - 1}"`);
    const register = await t.http().get(`${coop}/capital-movements?knownAt=${beforePayment}`).set(auditor).expect(200);
    expect(register.body.items.map((r: { type: string }) => r.type)).toEqual(['SharesSubscribed']);
    await t.http().get(`${coop}/compliance?asOf=2024-03-31&knownAt=${beforePayment}`).set(auditor).expect(200);
  });

  it('answers 404 for a cooperative not recorded yet at that instant, 400 for a knownAt that is no instant', async () => {
    await t.http().get(`${coop}/cap-table?knownAt=2000-01-01T00:00:00Z`).set(auditor).expect(404);
    for (const bad of ['knownAt=2024-03-01', 'knownAt=yesterday', 'atPosition=-1', 'atPosition=1e3']) {
      const res = await t.http().get(`${coop}/cap-table?${bad}`).set(auditor).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors[0].field).toBe(bad.split('=')[0]);
    }
  });
});
