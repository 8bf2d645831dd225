import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/**
 * Every bad request answers a 4xx application/problem+json — never a 500 — and appends
 * nothing: the event count of the cooperative is the same before and after each one.
 */
describe('Bad input is refused clearly and appends nothing', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  const eventCount = async () =>
    (
      await t
        .http()
        .get('/v1/cooperatives/alpha/verification')
        .set(bearer(t.token('auditor')))
        .expect(200)
    ).body.events as number;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const subscriptions = '/v1/cooperatives/alpha/associates/ana/subscriptions';
  const admissions = '/v1/cooperatives/alpha/associates';
  const valid = { shares: 1, effectiveDate: '2024-03-01' };
  type Case = { name: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string>; status: number; method?: 'post' | 'get' };
  const cases: Case[] = [
    { name: 'malformed JSON', path: subscriptions, raw: '{"shares": 1,', status: 400 },
    { name: 'a JSON array instead of an object', path: subscriptions, raw: '[1,2]', status: 400 },
    { name: 'an empty body', path: subscriptions, raw: '', status: 400 },
    { name: 'an unknown field', path: subscriptions, body: { ...valid, discount: 10 }, status: 400 },
    { name: 'a string for a number', path: subscriptions, body: { ...valid, shares: '1' }, status: 400 },
    { name: 'a negative share count', path: subscriptions, body: { ...valid, shares: -1 }, status: 400 },
    { name: 'zero shares', path: subscriptions, body: { ...valid, shares: 0 }, status: 400 },
    { name: 'a fractional share count', path: subscriptions, body: { ...valid, shares: 1.5 }, status: 400 },
    { name: 'fractional cents', path: subscriptions, body: { ...valid, paidCents: 10.5 }, status: 400 },
    { name: 'an amount beyond safe integers', path: '/v1/cooperatives/alpha/associates/ana/payments', body: { amountCents: 2 ** 60, effectiveDate: '2024-03-01' }, status: 400 },
    { name: 'an impossible date', path: subscriptions, body: { ...valid, effectiveDate: '2024-02-30' }, status: 400 },
    { name: 'a date in another format', path: subscriptions, body: { ...valid, effectiveDate: '01/03/2024' }, status: 400 },
    { name: 'a date before the cooperative existed', path: subscriptions, body: { ...valid, effectiveDate: '2020-01-01' }, status: 422 },
    { name: 'an absurdly long name', path: admissions, body: associate('zed', 'employee', 1, { collegeCode: 'workers', name: 'x'.repeat(100_000) }), status: 400 },
    { name: 'a body over the size limit', path: admissions, raw: JSON.stringify({ name: 'x'.repeat(400_000) }), status: 413 },
    { name: 'an id with capitals', path: admissions, body: associate('Zed', 'employee', 1, { collegeCode: 'workers' }), status: 400 },
    { name: 'an unknown category', path: admissions, body: associate('zed', 'pirate', 1, { collegeCode: 'workers' }), status: 400 },
    { name: 'an unknown collège (SCIC-COLLEGES)', path: admissions, body: associate('zed', 'employee', 1, { collegeCode: 'nowhere' }), status: 422 },
    { name: 'no collège in a SCIC with collèges (SCIC-COLLEGES)', path: admissions, body: associate('zed', 'employee', 1), status: 422 },
    { name: 'an associate admitted twice', path: admissions, body: associate('ana', 'employee', 1, { collegeCode: 'workers' }), status: 409 },
    { name: 'an unknown associate', path: '/v1/cooperatives/alpha/associates/nobody/subscriptions', body: valid, status: 404 },
    { name: 'an unknown cooperative', path: '/v1/cooperatives/nowhere/associates/ana/subscriptions', body: valid, status: 404 },
    { name: 'another cooperative, outside the token', path: subscriptions, body: valid, headers: { Authorization: '' }, status: 404 },
    { name: 'no token', path: subscriptions, body: valid, headers: { Authorization: '' }, status: 401 },
    { name: 'a forged token', path: subscriptions, body: valid, headers: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl' }, status: 401 },
    { name: 'a wrong role (accountant writing)', path: subscriptions, body: valid, headers: { Authorization: '' }, status: 403 },
    { name: 'an unknown movement to cancel', path: '/v1/cooperatives/alpha/events/00000000-0000-0000-0000-000000000000/cancellation', body: { reason: 'mistake' }, status: 404 },
    { name: 'a malformed If-Match', path: subscriptions, body: valid, headers: { 'If-Match': 'yesterday' }, status: 400 },
    { name: 'a non-JSON content type', path: subscriptions, raw: 'shares=1', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, status: 415 },
    { name: 'an unknown route', path: '/v1/cooperatives/alpha/dividends', body: {}, status: 404 },
    {
      name: 'a cooperative with two collèges (SCIC-COLLEGES)',
      path: '/v1/cooperatives',
      body: { ...scicAlpha, id: 'gamma', colleges: scicAlpha.colleges.slice(0, 2).map((c) => ({ ...c, weightBp: 5000 })) },
      status: 422,
    },
    {
      name: 'a collège weighing 9.99 % (SCIC-COLLEGES)',
      path: '/v1/cooperatives',
      body: {
        ...scicAlpha,
        id: 'gamma',
        colleges: [
          { code: 'a', name: 'A', weightBp: 999 },
          { code: 'b', name: 'B', weightBp: 4501 },
          { code: 'c', name: 'C', weightBp: 4500 },
        ],
      },
      status: 422,
    },
    { name: 'a share value of zero (COOP-SHARE-VALUE)', path: '/v1/cooperatives', body: { ...scicAlpha, id: 'gamma', shareValueCents: 0 }, status: 400 },
    { name: 'a cooperative registered twice', path: '/v1/cooperatives', body: scicAlpha, status: 409 },
    { name: 'a bad asOf', path: '/v1/cooperatives/alpha/cap-table?asOf=2024-13-01', method: 'get', status: 400 },
    { name: 'a bad limit', path: '/v1/cooperatives/alpha/associates?limit=0', method: 'get', status: 400 },
  ];

  it.each(cases)('$name answers $status problem+json and appends nothing', async (c) => {
    const before = await eventCount();
    const headers: Record<string, string> = { ...gerant, ...(c.headers ?? {}) };
    if (c.name.startsWith('another cooperative')) headers.Authorization = `Bearer ${t.token('gerant', ['beta'])}`;
    if (c.name.startsWith('a wrong role')) headers.Authorization = `Bearer ${t.token('accountant')}`;
    if (headers.Authorization === '') delete headers.Authorization;
    let req = c.method === 'get' ? t.http().get(c.path) : t.http().post(c.path);
    req = req.set(headers);
    if (c.raw !== undefined) req = req.set('Content-Type', headers['Content-Type'] ?? 'application/json').send(c.raw);
    else if (c.method !== 'get') req = req.send(c.body as object);
    const res = await req;
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: c.status, type: expect.stringMatching(/^application\/problem\+json/) });
    expect(res.body).toMatchObject({ status: c.status, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    expect(await eventCount()).toBe(before);
  });

  it('lists each invalid field of a body in errors[]', async () => {
    const res = await t.http().post(admissions).set(gerant).send({ name: '', personType: 'robot', shares: -2, extra: true }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'personType', 'shares', 'admittedOn', 'category', 'extra']));
  });

  it('refuses an admission with nested unknown fields in the statuts', async () => {
    const res = await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scicAlpha, id: 'delta', colleges: [{ ...scicAlpha.colleges[0], secret: 1 }, ...scicAlpha.colleges.slice(1)] })
      .expect(400);
    expect(res.body.errors[0].field).toBe('colleges.0.secret');
  });
});
