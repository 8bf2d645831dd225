import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate } from './support/fixtures';

/**
 * The reproductions, through the real HTTP app: each was answered 201 and left a date
 * with an impossible cooperative; each is now refused naming the rule.
 */
describe('Every date holds: a back-dated act is judged on the history it enters', () => {
  let t: TestApp;
  let gerant: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const coop = (id: string, legalForm: 'SCIC' | 'SCOP') => ({ id, name: `Coop ${id}`, legalForm, companyForm: 'SAS', registeredOn: '2024-01-15', shareValueCents: 2500 });
  const post = (path: string, body: object) => t.http().post(path).set(gerant).send(body);

  async function scicWith(id: string): Promise<string> {
    await post('/v1/cooperatives', coop(id, 'SCIC')).expect(201);
    const base = `/v1/cooperatives/${id}`;
    await post(`${base}/associates`, associate('b1', 'beneficiary', 100)).expect(201);
    await post(`${base}/associates`, associate('a10', 'supporter', 2)).expect(201);
    return base;
  }

  it('refuses a transfer dated before the subscription that gave the shares (no negative holding)', async () => {
    const base = await scicWith('negative');
    await post(`${base}/associates/a10/subscriptions`, { shares: 8, effectiveDate: '2026-03-30' }).expect(201);
    const refused = await post(`${base}/share-transfers`, { fromAssociateId: 'a10', toAssociateId: 'b1', shares: 10, effectiveDate: '2025-01-28' }).expect(422);
    expect(refused.body.detail).toContain('a10 holds 2 shares');
  });

  it('refuses a payment dated before the subscription it pays', async () => {
    const base = await scicWith('paid');
    await post(`${base}/associates/a10/subscriptions`, { shares: 3, paidCents: 1875, effectiveDate: '2024-06-01' }).expect(201);
    const refused = await post(`${base}/associates/a10/payments`, { amountCents: 5000, effectiveDate: '2024-03-01' }).expect(422);
    expect(refused.body.detail).toContain('left to pay up');
  });

  it('refuses a withdrawal dated before a subscription already recorded, naming it (LEDGER-EVERY-DATE-HOLDS)', async () => {
    const base = await scicWith('exit');
    await post(`${base}/associates/a10/subscriptions`, { shares: 3, effectiveDate: '2024-06-01' }).expect(201);
    const refused = await post(`${base}/associates/a10/withdrawal`, { reason: 'resignation', effectiveDate: '2024-03-01' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'LEDGER-EVERY-DATE-HOLDS' });
    expect(refused.body.detail).toMatch(/SharesSubscribed, effective 2024-06-01/);
  });

  it('SCIC-PUBLIC-CAPITAL-50 refuses a public body admitted back-dated to a day it would hold more than half', async () => {
    const base = await scicWith('public');
    await post(`${base}/associates`, associate('s1', 'supporter', 100, { admittedOn: '2024-06-01' })).expect(201);
    const refused = await post(`${base}/associates`, associate('p1', 'public_body', 103, { admittedOn: '2024-03-01' })).expect(422);
    expect(refused.body).toMatchObject({ rule: 'SCIC-PUBLIC-CAPITAL-50' });
  });

  it('COOP-ONE-SHARE refuses a transfer of every share of an associate who stays', async () => {
    const base = await scicWith('oneshare');
    const refused = await post(`${base}/share-transfers`, { fromAssociateId: 'a10', toAssociateId: 'b1', shares: 2, effectiveDate: '2024-03-01' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'COOP-ONE-SHARE' });
  });

  it('refuses a SCOP redemption dated before the subscription that gave the shares', async () => {
    await post('/v1/cooperatives', coop('scop', 'SCOP')).expect(201);
    const base = '/v1/cooperatives/scop';
    await post(`${base}/associates`, associate('e1', 'employee', 10)).expect(201);
    await post(`${base}/associates`, associate('e2', 'employee', 1)).expect(201);
    await post(`${base}/associates/e2/subscriptions`, { shares: 5, effectiveDate: '2024-06-01' }).expect(201);
    await post(`${base}/associates/e2/withdrawal`, { reason: 'resignation', effectiveDate: '2024-07-01' }).expect(201);
    const refused = await post(`${base}/associates/e2/redemptions`, { shares: 5, amountCents: 12500, effectiveDate: '2024-03-01' }).expect(422);
    expect(refused.body.detail).toContain('e2 holds 1 shares');
  });

  it('computes a back-dated transfer’s paid-up part as of its date, and refuses it when a later payment would then exceed what is left to pay', async () => {
    const base = await scicWith('paidpart');
    // a10: 2 shares paid, then 4 shares (10,000) paid a quarter on 2024-03-01, the rest paid on 2024-09-01.
    await post(`${base}/associates/a10/subscriptions`, { shares: 4, paidCents: 2500, effectiveDate: '2024-03-01' }).expect(201);
    await post(`${base}/associates/a10/payments`, { amountCents: 7500, effectiveDate: '2024-09-01' }).expect(201);
    // On 2024-06-01 a10 has paid 7,500 of 15,000: a transfer then carries half paid-up capital, and
    // leaves less unpaid than the payment of 2024-09-01 pays — that payment would become impossible.
    const refused = await post(`${base}/share-transfers`, { fromAssociateId: 'a10', toAssociateId: 'b1', shares: 3, effectiveDate: '2024-06-01' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'LEDGER-EVERY-DATE-HOLDS' });
    expect(refused.body.detail).toMatch(/SharesPaidUp.*2024-09-01/);
    // Dated after the payment, the same transfer carries fully paid shares.
    const accepted = await post(`${base}/share-transfers`, { fromAssociateId: 'a10', toAssociateId: 'b1', shares: 3, effectiveDate: '2024-09-02' }).expect(201);
    const row = await t.http().get(accepted.headers.location).set(gerant).expect(200);
    expect(row.body).toMatchObject({ type: 'SharesTransferred', shares: 3, amountCents: 7500, paidCents: 7500 });
  });

  it('keeps the order of exits when a redemption is cancelled: the first to leave stays first', async () => {
    const base = await scicWith('queue');
    await post(`${base}/associates`, associate('c1', 'supporter', 4)).expect(201);
    await post(`${base}/associates/a10/withdrawal`, { reason: 'resignation', effectiveDate: '2024-06-01' }).expect(201);
    await post(`${base}/associates/c1/withdrawal`, { reason: 'resignation', effectiveDate: '2024-06-01' }).expect(201);
    const redeemed = await post(`${base}/associates/a10/redemptions`, { shares: 2, amountCents: 5000, effectiveDate: '2024-06-15' }).expect(201);
    await post(`${base}/events/${redeemed.body.id}/cancellation`, { reason: 'paid to the wrong account' }).expect(201);
    const pending = await t.http().get(`${base}/pending-redemptions?asOf=2024-07-01`).set(gerant).expect(200);
    expect(pending.body.items.map((p: { associateId: string; owedAheadCents: number }) => [p.associateId, p.owedAheadCents])).toEqual([
      ['a10', 0],
      ['c1', 5000],
    ]);
  });

  it('COOP-ONE-SHARE refuses cancelling an active associate’s only subscription', async () => {
    const base = await scicWith('onlysub');
    const admitted = await post(`${base}/associates`, associate('d1', 'supporter', 3)).expect(201);
    const subscription = admitted.body.events.find((e: { type: string }) => e.type === 'SharesSubscribed').eventId as string;
    const refused = await post(`${base}/events/${subscription}/cancellation`, { reason: 'entered by mistake' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'COOP-ONE-SHARE' });
  });
});
