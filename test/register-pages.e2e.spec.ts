import { capTableCsv, CapTable } from '@ledger/projections';
import { associate, scicAlpha } from './support/fixtures';
import { bearer, removeDir, startTestApp, TestApp } from './support/test-app';

/*
 * The cap table and the member register of a cooperative too large for one answer: pages of JSON
 * by cursor, whose rows put end to end are the whole table, and whole exports (CSV, NDJSON)
 * written to the answer as they are made.
 */

const COOP = '/v1/cooperatives/alpha';
const COLLEGES = ['workers', 'users', 'partners', 'public'];
const CATEGORY_OF: Record<string, string> = { workers: 'employee', users: 'beneficiary', partners: 'supporter', public: 'public_body' };

let t: TestApp;
let accountant: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  const gerant = bearer(t.token('gerant'));
  accountant = bearer(t.token('accountant'));
  await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
  for (let i = 0; i < 17; i++) {
    const college = COLLEGES[i % 4];
    const name = i === 5 ? 'Dupont, "Jo"' : i === 6 ? '=HYPERLINK("x")' : undefined;
    await t
      .http()
      .post(`${COOP}/associates`)
      .set(gerant)
      .send(associate(`m${String(i).padStart(2, '0')}`, CATEGORY_OF[college], 1 + ((i * 5) % 7), { collegeCode: college, ...(name ? { name } : {}) }))
      .expect(201);
  }
  await t.http().post(`${COOP}/associates/m02/withdrawal`).set(gerant).send({ effectiveDate: '2024-05-01', reason: 'resignation' }).expect(201);
});

afterAll(async () => {
  await t.close();
  removeDir(t.dataDir);
});

type Row = CapTable['rows'][number];

describe('GET …/cap-table with limit and after', () => {
  it('pages the rows by cursor: end to end they are the whole table’s, each with its capitalBp, and every page carries the whole totals', async () => {
    const whole = (await t.http().get(`${COOP}/cap-table?asOf=2024-12-31`).set(accountant).expect(200)).body as CapTable;
    expect(whole.rows).toHaveLength(17);
    expect(whole.next).toBeNull();
    const rows: Row[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const query: string = after === null ? 'limit=4' : `limit=4&after=${after}`;
      const page = (await t.http().get(`${COOP}/cap-table?asOf=2024-12-31&${query}`).set(accountant).expect(200)).body as CapTable;
      expect({ totals: page.totals, byCategory: page.byCategory, byCollege: page.byCollege }).toEqual({ totals: whole.totals, byCategory: whole.byCategory, byCollege: whole.byCollege });
      expect(page.next).toBe(rows.length + page.rows.length < 17 ? page.rows[page.rows.length - 1].associateId : null);
      rows.push(...page.rows);
      after = page.next;
      pages++;
    } while (after !== null);
    expect(pages).toBe(5);
    expect(rows).toEqual(whole.rows);
    expect(rows.reduce((sum, row) => sum + row.capitalBp, 0)).toBe(10000);
  });

  it('refuses a bad page as 400 problem+json naming the field: an unknown or ill-formed cursor, a limit out of 1–1000, paging the CSV', async () => {
    const bad: Array<[string, string]> = [
      ['after=nobody&limit=2', 'after'],
      ['after=Not%20An%20Id&limit=2', 'after'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=two', 'limit'],
      ['limit=2&format=csv', 'limit'],
      ['after=m01&format=csv', 'after'],
    ];
    for (const [query, field] of bad) {
      const res = await t.http().get(`${COOP}/cap-table?asOf=2024-12-31&${query}`).set(accountant);
      expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(res.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field })] });
    }
    // An associate admitted after asOf is no cursor of that date's table.
    const early = await t.http().get(`${COOP}/cap-table?asOf=2024-01-31&after=m01&limit=2`).set(accountant).expect(400);
    expect(early.body.errors[0].field).toBe('after');
  });

  it('streams the CSV with the bytes of the whole table’s rows, in both dialects', async () => {
    const whole = (await t.http().get(`${COOP}/cap-table?asOf=2024-12-31`).set(accountant).expect(200)).body as CapTable;
    const csv = await t.http().get(`${COOP}/cap-table?asOf=2024-12-31&format=csv`).set(accountant).buffer(true).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="alpha-cap-table-2024-12-31.csv"');
    expect(csv.headers['transfer-encoding']).toBe('chunked');
    expect(csv.text).toBe(capTableCsv(whole));
    expect(csv.text).toContain(`m05,"Dupont, ""Jo""",`);
    expect(csv.text).toContain(`m06,"'=HYPERLINK(""x"")",`);
    const fr = await t.http().get(`${COOP}/cap-table?asOf=2024-12-31&format=csv&dialect=fr`).set(accountant).buffer(true).expect(200);
    expect(fr.text).toBe(capTableCsv(whole, 'fr'));
    expect(fr.text.startsWith('\uFEFFassociateId;name;')).toBe(true);
  });
});

describe('GET …/associates?format=csv|ndjson', () => {
  async function pagedItems(query: string): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = [];
    let after: string | null = null;
    do {
      const page: { items: Array<Record<string, unknown>>; next: string | null } = (
        await t
          .http()
          .get(`${COOP}/associates?${query}&limit=5${after === null ? '' : `&after=${after}`}`)
          .set(accountant)
          .expect(200)
      ).body;
      items.push(...page.items);
      after = page.next;
    } while (after !== null);
    return items;
  }

  it('exports as NDJSON every associate the pages hold, one a line, in order of admission', async () => {
    const items = await pagedItems('asOf=2024-12-31');
    expect(items).toHaveLength(17);
    const res = await t.http().get(`${COOP}/associates?asOf=2024-12-31&format=ndjson`).set(accountant).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="alpha-associates-2024-12-31.ndjson"');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.text.endsWith('\n')).toBe(true);
    expect(
      res.text
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(items);
  });

  it('keeps the filters in an export, and answers the same CSV by format or by Accept', async () => {
    const workers = await pagedItems('asOf=2024-12-31&collegeCode=workers&status=active');
    expect(workers.length).toBeGreaterThan(2);
    const csv = await t.http().get(`${COOP}/associates?asOf=2024-12-31&collegeCode=workers&status=active&format=csv`).set(accountant).buffer(true).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('id,name,category,collegeCode,status,shares,subscribedCents,paidUpCents,votingRights,personType,admittedOn,withdrawnOn');
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(workers.map((a) => a.id));
    expect(lines[lines.length - 1]).toBe('');
    const byAccept = await t.http().get(`${COOP}/associates?asOf=2024-12-31&collegeCode=workers&status=active`).set(accountant).set('Accept', 'text/csv').buffer(true).expect(200);
    expect(byAccept.text).toBe(csv.text);

    const withdrawn = await t.http().get(`${COOP}/associates?asOf=2024-12-31&status=withdrawn&format=csv&dialect=fr`).set(accountant).buffer(true).expect(200);
    expect(withdrawn.text.split('\r\n')[1]).toBe('m02;Associate m02;supporter;partners;withdrawn;4;200,00;200,00;false;natural;2024-02-01;2024-05-01');
  });

  it('refuses paging an export and a format it does not know, as 400 problem+json', async () => {
    for (const [query, field] of [
      ['format=ndjson&limit=5', 'limit'],
      ['format=csv&after=m01', 'after'],
      ['format=xml', 'format'],
    ]) {
      const res = await t.http().get(`${COOP}/associates?${query}`).set(accountant);
      expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(res.body.errors[0].field).toBe(field);
    }
    await t.http().get('/v1/cooperatives/nowhere/associates?format=ndjson').set(accountant).expect(404);
  });
});
