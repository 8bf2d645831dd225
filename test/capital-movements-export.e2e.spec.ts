import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';
import { raw } from './exports-support';

/** GET …/capital-movements as a whole export: NDJSON a row a line, the JSON and CSV written as they are read. */
describe('GET …/capital-movements?format=ndjson and the whole register streamed', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const movements = '/v1/cooperatives/alpha/capital-movements';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('bruno', 'beneficiary', 10, { collegeCode: 'users' }))
      .expect(201);
    await t.http().post('/v1/cooperatives/alpha/associates/ana/subscriptions').set(gerant).send({ shares: 2, effectiveDate: '2024-03-01' }).expect(201);
    const mistaken = await t.http().post('/v1/cooperatives/alpha/associates/bruno/subscriptions').set(gerant).send({ shares: 3, effectiveDate: '2024-04-01' }).expect(201);
    await t.http().post(`/v1/cooperatives/alpha/events/${mistaken.body.id}/cancellation`).set(gerant).send({ reason: 'recorded twice' }).expect(201);
    await t.http().post('/v1/cooperatives/alpha/share-transfers').set(gerant).send({ fromAssociateId: 'ana', toAssociateId: 'bruno', shares: 1, effectiveDate: '2024-05-01' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('answers NDJSON, one row a line, the rows of the JSON register in order', async () => {
    const whole = await t.http().get(movements).set(accountant).expect(200);
    expect(whole.headers['content-type']).toMatch(/^application\/json/);
    expect(whole.body.next).toBeNull();
    expect(whole.body.items.length).toBe(6);

    const res = await raw(t.http().get(`${movements}?format=ndjson`).set(accountant));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="alpha-capital-movements.ndjson"');
    const lines = (res.body as Buffer).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(whole.body.items);
    expect(lines.map((line) => JSON.parse(line).type)).toContain('CapitalMovementCancelled');
  });

  it('keeps the date range in an export, and gives the same rows as the JSON pages', async () => {
    const ranged = await raw(t.http().get(`${movements}?format=ndjson&from=2024-04-01&to=2024-04-30`).set(accountant));
    const rows = (ranged.body as Buffer)
      .toString('utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows.map((row) => row.type)).toEqual(['SharesSubscribed', 'CapitalMovementCancelled']);
    expect(rows[0]).toMatchObject({ cancelled: true, cancelledBy: rows[1].movementId });
    const page = await t.http().get(`${movements}?from=2024-04-01&to=2024-04-30&limit=10`).set(accountant).expect(200);
    expect(page.body).toEqual({ items: rows, next: null });
    const afterCursor = await t.http().get(`${movements}?after=4`).set(accountant).expect(200);
    expect(afterCursor.body).toEqual({ items: (await t.http().get(movements).set(accountant)).body.items.slice(4), next: null });
  });

  it('refuses paging an export, a format it does not know and a cursor that is no row, as 400 problem+json', async () => {
    const paged = await t.http().get(`${movements}?format=ndjson&limit=2`).set(accountant).expect(400);
    expect(paged.headers['content-type']).toMatch(/problem\+json/);
    expect(paged.body.errors[0].field).toBe('limit');
    const unknown = await t.http().get(`${movements}?format=xml`).set(accountant).expect(400);
    expect(unknown.body.errors[0].field).toBe('format');
    const cursor = await t.http().get(`${movements}?after=99`).set(accountant).expect(400);
    expect(cursor.headers['content-type']).toMatch(/problem\+json/);
    expect(cursor.body.errors[0].field).toBe('after');
    await t.http().get('/v1/cooperatives/nope/capital-movements?format=ndjson').set(accountant).expect(404);
  });
});
