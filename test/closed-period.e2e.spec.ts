import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scopBeta } from './support/fixtures';

/**
 * LEDGER-PERIOD-CLOSED through the real app: once an AG is closed, its voter list was relied on;
 * an act dated on or before its record date is refused, unless the gérant records it late with a
 * reason, which the event keeps and the compliance report lists.
 */
describe('LEDGER-PERIOD-CLOSED: acts dated in a period a closed AG relied on', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  const coop = '/v1/cooperatives/beta';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scopBeta).expect(201);
    for (const id of ['ana', 'bob', 'cleo'])
      await t
        .http()
        .post(`${coop}/associates`)
        .set(gerant)
        .send(associate(id, 'employee', 2, { paidCents: 20000 }))
        .expect(201);
    const ag = `${coop}/assemblies`;
    const resolutions = [{ id: 'r1', title: 'Comptes 2024', text: 'Texte de la résolution r1 : Comptes 2024.', kind: 'ordinary' }];
    await t.http().post(ag).set(gerant).send({ id: 'ago-2025', kind: 'ordinary', title: 'AGO 2025', convenedOn: '2025-05-20', heldOn: '2025-06-10', place: 'Siège social', call: 1, resolutions }).expect(201);
    for (const id of ['ana', 'bob', 'cleo']) await t.http().post(`${ag}/ago-2025/attendance`).set(gerant).send({ associateId: id, mode: 'present' }).expect(201);
    await t.http().post(`${ag}/ago-2025/opening`).set(gerant).send({}).expect(201);
    for (const id of ['ana', 'bob']) await t.http().post(`${ag}/ago-2025/resolutions/r1/ballots`).set(gerant).send({ associateId: id, choice: 'for' }).expect(201);
    await t.http().post(`${ag}/ago-2025/resolutions/r1/closing`).set(gerant).send({}).expect(201);
    await t.http().post(`${ag}/ago-2025/closing`).set(gerant).send({}).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('refuses an act dated on or before the record date of the closed AG, naming the AG, and appends nothing', async () => {
    const before = await t.http().get(`${coop}/events`).set(auditor).expect(200);
    const refused = await t.http().post(`${coop}/associates/ana/subscriptions`).set(gerant).send({ shares: 1, effectiveDate: '2025-05-20' }).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ rule: 'LEDGER-PERIOD-CLOSED', detail: expect.stringContaining('assembly ago-2025') });
    const after = await t.http().get(`${coop}/events`).set(auditor).expect(200);
    expect(after.body.events).toHaveLength(before.body.events.length);
  });

  it('accepts an act dated after the record date, as any other', async () => {
    await t.http().post(`${coop}/associates/ana/subscriptions`).set(gerant).send({ shares: 1, effectiveDate: '2025-05-21' }).expect(201);
  });

  it('records it late with a reason: kept in the event, listed by compliance for the auditor', async () => {
    const reason = 'souscription signée en avril, bulletin retrouvé après l’AG';
    const late = await t.http().post(`${coop}/associates/bob/subscriptions`).set(gerant).send({ shares: 1, effectiveDate: '2025-04-15', lateRecording: { reason } }).expect(201);
    const row = await t.http().get(late.headers.location).set(auditor).expect(200);
    expect(row.body).toMatchObject({ movementId: late.body.id, effectiveDate: '2025-04-15' });
    const { events } = (await t.http().get(`${coop}/events`).set(auditor).expect(200)).body as { events: Array<{ type: string; data: { movementId?: string; lateRecording?: { reason: string } } }> };
    expect(events.find((e) => e.data.movementId === late.body.id)?.data.lateRecording).toEqual({ reason });
    const compliance = await t.http().get(`${coop}/compliance`).set(auditor).expect(200);
    expect(compliance.body.lateRecordings).toEqual([{ eventId: late.body.id, type: 'SharesSubscribed', effectiveDate: '2025-04-15', recordedAt: expect.any(String), reason }]);
  });

  it('refuses a late recording without a reason (400)', async () => {
    const bad = await t
      .http()
      .post(`${coop}/associates/cleo/subscriptions`)
      .set(gerant)
      .send({ shares: 1, effectiveDate: '2025-04-15', lateRecording: { reason: '' } })
      .expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'lateRecording.reason' })]);
  });
});
