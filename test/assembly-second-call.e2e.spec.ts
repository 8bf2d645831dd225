import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate } from './support/fixtures';

/** A SCOP SA whose first call misses its quorum, reconvened on second call, where the outsiders' votes are reduced. */
describe('A SCOP AG on second call, through the real HTTP app', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  const base = '/v1/cooperatives/gamma/assemblies';
  const post = (path: string, body: object = {}) => t.http().post(`${base}${path}`).set(gerant).send(body);
  const employees = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'];
  const outsiders = ['o1', 'o2', 'o3', 'o4'];
  const convocation = { kind: 'ordinary', title: 'AGO 2025', convenedOn: '2025-05-15', heldOn: '2025-06-05', resolutions: [{ id: 'r1', title: 'Affectation du résultat', kind: 'ordinary', boardApproved: true }] };

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await t.http().post('/v1/cooperatives').set(gerant).send({ id: 'gamma', name: 'Gamma SCOP', legalForm: 'SCOP', companyForm: 'SA', registeredOn: '2024-01-02', shareValueCents: 10000 }).expect(201);
    for (const id of employees) await t.http().post('/v1/cooperatives/gamma/associates').set(gerant).send(associate(id, 'employee', 10)).expect(201);
    for (const id of outsiders) await t.http().post('/v1/cooperatives/gamma/associates').set(gerant).send(associate(id, 'supporter', 1)).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('AG-QUORUM: the first call cannot open with 1 of 12 voters (a fifth is required for an SA)', async () => {
    await post('', { ...convocation, id: 'ago-1', call: 1 }).expect(201);
    await post('/ago-1/attendance', { associateId: 'e1', mode: 'present' }).expect(201);
    const refused = await post('/ago-1/opening').expect(422);
    expect(refused.body).toMatchObject({ rule: 'AG-QUORUM', article: expect.stringContaining('L.225-98') });
  });

  it('AG-QUORUM: reconvened on second call, the AG opens without quorum', async () => {
    const wrong = await post('', { ...convocation, id: 'ago-2', call: 2, reconvenes: 'nowhere' });
    expect(wrong.status).toBe(404);
    await post('', { ...convocation, id: 'ago-2', call: 2, reconvenes: 'ago-1' }).expect(201);
    for (const id of ['e1', 'e2', 'e3', 'e4', 'e5', ...outsiders]) await post('/ago-2/attendance', { associateId: id, mode: 'present' }).expect(201);
  });

  it('SCOP-PROXY-LIMIT: under 20 associates nobody holds more than one proxy', async () => {
    await post('/ago-2/attendance', { associateId: 'e6', mode: 'proxy', proxyHolderId: 'e1' }).expect(201);
    const second = await post('/ago-2/attendance', { associateId: 'e7', mode: 'proxy', proxyHolderId: 'e1' }).expect(422);
    expect(second.body.rule).toBe('SCOP-PROXY-LIMIT');
    await post('/ago-2/opening').expect(201);
  });

  it('SCOP-VOTES-65: the outsiders’ votes are cut to 35 %, which turns the outcome', async () => {
    for (const [id, choice] of [['e1', 'for'], ['e2', 'against'], ['e3', 'against'], ['e4', 'against'], ['e5', 'against'], ['e6', 'abstain'], ...outsiders.map((o) => [o, 'for'])]) {
      await post('/ago-2/resolutions/r1/ballots', { associateId: id, choice }).expect(201);
    }
    // Unreduced: 5 for of 9 cast = 55.6 %, adopted. Outsiders cast 4 of 9 > 35 %: k = 35 × 5 / (65 × 4) = 35/52,
    // for = 1 + 4k = 192/52, cast = 5 + 4k = 400/52, share = 12/25 = 48 % — rejected.
    const closed = await post('/ago-2/resolutions/r1/closing').expect(201);
    expect(closed.body).toMatchObject({ outcome: 'rejected', result: { forBp: 4800, exact: { numerator: '12', denominator: '25' }, scopReduction: { factor: { numerator: '35', denominator: '52' } } } });
    await post('/ago-2/closing').expect(201);
    const ag = await t.http().get(`${base}/ago-2`).set(gerant).expect(200);
    expect(ag.body).toMatchObject({ status: 'closed', call: 2, reconvenes: 'ago-1', resolutions: [{ id: 'r1', outcome: 'rejected' }] });
    const list = await t.http().get(base).set(gerant).expect(200);
    expect(list.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([['ago-1', 'convened'], ['ago-2', 'closed']]);
  });
});
