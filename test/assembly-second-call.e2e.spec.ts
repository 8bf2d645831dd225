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
  const convocation = {
    kind: 'ordinary',
    title: 'AGO 2025',
    convenedOn: '2025-05-15',
    heldOn: '2025-06-05',
    place: 'Siège social',
    resolutions: [{ id: 'r1', title: 'Affectation du résultat', text: 'Texte de la résolution r1 : Affectation du résultat.', kind: 'ordinary', boardApproved: true }],
  };

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await t.http().post('/v1/cooperatives').set(gerant).send({ id: 'gamma', name: 'Gamma SCOP', legalForm: 'SCOP', companyForm: 'SA', registeredOn: '2024-01-02', shareValueCents: 10000 }).expect(201);
    for (const id of employees)
      await t
        .http()
        .post('/v1/cooperatives/gamma/associates')
        .set(gerant)
        .send(associate(id, 'employee', 10))
        .expect(201);
    for (const id of outsiders)
      await t
        .http()
        .post('/v1/cooperatives/gamma/associates')
        .set(gerant)
        .send(associate(id, 'supporter', 1))
        .expect(201);
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

  it('SCOP-VOTES-65 on the register: outsiders holding 4 of the 12 votes on the list (33 %) keep a full vote, whatever share of the votes cast they make', async () => {
    for (const [id, choice] of [['e1', 'for'], ['e2', 'against'], ['e3', 'against'], ['e4', 'against'], ['e5', 'against'], ['e6', 'abstain'], ...outsiders.map((o) => [o, 'for'])]) {
      await post('/ago-2/resolutions/r1/ballots', { associateId: id, choice }).expect(201);
    }
    // The base is the voter list (8 cooperators, 4 outsiders: 33.33 % ≤ 35 %), not the votes cast:
    // no reduction, 5 for of 9 cast = 5/9, adopted. Read on the votes cast (4 of 9 > 35 %) as the
    // ledger did before edition 2026-12, k = 35/52 would have given 12/25 and rejected it.
    const closed = await post('/ago-2/resolutions/r1/closing').expect(201);
    expect(closed.body).toMatchObject({ outcome: 'adopted', result: { forBp: 5555, exact: { numerator: '5', denominator: '9' }, scopReduction: null } });
    await post('/ago-2/closing').expect(201);
    const ag = await t.http().get(`${base}/ago-2`).set(gerant).expect(200);
    expect(ag.body).toMatchObject({ status: 'closed', call: 2, reconvenes: 'ago-1', resolutions: [{ id: 'r1', outcome: 'adopted' }] });
    const list = await t.http().get(base).set(gerant).expect(200);
    expect(list.body.items.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      ['ago-1', 'convened'],
      ['ago-2', 'closed'],
    ]);
  });
});
