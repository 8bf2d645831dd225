import * as fs from 'fs';
import * as path from 'path';
import { LedgerJobs } from '../apps/ledger-api/src/jobs/ledger-jobs';
import { raw, sha256 } from './exports-support';
import { settled } from './jobs-support';
import { TestApp, bearer, jobsOnRedis, removeDir, startTestApp } from './support/test-app';

/**
 * POST …/exports through the real app, the job run by the API itself (inline; on BullMQ in the
 * servers' run): each kind's file is the synchronous GET's answer byte for byte, under the same
 * name, its sha256 what the job says; another cooperative's token finds neither job nor file.
 */
describe(`Export jobs: the journal, the FEC and the registers as files to download (${jobsOnRedis() ? 'on BullMQ, run by the API' : 'inline'})`, () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let accountant: Record<string, string>;
  const coop = '/v1/cooperatives/ex';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    accountant = bearer(t.token('accountant', ['ex'], 'comptable'));
    const post = (url: string, body: object) => t.http().post(url).set(gerant).send(body).expect(201);
    await post('/v1/cooperatives', { id: 'ex', name: 'Export SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-02', shareValueCents: 10_000, siren: '732829320' });
    await post('/v1/cooperatives', { id: 'nosiren', name: 'SCIC sans SIREN', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-02', shareValueCents: 10_000 });
    await post(`${coop}/associates`, { id: 'a1', name: 'Ana Lopez', personType: 'natural', category: 'employee', admittedOn: '2024-01-02', shares: 600 });
    await post(`${coop}/associates`, { id: 'a2', name: 'Commune de Bègles, "mairie"', personType: 'legal', category: 'beneficiary', admittedOn: '2024-01-02', shares: 400 });
    await post(`${coop}/associates`, { id: 'a3', name: '=Zoé Œuvray', personType: 'natural', category: 'beneficiary', admittedOn: '2024-02-01', shares: 40, paidCents: 100_000 });
    await post(`${coop}/associates/a3/payments`, { amountCents: 300_000, effectiveDate: '2024-03-01' });
    await post(`${coop}/share-transfers`, { fromAssociateId: 'a1', toAssociateId: 'a3', shares: 10, effectiveDate: '2024-04-01' });
    await post(`${coop}/associates/a3/withdrawal`, { effectiveDate: '2024-09-30', reason: 'resignation' });
    await post(`${coop}/associates/a3/redemptions`, { shares: 50, amountCents: 500_000, effectiveDate: '2024-10-31' });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  /** Starts an export, follows its job to the end, and downloads the file. */
  async function exported(body: object, auth = accountant) {
    const started = await t.http().post(`${coop}/exports`).set(auth).send(body).expect(202);
    expect(started.headers.location).toBe(`/v1/jobs/${started.body.jobId}`);
    const job = await settled(t, started.headers.location, auth);
    expect([body, job.state, job.error]).toEqual([body, 'completed', undefined]);
    const result = job.result as { exportId: string; file: { name: string; bytes: number; sha256: string; contentType: string }; download: string };
    const file = await raw(t.http().get(result.download).set(auth)).expect(200);
    return { jobId: started.body.jobId as string, job, result, file, bytes: file.body as Buffer };
  }

  it.each([
    ['the journal as JSON', { kind: 'journal', year: 2024 }, '/journal?year=2024', 'ex-journal-2024.json'],
    ['the journal as CSV, French dialect', { kind: 'journal', year: 2024, format: 'csv', dialect: 'fr' }, '/journal?year=2024&format=csv&dialect=fr', 'ex-journal-2024.csv'],
    ['the FEC', { kind: 'fec', year: 2024 }, '/journal?year=2024&format=fec', '732829320FEC20241231.txt'],
    ['the register of movements as JSON', { kind: 'capital-movements' }, '/capital-movements', 'ex-capital-movements.json'],
    ['the register of movements as CSV, French dialect', { kind: 'capital-movements', format: 'csv', dialect: 'fr' }, '/capital-movements?format=csv&dialect=fr', 'ex-capital-movements.csv'],
    ['the register of movements as NDJSON', { kind: 'capital-movements', format: 'ndjson' }, '/capital-movements?format=ndjson', 'ex-capital-movements.ndjson'],
    ['the cap table as JSON', { kind: 'cap-table', asOf: '2024-06-30' }, '/cap-table?asOf=2024-06-30', 'ex-cap-table-2024-06-30.json'],
    ['the cap table as CSV', { kind: 'cap-table', asOf: '2024-06-30', format: 'csv' }, '/cap-table?asOf=2024-06-30&format=csv', 'ex-cap-table-2024-06-30.csv'],
    ['the member register as JSON', { kind: 'associates', asOf: '2024-12-31' }, '/associates?asOf=2024-12-31&limit=1000', 'ex-associates-2024-12-31.json'],
    ['the member register as CSV, French dialect', { kind: 'associates', asOf: '2024-12-31', format: 'csv', dialect: 'fr' }, '/associates?asOf=2024-12-31&format=csv&dialect=fr', 'ex-associates-2024-12-31.csv'],
    ['the member register as NDJSON', { kind: 'associates', asOf: '2024-12-31', format: 'ndjson' }, '/associates?asOf=2024-12-31&format=ndjson', 'ex-associates-2024-12-31.ndjson'],
  ])('%s: the bytes the synchronous GET answers, under its name, with the sha256 the job gives', async (_, body, syncPath, name) => {
    const sync = await raw(t.http().get(`${coop}${syncPath}`).set(accountant)).expect(200);
    const { jobId, job, result, file, bytes } = await exported(body);
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes.equals(sync.body as Buffer)).toBe(true);
    expect(file.headers['content-type']).toBe(sync.headers['content-type']);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    if (sync.headers['content-disposition']) expect(file.headers['content-disposition']).toBe(sync.headers['content-disposition']);
    expect(Number(file.headers['content-length'])).toBe(bytes.length);
    expect(job.progress).toBe(100);
    expect(result).toMatchObject({ exportId: jobId, download: `/v1/exports/${jobId}`, file: { name, bytes: bytes.length, sha256: sha256(bytes), contentType: sync.headers['content-type'] } });
    expect(file.headers.etag).toBe(`"${sha256(bytes)}"`);
  });

  it('gives the cap table and the journal as NDJSON too, which no GET gives: one row or entry a line, those of the JSON', async () => {
    const lines = (bytes: Buffer) => bytes.toString('utf8').split('\n');
    const table = (await t.http().get(`${coop}/cap-table?asOf=2024-06-30`).set(accountant).expect(200)).body as { rows: unknown[] };
    const rows = await exported({ kind: 'cap-table', asOf: '2024-06-30', format: 'ndjson' });
    expect(rows.file.headers['content-type']).toBe('application/x-ndjson');
    expect(lines(rows.bytes)).toEqual([...table.rows.map((row) => JSON.stringify(row)), '']);
    const journal = (await t.http().get(`${coop}/journal?year=2024`).set(accountant).expect(200)).body as { entries: unknown[] };
    expect(lines((await exported({ kind: 'journal', year: 2024, format: 'ndjson' })).bytes).map((line) => (line ? JSON.parse(line) : line))).toEqual([...journal.entries, '']);
  });

  it('keeps the file in the exports folder (LEDGER_EXPORTS_DIR, by default <LEDGER_DATA_DIR>/exports) beside what it is', async () => {
    const { result, bytes } = await exported({ kind: 'fec', year: 2024 });
    const folder = path.join(t.dataDir, 'exports', result.exportId);
    expect(fs.readFileSync(path.join(folder, '732829320FEC20241231.txt')).equals(bytes)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'))).toMatchObject({ exportId: result.exportId, coopId: 'ex', kind: 'fec', year: 2024, file: result.file });
    expect(fs.readdirSync(path.join(t.dataDir, 'exports')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('answers the job and the file to the cooperative’s readers only: another cooperative’s token 404, an associate 403', async () => {
    const { jobId, result } = await exported({ kind: 'cap-table', format: 'csv' });
    const elsewhere = bearer(t.token('accountant', ['nosiren'], 'ailleurs'));
    const file = await t.http().get(result.download).set(elsewhere).expect(404);
    expect(file.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.http().get(`/v1/jobs/${jobId}`).set(elsewhere).expect(404);
    await t.http().post(`${coop}/exports`).set(elsewhere).send({ kind: 'cap-table' }).expect(404);
    await t
      .http()
      .get(result.download)
      .set(bearer(t.token('auditor', ['ex'])))
      .expect(200);
    await t
      .http()
      .post(`${coop}/exports`)
      .set(bearer(t.token('associate', ['ex'], 'a1')))
      .send({ kind: 'cap-table' })
      .expect(403);
    await t.http().get(result.download).expect(401);
  });

  it('answers 404 for an export that is not there, one cleaned up, and an id no export can have', async () => {
    await t.http().get('/v1/exports/export-00000000-0000-4000-8000-000000000000').set(accountant).expect(404);
    const { result } = await exported({ kind: 'cap-table' });
    fs.rmSync(path.join(t.dataDir, 'exports', result.exportId, result.file.name));
    const gone = await t.http().get(result.download).set(accountant).expect(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    const bad = await t.http().get('/v1/exports/..%2Fledger.sqlite').set(accountant).expect(404);
    expect(bad.body).toMatchObject({ status: 404, code: 'INVALID-ID' });
  });

  it('refuses bad input before any job is queued: 400 naming the field, 404 for what is not there, 422 for a FEC without a siren — problem+json', async () => {
    const enqueue = jest.spyOn(t.app.get(LedgerJobs), 'enqueue');
    try {
      const everywhere = bearer(t.token('accountant'));
      const refused = async (url: string, body: unknown, status: number) => {
        const response = await t
          .http()
          .post(url)
          .set(everywhere)
          .send(body as object);
        expect([body, response.status, response.headers['content-type']]).toEqual([body, status, expect.stringMatching(/^application\/problem\+json/)]);
        expect(response.headers.location).toBeUndefined();
        return response.body as { errors?: Array<{ field: string }>; code?: string };
      };
      const field = async (body: unknown) => [...new Set((await refused(`${coop}/exports`, body, 400)).errors?.map((e) => e.field))];
      expect(await field({ kind: 'xml' })).toEqual(['kind']);
      expect(await field({})).toEqual(['kind']);
      expect(await field({ kind: 'journal' })).toEqual(['year']);
      expect(await field({ kind: 'journal', year: '2024' })).toEqual(['year']);
      expect(await field({ kind: 'journal', year: 24 })).toEqual(['year']);
      expect(await field({ kind: 'fec', year: 2024, format: 'csv' })).toEqual(['format']);
      expect(await field({ kind: 'associates', format: 'fec' })).toEqual(['format']);
      expect(await field({ kind: 'cap-table', year: 2024 })).toEqual(['year']);
      expect(await field({ kind: 'cap-table', asOf: '2024-02-30' })).toEqual(['asOf']);
      expect(await field({ kind: 'journal', year: 2024, dialect: 'fr' })).toEqual(['dialect']);
      expect(await field({ kind: 'cap-table', path: '../../etc' })).toEqual(['path']);
      await refused(`${coop}/exports`, { kind: 'journal', year: 2019 }, 404);
      await refused('/v1/cooperatives/nowhere/exports', { kind: 'cap-table' }, 404);
      expect((await refused('/v1/cooperatives/nosiren/exports', { kind: 'fec', year: 2024 }, 422)).code).toBe('NO-SIREN');
      expect(enqueue).not.toHaveBeenCalled();
    } finally {
      enqueue.mockRestore();
    }
  });

  it('answers the same job again to a retry with the same Idempotency-Key', async () => {
    const once = await t.http().post(`${coop}/exports`).set(accountant).set('Idempotency-Key', 'export-fec-2024').send({ kind: 'fec', year: 2024 }).expect(202);
    const again = await t.http().post(`${coop}/exports`).set(accountant).set('Idempotency-Key', 'export-fec-2024').send({ kind: 'fec', year: 2024 });
    expect(again.body.jobId).toBe(once.body.jobId);
    expect((await settled(t, `/v1/jobs/${once.body.jobId}`, accountant)).state).toBe('completed');
  });
});
