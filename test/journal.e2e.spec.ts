import { fecDecode } from '@ledger/projections';
import { checkFec } from './support/fec-checker';
import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';

/**
 * GET …/journal over HTTP: a SCIC's 2023 (admissions, a partial payment paid up, a transfer, a
 * redemption), closed and allocated at the AG of 2024-06-15 with interest at 3.8025 %; the
 * journal of each year balances, and its FEC passes the checker with the file name the norm wants.
 */
describe('The journal and the FEC over HTTP', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const coop = '/v1/cooperatives/jr';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant'));
    const post = (path: string, body: object) => t.http().post(path).set(gerant).send(body).expect(201);
    await post('/v1/cooperatives', { id: 'jr', name: 'Journal SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2023-01-02', shareValueCents: 10_000, siren: '732829320' });
    await post('/v1/cooperatives', { id: 'nosiren', name: 'SCIC sans SIREN', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2023-01-02', shareValueCents: 10_000 });
    await post(`${coop}/associates`, { id: 'a1', name: 'Ana Lopez', personType: 'natural', category: 'employee', admittedOn: '2023-01-02', shares: 600 });
    await post(`${coop}/associates`, { id: 'a2', name: 'Commune de Bègles', personType: 'legal', category: 'beneficiary', admittedOn: '2023-01-02', shares: 400 });
    await post(`${coop}/associates`, { id: 'a3', name: 'Zoé Œuvray', personType: 'natural', category: 'beneficiary', admittedOn: '2023-02-01', shares: 40, paidCents: 100_000 });
    await post(`${coop}/associates/a3/payments`, { amountCents: 300_000, effectiveDate: '2023-03-01' });
    await post(`${coop}/share-transfers`, { fromAssociateId: 'a1', toAssociateId: 'a3', shares: 10, effectiveDate: '2023-04-01' });
    await post(`${coop}/associates/a3/withdrawal`, { effectiveDate: '2023-09-30', reason: 'resignation' });
    await post(`${coop}/associates/a3/redemptions`, { shares: 50, amountCents: 500_000, effectiveDate: '2023-10-31' });
    await post(`${coop}/fiscal-years/2023/closing`, { closedOn: '2024-03-31', netResultCents: 1_000_000 });
    const ag = `${coop}/assemblies`;
    await post(ag, {
      id: 'ag-2024',
      kind: 'ordinary',
      title: 'AGO',
      convenedOn: '2024-05-01',
      heldOn: '2024-06-15',
      place: 'Siège',
      call: 1,
      resolutions: [{ id: 'r1', title: 'Affectation du résultat', text: 'Affectation du résultat 2023.', kind: 'ordinary' }],
    });
    for (const v of ['a1', 'a2']) await post(`${ag}/ag-2024/attendance`, { associateId: v, mode: 'present' });
    await post(`${ag}/ag-2024/opening`, {});
    for (const v of ['a1', 'a2']) await post(`${ag}/ag-2024/resolutions/r1/ballots`, { associateId: v, choice: 'for' });
    await post(`${ag}/ag-2024/resolutions/r1/closing`, {});
    await post(`${ag}/ag-2024/closing`, {});
    await post(`${coop}/fiscal-years/2023/allocation`, { resolution: { assemblyId: 'ag-2024', resolutionId: 'r1' }, legalReserveCents: 150_000, shareInterestRate: '3.8025' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('answers each year’s entries, every one balanced, numbered 1, 2, 3…; the allocation of 2023 in 2024', async () => {
    const y2023 = (await t.http().get(`${coop}/journal?year=2023`).set(accountant).expect(200)).body;
    expect(y2023).toMatchObject({ coopId: 'jr', year: 2023, startsOn: '2023-01-02', endsOn: '2023-12-31' });
    const y2024 = (await t.http().get(`${coop}/journal?year=2024`).set(accountant).expect(200)).body;
    for (const journal of [y2023, y2024]) {
      expect(journal.entries.map((e: { number: number }) => e.number)).toEqual(journal.entries.map((_: unknown, i: number) => i + 1));
      for (const entry of journal.entries) {
        const sum = entry.lines.reduce((s: number, l: { debitCents: number; creditCents: number }) => s + l.debitCents - l.creditCents, 0);
        expect([entry.number, sum]).toEqual([entry.number, 0]);
      }
    }
    const allocation = y2024.entries.find((e: { label: string }) => e.label === 'Affectation du résultat 2023');
    expect(allocation).toMatchObject({ journalCode: 'OD', date: '2024-06-15', pieceRef: 'ag-2024/r1' });
    expect(allocation.lines[0]).toMatchObject({ account: '120', debitCents: 1_000_000 });
    expect(allocation.lines).toContainEqual(expect.objectContaining({ account: '1061', creditCents: 150_000 }));
    expect(allocation.lines).toContainEqual(expect.objectContaining({ account: '457', auxiliary: 'a1', auxiliaryLabel: 'Ana Lopez' }));
    // Interest put in payment: the commune (a legal person) is paid gross, Ana less 12.8 % + 17.2 %.
    const paid = y2024.entries.find((e: { journalCode: string; label: string }) => e.journalCode === 'BQ' && e.label.startsWith('Intérêts'));
    expect(paid.lines).toContainEqual(expect.objectContaining({ account: '4423' }));
  });

  it('serves the FEC of each year as <siren>FEC<closing date>.txt, and it passes the checker', async () => {
    for (const [year, endsOn] of [
      ['2023', '2023-12-31'],
      ['2024', '2024-12-31'],
    ]) {
      const res = await t
        .http()
        .get(`${coop}/journal?year=${year}&format=fec`)
        .set(accountant)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=iso-8859-15');
      const fileName = /filename="([^"]+)"/.exec(res.headers['content-disposition'])![1];
      expect(fileName).toBe(`732829320FEC${endsOn.replace(/-/g, '')}.txt`);
      const text = fecDecode(res.body as Buffer);
      const report = checkFec(text, { startsOn: year === '2023' ? '2023-01-02' : '2024-01-01', endsOn, fileName });
      expect(report.problems).toEqual([]);
      expect(report.entries).toBeGreaterThan(0);
      if (year === '2023') expect(text).toContain('Zoé Œuvray');
    }
  });

  it('exports the journal as CSV, in the French dialect on request', async () => {
    const csv = await t.http().get(`${coop}/journal?year=2023&format=csv`).set(accountant).expect(200);
    expect(csv.text.split('\r\n')[0]).toBe('number,journalCode,journalLabel,date,pieceRef,pieceDate,label,account,accountLabel,auxiliary,auxiliaryLabel,debitCents,creditCents,validDate');
    const fr = await t.http().get(`${coop}/journal?year=2023`).set(accountant).set('Accept', 'text/csv; dialect=fr').expect(200);
    expect(fr.text.startsWith('\uFEFFnumber;journalCode;')).toBe(true);
    expect(fr.text).toContain(';debitEur;creditEur;');
  });

  it('refuses a FEC while the statuts have no siren (422), a year that is not one (400), an unknown cooperative (404)', async () => {
    const noSiren = await t.http().get('/v1/cooperatives/nosiren/journal?year=2023&format=fec').set(accountant).expect(422);
    expect(noSiren.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(noSiren.body).toMatchObject({ status: 422, code: 'NO-SIREN', detail: expect.stringMatching(/have no siren/) });
    await t.http().get('/v1/cooperatives/nosiren/journal?year=2023').set(accountant).expect(200);
    const bad = await t.http().get(`${coop}/journal?year=23`).set(accountant).expect(400);
    expect(bad.body.errors[0].field).toBe('year');
    await t.http().get(`${coop}/journal`).set(accountant).expect(400);
    await t.http().get(`${coop}/journal?year=2023&format=xml`).set(accountant).expect(400);
    await t.http().get('/v1/cooperatives/nowhere/journal?year=2023').set(accountant).expect(404);
  });
});
