import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

describe('A SCIC from statuts to cap table, through the real HTTP app', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant'));
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('registers the SCIC with four collèges and answers its statuts with an ETag', async () => {
    const created = await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    expect(created.body).toMatchObject({ id: 'alpha', revision: 0 });
    expect(created.headers.etag).toBe('"0"');
    expect(typeof created.body.position).toBe('number');

    const read = await t.http().get('/v1/cooperatives/alpha').set(accountant).expect(200);
    expect(read.body).toMatchObject({ name: 'Alpha SCIC', legalForm: 'SCIC', companyForm: 'SAS', shareValueCents: 5000, associates: 0, capitalCents: 0 });
    expect(read.body.colleges.map((c: { weightBp: number }) => c.weightBp)).toEqual([4000, 3000, 2000, 1000]);
    expect(read.body.minimumPaidAtSubscriptionBp).toBe(2500);
  });

  it('admits associates across categories and collèges', async () => {
    const admissions = [
      associate('ana', 'employee', 10, { collegeCode: 'workers' }),
      associate('bruno', 'beneficiary', 10, { collegeCode: 'users' }),
      associate('commune', 'public_body', 20, { collegeCode: 'public' }),
      associate('dora', 'supporter', 4, { collegeCode: 'partners', paidCents: 5000 }),
    ];
    for (const body of admissions) {
      const res = await t.http().post('/v1/cooperatives/alpha/associates').set(gerant).send(body).expect(201);
      expect(res.body.id).toBe(body.id);
    }
    const ana = await t.http().get('/v1/cooperatives/alpha/associates/ana').set(accountant).expect(200);
    expect(ana.body).toMatchObject({ id: 'ana', category: 'employee', collegeCode: 'workers', status: 'active', shares: 10, subscribedCents: 50000, paidUpCents: 50000, votingRights: true });
  });

  it('SCIC-PUBLIC-CAPITAL-50 refuses the subscription that takes public bodies above half the capital, naming rule and article', async () => {
    // Public bodies hold 20 of 44 shares; 4 more make 24 of 48 = exactly 50 %, accepted.
    await t.http().post('/v1/cooperatives/alpha/associates/commune/subscriptions').set(gerant).send({ shares: 4, effectiveDate: '2024-03-01' }).expect(201);
    const refused = await t.http().post('/v1/cooperatives/alpha/associates/commune/subscriptions').set(gerant).send({ shares: 1, effectiveDate: '2024-03-02' }).expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 422, rule: 'SCIC-PUBLIC-CAPITAL-50', article: 'L1947 art. 19 septies' });
  });

  it('COOP-PAYUP-QUARTER refuses a subscription paid below a quarter, then a payment pays up the balance', async () => {
    const refused = await t.http().post('/v1/cooperatives/alpha/associates/bruno/subscriptions').set(gerant).send({ shares: 4, paidCents: 4999, effectiveDate: '2024-04-01' }).expect(422);
    expect(refused.body.rule).toBe('COOP-PAYUP-QUARTER');
    await t.http().post('/v1/cooperatives/alpha/associates/dora/payments').set(gerant).send({ amountCents: 15000, effectiveDate: '2024-04-01' }).expect(201);
    const dora = await t.http().get('/v1/cooperatives/alpha/associates/dora').set(accountant).expect(200);
    expect(dora.body).toMatchObject({ subscribedCents: 20000, paidUpCents: 20000 });
  });

  it('shows the cap table by category and by collège, and the cap table as of a past date shows the past', async () => {
    const now = await t.http().get('/v1/cooperatives/alpha/cap-table').set(accountant).expect(200);
    expect(now.body.totals).toEqual({ associates: 4, shares: 48, capitalCents: 240000, paidUpCents: 240000 });
    const publicRow = now.body.byCategory.find((c: { category: string }) => c.category === 'public_body');
    expect(publicRow).toMatchObject({ associates: 1, shares: 24, capitalCents: 120000, capitalBp: 5000 });
    expect(now.body.byCollege.find((c: { code: string }) => c.code === 'workers')).toMatchObject({ weightBp: 4000, associates: 1, shares: 10 });

    const before = await t.http().get('/v1/cooperatives/alpha/cap-table?asOf=2024-02-15').set(accountant).expect(200);
    expect(before.body.asOf).toBe('2024-02-15');
    expect(before.body.totals).toMatchObject({ shares: 44, paidUpCents: 205000 });
    const ancient = await t.http().get('/v1/cooperatives/alpha/cap-table?asOf=2024-01-20').set(accountant).expect(200);
    expect(ancient.body.totals.shares).toBe(0);
  });

  it('SCIC-CATEGORIES reports compliance with employees, beneficiaries and a third category', async () => {
    const res = await t.http().get('/v1/cooperatives/alpha/compliance').set(accountant).expect(200);
    const check = res.body.checks.find((c: { rule: string }) => c.rule === 'SCIC-CATEGORIES');
    expect(check).toMatchObject({ status: 'ok', article: 'L1947 art. 19 septies' });
    expect(res.body.checks.find((c: { rule: string }) => c.rule === 'SCOP-CAP-51').status).toBe('not_applicable');
  });

  it('transfers shares, withdraws an associate whose shares then await redemption, and redeems them', async () => {
    await t.http().post('/v1/cooperatives/alpha/share-transfers').set(gerant).send({ fromAssociateId: 'ana', toAssociateId: 'bruno', shares: 2, effectiveDate: '2024-05-01' }).expect(201);
    await t.http().post('/v1/cooperatives/alpha/associates/dora/withdrawal').set(gerant).send({ effectiveDate: '2024-06-30', reason: 'resignation' }).expect(201);
    const dora = await t.http().get('/v1/cooperatives/alpha/associates/dora').set(accountant).expect(200);
    expect(dora.body).toMatchObject({ status: 'withdrawn', votingRights: false, shares: 4 });
    const pending = await t.http().get('/v1/cooperatives/alpha/pending-redemptions').set(accountant).expect(200);
    expect(JSON.stringify(pending.body)).toContain('dora');

    const tooMuch = await t.http().post('/v1/cooperatives/alpha/associates/dora/redemptions').set(gerant).send({ shares: 4, amountCents: 20001, effectiveDate: '2024-07-15' }).expect(422);
    expect(tooMuch.body.rule).toBe('COOP-REDEMPTION-NOMINAL');
    await t.http().post('/v1/cooperatives/alpha/associates/dora/redemptions').set(gerant).send({ shares: 4, amountCents: 20000, effectiveDate: '2024-07-15' }).expect(201);
    const after = await t.http().get('/v1/cooperatives/alpha/pending-redemptions').set(accountant).expect(200);
    expect(JSON.stringify(after.body)).not.toContain('dora');
  });

  it('cancels a mistaken subscription with a correcting event: the register shows both, the cap table neither', async () => {
    const mistaken = await t.http().post('/v1/cooperatives/alpha/associates/bruno/subscriptions').set(gerant).send({ shares: 3, effectiveDate: '2024-08-01' }).expect(201);
    const movementId = mistaken.body.id;
    await t.http().post(`/v1/cooperatives/alpha/events/${movementId}/cancellation`).set(gerant).send({ reason: 'recorded twice' }).expect(201);
    const again = await t.http().post(`/v1/cooperatives/alpha/events/${movementId}/cancellation`).set(gerant).send({ reason: 'again' }).expect(422);
    expect(again.headers['content-type']).toMatch(/problem\+json/);

    const bruno = await t.http().get('/v1/cooperatives/alpha/associates/bruno').set(accountant).expect(200);
    expect(bruno.body.shares).toBe(12);
    const register = await t.http().get('/v1/cooperatives/alpha/capital-movements').set(accountant).expect(200);
    const rows: Array<Record<string, unknown>> = register.body.items ?? register.body.movements ?? register.body;
    expect(rows.find((r) => r.movementId === movementId)).toMatchObject({ cancelled: true, effectiveDate: '2024-08-01' });
    expect(rows.some((r) => r.type === 'CapitalMovementCancelled')).toBe(true);
    const numbers = rows.map((r) => r.number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    for (const r of rows) expect(typeof r.recordedAt).toBe('string');
  });

  it('exports the capital register as CSV, by format or by Accept', async () => {
    const csv = await t.http().get('/v1/cooperatives/alpha/capital-movements?format=csv').set(accountant).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/number/);
    expect(lines.length).toBeGreaterThan(8);
    const byAccept = await t.http().get('/v1/cooperatives/alpha/capital-movements').set(accountant).set('Accept', 'text/csv').expect(200);
    expect(byAccept.text).toBe(csv.text);
    expect(lines[0].split(',').slice(5, 9)).toEqual(['associateId', 'associateName', 'toAssociateId', 'toAssociateName']);
    expect(lines.find((line) => line.includes(',ana,'))).toContain(',ana,Associate ana,');
  });

  it('exports the register and the cap table in the French spreadsheet dialect: BOM, `;`, euros with a decimal comma', async () => {
    const byQuery = await t.http().get('/v1/cooperatives/alpha/capital-movements?format=csv&dialect=fr').set(accountant).buffer(true).expect(200);
    expect(byQuery.text.startsWith('\uFEFFnumber;movementId;')).toBe(true);
    expect(byQuery.text).toMatch(/;ana;Associate ana;;;10;500,00;500,00;/);
    const byAccept = await t.http().get('/v1/cooperatives/alpha/capital-movements').set(accountant).set('Accept', 'text/csv; dialect=fr').expect(200);
    expect(byAccept.text).toBe(byQuery.text);

    const table = await t.http().get('/v1/cooperatives/alpha/cap-table?asOf=2024-12-31').set(accountant).expect(200);
    const csv = await t.http().get('/v1/cooperatives/alpha/cap-table?asOf=2024-12-31&format=csv').set(accountant).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="alpha-cap-table-2024-12-31.csv"');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('associateId,name,category,collegeCode,status,shares,capitalCents,paidUpCents,capitalBp');
    expect(lines).toHaveLength(table.body.rows.length + 1);
    const ana = table.body.rows.find((row: { associateId: string }) => row.associateId === 'ana');
    expect(lines).toContain(`ana,Associate ana,employee,workers,active,${ana.shares},${ana.capitalCents},${ana.paidUpCents},${ana.capitalBp}`);
    const fr = await t.http().get('/v1/cooperatives/alpha/cap-table?asOf=2024-12-31').set(accountant).set('Accept', 'text/csv; dialect=fr').expect(200);
    expect(fr.text).toContain(`ana;Associate ana;employee;workers;active;${ana.shares};${(ana.capitalCents / 100).toFixed(2).replace('.', ',')};`);

    const bad = await t.http().get('/v1/cooperatives/alpha/cap-table?format=csv&dialect=excel').set(accountant).expect(400);
    expect(bad.body.errors[0].field).toBe('dialect');
  });

  it('pages the register as JSON by the number of the last row, and the pages make the whole register', async () => {
    const movements = '/v1/cooperatives/alpha/capital-movements';
    const whole = await t.http().get(movements).set(accountant).expect(200);
    expect(whole.body.next).toBeNull();
    const rows: Array<{ number: number; effectiveDate: string }> = whole.body.items;
    expect(rows.length).toBeGreaterThan(7);

    const pages: Array<typeof rows> = [];
    let after: number | null = null;
    do {
      const query: string = after === null ? 'limit=3' : `limit=3&after=${after}`;
      const res = await t.http().get(`${movements}?${query}`).set(accountant).expect(200);
      const page: typeof rows = res.body.items;
      expect(page.length).toBeLessThanOrEqual(3);
      expect(res.body.next).toBe(page.length === 3 && page[2].number < rows.length ? page[2].number : null);
      pages.push(page);
      after = res.body.next;
    } while (after !== null);
    expect(pages.flat()).toEqual(rows);
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);

    // An exactly full last page says there is nothing after it; `after` alone gives the rest.
    expect((await t.http().get(`${movements}?limit=${rows.length}`).set(accountant).expect(200)).body).toEqual({ items: rows, next: null });
    expect(
      (
        await t
          .http()
          .get(`${movements}?after=${rows.length - 2}`)
          .set(accountant)
          .expect(200)
      ).body,
    ).toEqual({ items: rows.slice(-2), next: null });
    expect((await t.http().get(`${movements}?after=${rows.length}&limit=5`).set(accountant).expect(200)).body).toEqual({ items: [], next: null });

    // Within a date range the numbers are the register's, and the cursor is one of them.
    const inRange = rows.filter((r) => r.effectiveDate >= '2024-03-01' && r.effectiveDate <= '2024-07-31');
    expect(inRange.length).toBeGreaterThan(2);
    const first = await t.http().get(`${movements}?from=2024-03-01&to=2024-07-31&limit=2`).set(accountant).expect(200);
    expect(first.body).toEqual({ items: inRange.slice(0, 2), next: inRange[1].number });
    const rest = await t.http().get(`${movements}?from=2024-03-01&to=2024-07-31&limit=100&after=${first.body.next}`).set(accountant).expect(200);
    expect(rest.body).toEqual({ items: inRange.slice(2), next: null });
  });

  it('refuses a bad limit or after on the register as 400 problem+json, and paging the CSV export', async () => {
    const rows = (await t.http().get('/v1/cooperatives/alpha/capital-movements').set(accountant).expect(200)).body.items.length;
    const bad: Array<[string, string]> = [
      ['limit=0', 'limit'],
      ['limit=10001', 'limit'],
      ['limit=-1', 'limit'],
      ['limit=2.5', 'limit'],
      ['limit=ten', 'limit'],
      ['after=-1&limit=2', 'after'],
      ['after=first&limit=2', 'after'],
      ['after=1.5', 'after'],
      [`after=${rows + 1}&limit=2`, 'after'],
      ['limit=2&format=csv', 'limit'],
      ['after=2&format=csv', 'after'],
    ];
    for (const [query, field] of bad) {
      const res = await t.http().get(`/v1/cooperatives/alpha/capital-movements?${query}`).set(accountant);
      expect({ query, status: res.status, type: res.headers['content-type'] }).toEqual({ query, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(res.body).toMatchObject({ status: 400, errors: [expect.objectContaining({ field })] });
    }
    await t.http().get('/v1/cooperatives/alpha/capital-movements?limit=10000').set(accountant).expect(200);
  });

  it('verifies the untouched history as valid', async () => {
    const auditor = bearer(t.token('auditor'));
    const res = await t.http().get('/v1/cooperatives/alpha/verification').set(auditor).expect(200);
    expect(res.body).toMatchObject({ valid: true, streams: 1 });
    expect(res.body.events).toBeGreaterThan(10);
    expect(res.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const events = await t.http().get('/v1/cooperatives/alpha/events?limit=2').set(auditor).expect(200);
    expect(events.body.events).toHaveLength(2);
    expect(events.body.events[0]).toMatchObject({ streamId: 'cooperative-alpha', revision: 0, type: 'StatutsAdopted' });
    expect(events.body.events[1].metadata.prevHash).toBe(events.body.events[0].metadata.hash);
    expect(events.body.next).toBe(String(events.body.events[1].position));
  });
});
