import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scopBeta } from './support/fixtures';

describe('A SCOP and its worker majority, through the real HTTP app', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const check = async (rule: string, asOf?: string) => {
    const res = await t.http().get(`/v1/cooperatives/beta/compliance${asOf ? `?asOf=${asOf}` : ''}`).set(accountant).expect(200);
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
    await t.http().post('/v1/cooperatives/beta/associates').set(gerant).send(associate('emma', 'employee', 51, { admittedOn: '2023-03-01' })).expect(201);
    const min = await check('SCOP-MIN-ASSOCIATES', '2023-06-01');
    expect(min).toMatchObject({ status: 'violation', since: '2023-03-01', deadline: '2024-03-01' });
  });

  it('SCOP-CAP-51 refuses the outsider subscription that takes employees below 51 % of the capital', async () => {
    await t.http().post('/v1/cooperatives/beta/associates').set(gerant).send(associate('felix', 'employee', 30, { admittedOn: '2023-03-01' })).expect(201);
    await t.http().post('/v1/cooperatives/beta/associates').set(gerant).send(associate('gaia', 'employee', 20, { admittedOn: '2023-03-01' })).expect(201);
    // Employees hold 101 of 102 shares; 98 more for the outsider leave them 101/200 = 50.5 %.
    await t.http().post('/v1/cooperatives/beta/associates').set(gerant).send(associate('hugo', 'supporter', 1, { admittedOn: '2023-04-01' })).expect(201);
    const refused = await t.http().post('/v1/cooperatives/beta/associates/hugo/subscriptions').set(gerant).send({ shares: 98, effectiveDate: '2023-05-01' }).expect(422);
    expect(refused.body).toMatchObject({ rule: 'SCOP-CAP-51', article: 'L1978; model statuts art. 14' });
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const capTable = await t.http().get('/v1/cooperatives/beta/cap-table').set(accountant).expect(200);
    expect(capTable.body.totals.shares).toBe(102);
    expect((await check('SCOP-CAP-51')).status).toBe('ok');
  });

  it('SCOP-VOTES-65 refuses the admission of an outsider that takes employees below 65 % of the votes', async () => {
    // 3 employees, 1 outsider: 75 %. A second outsider: 3 / 5 = 60 % < 65 %.
    const refused = await t.http().post('/v1/cooperatives/beta/associates').set(gerant).send(associate('ines', 'volunteer', 1, { admittedOn: '2023-06-01' })).expect(422);
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
