import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scopBeta } from './support/fixtures';

describe('A SCOP and its worker majority, through the real HTTP app', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const check = async (rule: string, asOf?: string) => {
    const res = await t
      .http()
      .get(`/v1/cooperatives/beta/compliance${asOf ? `?asOf=${asOf}` : ''}`)
      .set(accountant)
      .expect(200);
    return res.body.checks.find((c: { rule: string }) => c.rule === rule);
  };

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scopBeta).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('SCOP-MIN-ASSOCIATES reports a SARL with a single employee-associate, with since and deadline', async () => {
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('emma', 'employee', 51, { admittedOn: '2023-03-01' }))
      .expect(201);
    const min = await check('SCOP-MIN-ASSOCIATES', '2023-06-01');
    expect(min).toMatchObject({ status: 'violation', since: '2023-03-01', deadline: '2024-03-01' });
  });

  it('SCOP-CAP-51 refuses the outsider subscription that takes employees below 51 % of the capital', async () => {
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('felix', 'employee', 30, { admittedOn: '2023-03-01' }))
      .expect(201);
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('gaia', 'employee', 20, { admittedOn: '2023-03-01' }))
      .expect(201);
    // Employees hold 101 of 102 shares; 98 more for the outsider leave them 101/200 = 50.5 %.
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('hugo', 'supporter', 1, { admittedOn: '2023-04-01' }))
      .expect(201);
    const refused = await t.http().post('/v1/cooperatives/beta/associates/hugo/subscriptions').set(gerant).send({ shares: 98, effectiveDate: '2023-05-01' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'SCOP-CAP-51', article: 'L1978; model statuts art. 14' });
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const capTable = await t.http().get('/v1/cooperatives/beta/cap-table').set(accountant).expect(200);
    expect(capTable.body.totals.shares).toBe(102);
    expect((await check('SCOP-CAP-51')).status).toBe('ok');
  });

  it('SCOP-VOTES-65 refuses the admission of an outsider that takes employees below 65 % of the votes', async () => {
    // 3 employees, 1 outsider: 75 %. A second outsider: 3 / 5 = 60 % < 65 %.
    const refused = await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('ines', 'volunteer', 1, { admittedOn: '2023-06-01' }))
      .expect(422);
    expect(refused.body.rule).toBe('SCOP-VOTES-65');
    const list = await t.http().get('/v1/cooperatives/beta/associates').set(accountant).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual(['emma', 'felix', 'gaia', 'hugo']);
  });

  it('SCOP-CAP-51 becomes a reported violation when an employee-associate leaves their job', async () => {
    await t.http().post('/v1/cooperatives/beta/associates/emma/category').set(gerant).send({ category: 'other', effectiveDate: '2024-01-31' }).expect(201);
    const cap = await check('SCOP-CAP-51', '2024-02-01');
    expect(cap).toMatchObject({ status: 'violation', since: '2024-01-31' });
    const before = await check('SCOP-CAP-51', '2024-01-30');
    expect(before.status).toBe('ok');
  });

  it('pages through the member register with a cursor', async () => {
    const first = await t.http().get('/v1/cooperatives/beta/associates?limit=2').set(accountant).expect(200);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual(['emma', 'felix']);
    const second = await t.http().get(`/v1/cooperatives/beta/associates?limit=2&after=${first.body.next}`).set(accountant).expect(200);
    expect(second.body.items.map((a: { id: string }) => a.id)).toEqual(['gaia', 'hugo']);
  });
});

describe('A SCOP where outsiders hold more than 35 % of the voting rights: their votes weigh less (SCOP-VOTES-65, edition 2026-12)', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const base = '/v1/cooperatives/delta';
  const post = (path: string, body: object = {}) => t.http().post(`${base}${path}`).set(gerant).send(body);
  const employees = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'];
  const outsiders = ['o1', 'o2', 'o3', 'o4'];

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant'));
    await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scopBeta, id: 'delta', name: 'Delta SCOP', companyForm: 'SAS', registeredOn: '2025-01-10' })
      .expect(201);
    // 8 employees and 4 outsiders: 8 of 12 votes, 66.67 % ≥ 65 %. Then 3 employees leave: 5 and 4.
    for (const id of employees) await post('/associates', associate(id, 'employee', 1, { admittedOn: '2025-01-10' })).expect(201);
    for (const id of outsiders) await post('/associates', associate(id, 'supporter', 1, { admittedOn: '2025-01-10' })).expect(201);
    for (const id of ['e6', 'e7', 'e8']) await post(`/associates/${id}/withdrawal`, { effectiveDate: '2025-02-01', reason: 'resignation' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('COOP-PAYUP-QUARTER refuses a SCOP SAS subscription not paid in full', async () => {
    const refused = await post('/associates/e1/subscriptions', { shares: 4, effectiveDate: '2025-02-10', paidCents: 10000 }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'COOP-PAYUP-QUARTER', article: 'L1947 art. 12; L1978 art. 27' });
  });

  it('SCOP-MAX-HOLDING refuses a subscription that takes an associate above half of the capital', async () => {
    // 12 shares of capital (the leavers' wait for redemption); e1 1 + 11 = 12 of 23 > ½, + 10 = 11 of 22 = ½.
    const refused = await post('/associates/e1/subscriptions', { shares: 11, effectiveDate: '2025-02-10' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'SCOP-MAX-HOLDING', article: 'L1978 art. 24, art. 49 bis' });
    await post('/associates/e1/subscriptions', { shares: 10, effectiveDate: '2025-02-10' }).expect(201);
  });

  it('fixes the weights on the voter list at convocation: 5 cooperators weigh 1, each of the 4 outsiders 35/52', async () => {
    await post('/assemblies', {
      id: 'ago-2025',
      kind: 'ordinary',
      title: 'Assemblée générale ordinaire 2025',
      convenedOn: '2025-03-01',
      heldOn: '2025-03-20',
      place: 'Siège social',
      call: 1,
      resolutions: [{ id: 'r1', title: 'Approbation des comptes 2024', text: 'Texte de la résolution r1 : Approbation des comptes 2024.', kind: 'ordinary' }],
    }).expect(201);
    const list = await t.http().get(`${base}/assemblies/ago-2025/voters`).set(accountant).expect(200);
    expect(list.body.recordDate).toBe('2025-03-01');
    expect(list.body.votersHash).toMatch(/^[0-9a-f]{64}$/);
    expect(list.body.voters.map((v: { associateId: string; cooperator: boolean; weight: object }) => [v.associateId, v.cooperator, v.weight])).toEqual([
      ...['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => [id, true, { numerator: '1', denominator: '1' }]),
      ...outsiders.map((id) => [id, false, { numerator: '35', denominator: '52' }]),
    ]);
  });

  it('tallies with those weights whoever turns out: 3 cooperators 1–2 and the 4 outsiders for → 48/74 (6486 bp), adopted', async () => {
    for (const id of ['e1', 'e2', 'e3', ...outsiders]) await post('/assemblies/ago-2025/attendance', { associateId: id, mode: 'present' }).expect(201);
    await post('/assemblies/ago-2025/opening').expect(201);
    const ballots: Array<[string, string]> = [['e1', 'for'], ['e2', 'against'], ['e3', 'against'], ...outsiders.map((id): [string, string] => [id, 'for'])];
    for (const [associateId, choice] of ballots) await post('/assemblies/ago-2025/resolutions/r1/ballots', { associateId, choice }).expect(201);
    const closed = await post('/assemblies/ago-2025/resolutions/r1/closing').expect(201);
    expect(closed.body.outcome).toBe('adopted');
    expect(closed.body.result).toMatchObject({
      forBp: 6486,
      exact: { numerator: '24', denominator: '37' },
      scopReduction: { factor: { numerator: '35', denominator: '52' }, base: 'register', cooperatorsOnList: 5, outsidersOnList: 4 },
    });
  });

  it('an admission may say the associate is a cooperative society (SCOP-VOTES-65 two tiers): a boolean, for a legal person only', async () => {
    await post('/associates', { ...associate('coop-z', 'other', 1, { admittedOn: '2025-04-01' }), personType: 'legal', cooperativeSociety: 'yes' }).expect(400);
    const natural = await post('/associates', { ...associate('coop-z', 'other', 1, { admittedOn: '2025-04-01' }), cooperativeSociety: true }).expect(422);
    expect(natural.body.detail).toContain('legal person');
  });

  it('the minutes print the weight and explain the reduction once', async () => {
    const res = await t.http().get(`${base}/assemblies/ago-2025/minutes?format=markdown&lang=en`).set(accountant).expect(200);
    expect(res.text.split('Voting rights (SCOP-VOTES-65)').length - 1).toBe(1);
    expect(res.text).toContain("each non-cooperator's vote weighs 35/52");
  });
});
