import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { TestApp, bearer, removeDir, startTestApp, testAppEnv } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

const LEDGER = path.join(__dirname, '..', 'bin', 'ledger.js');

/** The real `ledger` bin, as `npx ledger` runs it: a child process with no server. */
function ledger(args: string[], env: Record<string, string> = {}) {
  const { AUTH_JWT_SECRET: _secret, LEDGER_DATA_DIR: _dir, ...parent } = process.env;
  const run = spawnSync(process.execPath, [LEDGER, ...args], { encoding: 'utf8', env: { ...parent, ...env }, timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('audit bundle and the offline verifier (ledger verify / replay / token)', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  let bundle: string;
  let file: string;
  const coop = '/v1/cooperatives/alpha';

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor', ['alpha']));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scicAlpha, id: 'other', name: 'Other' })
      .expect(201);
    await t
      .http()
      .post(`${coop}/associates`)
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
    await t
      .http()
      .post(`${coop}/associates`)
      .set(gerant)
      .send(associate('bruno', 'beneficiary', 6, { collegeCode: 'users' }))
      .expect(201);
    await t.http().post(`${coop}/associates/bruno/subscriptions`).set(gerant).send({ shares: 4, paidCents: 5000, effectiveDate: '2025-03-01' }).expect(201);
    await t.http().post(`${coop}/associates/bruno/payments`).set(gerant).send({ amountCents: 15000, effectiveDate: '2025-07-01' }).expect(201);
    const res = await t
      .http()
      .get(`${coop}/audit-bundle`)
      .set(auditor)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (chunk: string) => (text += chunk));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    bundle = res.body as string;
    file = path.join(t.dataDir, 'alpha.ndjson');
    fs.writeFileSync(file, bundle);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('streams a manifest (heads, digest, counts, generation time), every event of the cooperative with its hashes, and an end line', async () => {
    const lines = bundle
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    const verification = await t.http().get(`${coop}/verification`).set(auditor).expect(200);
    expect(lines[0]).toMatchObject({
      kind: 'manifest',
      format: 'cooperative-ledger/audit-bundle@1',
      coopId: 'alpha',
      streams: 1,
      events: lines.length - 2,
      digest: verification.body.digest,
      generatedAt: expect.any(String),
    });
    expect(lines.slice(1, -1).every((l) => l.kind === 'event' && l.streamId === 'cooperative-alpha' && /^[0-9a-f]{64}$/.test(l.metadata.hash))).toBe(true);
    expect(lines[lines.length - 1]).toMatchObject({ kind: 'end', events: lines.length - 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('ledger verify: exit 0 when every hash, chain, digest and count checks', () => {
    const run = ledger(['verify', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/OK: every hash/);
  });

  it('ledger verify: a bundle edited by one byte fails, naming the event', () => {
    const lines = bundle.split('\n');
    const payment = lines.findIndex((l) => l.includes('"type":"SharesPaidUp"'));
    const event = JSON.parse(lines[payment]);
    lines[payment] = lines[payment].replace('"amountCents":15000', '"amountCents":15001');
    const tampered = path.join(t.dataDir, 'tampered.ndjson');
    fs.writeFileSync(tampered, lines.join('\n'));
    const run = ledger(['verify', tampered, '--json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      valid: false,
      firstBreak: { streamId: 'cooperative-alpha', revision: event.revision, reason: 'hash_mismatch', line: payment + 1, position: event.position, eventId: event.metadata.eventId },
    });
    expect(ledger(['verify', tampered]).stdout).toContain(`event ${event.metadata.eventId} (SharesPaidUp)`);
  });

  it('ledger replay: the cap table as of a past date, with no server, equal to what the service answers', async () => {
    const run = ledger(['replay', file, '--as-of', '2025-06-30', '--cap-table', '--quiet']);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    const served = await t.http().get(`${coop}/cap-table?asOf=2025-06-30`).set(auditor).expect(200);
    expect(out.capTable).toEqual(served.body);
    expect(out.capTable.totals.paidUpCents).toBe(50000 + 30000 + 5000);
    const lastBefore = JSON.parse(bundle.split('\n').filter((l) => l.includes('"type":"SharesPaidUp"'))[0]).position - 1;
    const cut = JSON.parse(ledger(['replay', file, '--as-of', '2025-12-31', '--at-position', String(lastBefore), '--cap-table', '--quiet']).stdout);
    expect(cut.capTable).toEqual((await t.http().get(`${coop}/cap-table?asOf=2025-12-31&atPosition=${lastBefore}`).set(auditor).expect(200)).body);
  });

  it('ledger replay refuses to show read models of a broken bundle; bad usage exits 2', () => {
    const cut = path.join(t.dataDir, 'cut.ndjson');
    fs.writeFileSync(cut, bundle.split('\n').slice(0, 3).join('\n'));
    expect(ledger(['replay', cut, '--cap-table']).status).toBe(1);
    expect(ledger(['replay', file, '--as-of', '2025-02-30']).status).toBe(2);
    expect(ledger(['verify']).status).toBe(2);
    expect(ledger(['verify', path.join(t.dataDir, 'missing.ndjson')]).status).toBe(2);
  });

  it('ledger token: signed with the service’s secret from its data folder; an auditor’s is scoped, read-only and expiring', async () => {
    // The service's own environment (its store too: `ledger token` reads the config as the service does).
    const service = { ...testAppEnv(t.dataDir), LEDGER_DATA_DIR: t.dataDir };
    const run = ledger(['token', '--role', 'auditor', '--coop', 'alpha', '--sub', 'reviseur-1', '--expires', '30d'], service);
    expect(run.status).toBe(0);
    const token = bearer(run.stdout.trim());
    const claims = JSON.parse(Buffer.from(run.stdout.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'reviseur-1', role: 'auditor', coops: ['alpha'] });
    expect(claims.exp - claims.iat).toBe(30 * 86400);
    await t.http().get(`${coop}/cap-table`).set(token).expect(200);
    await t.http().get('/v1/cooperatives/other/cap-table').set(token).expect(404);
    await t.http().post(`${coop}/associates/ana/subscriptions`).set(token).send({ shares: 1, effectiveDate: '2025-08-01' }).expect(403);
    expect(ledger(['token', '--role', 'auditor', '--coop', '*'], service).status).toBe(2);
    expect(ledger(['token', '--role', 'auditor', '--coop', 'alpha', '--expires', '400d'], service).status).toBe(2);
    const secret = 's'.repeat(40);
    const configured = ledger(['token', '--role', 'gerant', '--coop', 'alpha'], { ...service, AUTH_JWT_SECRET: secret });
    expect(configured.status).toBe(0);
    await t.http().get(`${coop}/cap-table`).set(bearer(configured.stdout.trim())).expect(401);
  });
});
