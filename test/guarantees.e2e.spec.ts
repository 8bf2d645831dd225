import Database from 'better-sqlite3';
import * as path from 'path';
import { TestApp, bearer, onTestAppDatabase, removeDir, startTestApp, testSchemaOf } from './support/test-app';
import { associate, scopBeta } from './support/fixtures';

/** Where the events are kept, for the test that edits them behind the service's back. */
const storeName = process.env.LEDGER_STORE === 'postgres' ? 'PostgreSQL table' : 'SQLite file';

describe('What gérants, auditors and accountants rely on', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scopBeta).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('emma', 'employee', 10, { admittedOn: '2023-03-01' }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const eventCount = async () => (await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200)).body.events as number;

  it('the same Idempotency-Key twice appends once and replays the first answer', async () => {
    const before = await eventCount();
    const body = { shares: 2, effectiveDate: '2024-01-10' };
    const first = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('Idempotency-Key', 'sub-2024-01-10').send(body).expect(201);
    const second = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('Idempotency-Key', 'sub-2024-01-10').send(body).expect(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await eventCount()).toBe(before + 1);
  });

  it('the same Idempotency-Key with another body answers 422 IDEMPOTENCY-KEY-REUSED and appends nothing', async () => {
    const before = await eventCount();
    const res = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('Idempotency-Key', 'sub-2024-01-10').send({ shares: 3, effectiveDate: '2024-01-10' }).expect(422);
    expect(res.body.code).toBe('IDEMPOTENCY-KEY-REUSED');
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await eventCount()).toBe(before);
  });

  it('concurrent requests with one Idempotency-Key append once', async () => {
    const before = await eventCount();
    const body = { shares: 1, effectiveDate: '2024-01-11' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('Idempotency-Key', 'burst').send(body)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const a of answers) expect([200, 201, 409]).toContain(a.status);
    expect(await eventCount()).toBe(before + 1);
  });

  it('a stale If-Match answers 412 Precondition Failed and appends nothing; the current one succeeds', async () => {
    const current = await t.http().get('/v1/cooperatives/beta').set(gerant).expect(200);
    const etag = current.headers.etag;
    await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('If-Match', etag).send({ shares: 1, effectiveDate: '2024-02-01' }).expect(201);
    const before = await eventCount();
    const stale = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('If-Match', etag).send({ shares: 1, effectiveDate: '2024-02-02' }).expect(412);
    expect(stale.body).toMatchObject({ status: 412, code: 'WRONG-EXPECTED-REVISION' });
    expect(await eventCount()).toBe(before);
  });

  it('concurrent commands on one cooperative are all recorded, in one unbroken chain', async () => {
    const before = await eventCount();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t
          .http()
          .post('/v1/cooperatives/beta/associates/emma/subscriptions')
          .set(gerant)
          .send({ shares: 1, effectiveDate: `2024-03-${String(i + 1).padStart(2, '0')}` }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.revision)).size).toBe(20);
    const verification = await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200);
    expect(verification.body).toMatchObject({ valid: true, events: before + 20 });
  });

  it('a second app instance over the same data folder answers the same', async () => {
    const second = await startTestApp(t.dataDir);
    try {
      for (const url of ['/v1/cooperatives/beta', '/v1/cooperatives/beta/cap-table', '/v1/cooperatives/beta/associates', '/v1/cooperatives/beta/compliance?asOf=2024-06-01']) {
        const a = await t.http().get(url).set(auditor).expect(200);
        const b = await second
          .http()
          .get(url)
          .set(bearer(second.token('auditor')))
          .expect(200);
        expect(b.body).toEqual(a.body);
      }
      // A write through the second instance is seen by the first, and the first's cache catches up.
      await second
        .http()
        .post('/v1/cooperatives/beta/associates/emma/subscriptions')
        .set(bearer(second.token('gerant')))
        .send({ shares: 5, effectiveDate: '2024-04-01' })
        .expect(201);
      const seen = await t.http().get('/v1/cooperatives/beta/associates/emma').set(auditor).expect(200);
      const there = await second
        .http()
        .get('/v1/cooperatives/beta/associates/emma')
        .set(bearer(second.token('auditor')))
        .expect(200);
      expect(seen.body.shares).toBe(there.body.shares);
      await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).send({ shares: 1, effectiveDate: '2024-04-02' }).expect(201);
    } finally {
      await second.close();
    }
  });

  it('an associate reads their own record only', async () => {
    const emma = bearer(t.token('associate', ['beta'], 'emma'));
    await t.http().get('/v1/cooperatives/beta/associates/emma').set(emma).expect(200);
    const other = await t.http().get('/v1/cooperatives/beta/cap-table').set(emma).expect(403);
    expect(other.headers['content-type']).toMatch(/problem\+json/);
  });

  it('/health answers without a token and /openapi.json documents the API', async () => {
    const health = await t.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', store: 'up' });
    const openapi = await t.http().get('/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/v1/cooperatives', '/v1/cooperatives/{coopId}/cap-table']));
    const docs = await t.http().get('/docs').expect(200);
    expect(docs.text).toMatch(/swagger/i);
  });

  it(`tampering with the ${storeName} behind the service’s back is detected, with the first break`, async () => {
    await behindTheStore(t.dataDir, async (events) => {
      const row = await events.first('cooperative-beta', 'SharesSubscribed');
      const data = JSON.parse(row.data);
      await events.setData(row.position, JSON.stringify({ ...data, shares: data.shares + 100 }));
      const res = await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200);
      expect(res.body).toMatchObject({ valid: false, firstBreak: { streamId: 'cooperative-beta', revision: row.revision, reason: 'hash_mismatch' } });
      await events.setData(row.position, row.data);
      expect((await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200)).body.valid).toBe(true);

      await events.remove(await events.lastPosition('cooperative-beta'));
      const deleted = await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200);
      expect(deleted.body).toMatchObject({ valid: false, firstBreak: { streamId: 'cooperative-beta', reason: 'missing_tail' } });
    });
  });
});

/** The app's stored events, edited as an intruder would: rows of its SQLite file, or of its PostgreSQL schema. */
interface StoredEvents {
  first(streamId: string, type: string): Promise<{ position: number; revision: number; data: string }>;
  lastPosition(streamId: string): Promise<number>;
  setData(position: number, data: string): Promise<void>;
  remove(position: number): Promise<void>;
}

async function behindTheStore(dataDir: string, work: (events: StoredEvents) => Promise<void>): Promise<void> {
  if (process.env.LEDGER_STORE === 'postgres') {
    const table = `"${testSchemaOf(dataDir)}".ledger_events`;
    return onTestAppDatabase(async (db) => {
      const one = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0];
      return work({
        first: async (streamId, type) => {
          const row = await one(`SELECT position, revision, data FROM ${table} WHERE stream_id = $1 AND type = $2 ORDER BY position LIMIT 1`, [streamId, type]);
          return { position: Number(row.position), revision: Number(row.revision), data: row.data };
        },
        lastPosition: async (streamId) => Number((await one(`SELECT position FROM ${table} WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`, [streamId])).position),
        setData: async (position, data) => void (await db.query(`UPDATE ${table} SET data = $1 WHERE position = $2`, [data, position])),
        remove: async (position) => void (await db.query(`DELETE FROM ${table} WHERE position = $1`, [position])),
      });
    });
  }
  const db = new Database(path.join(dataDir, 'ledger.sqlite'));
  try {
    await work({
      first: async (streamId, type) =>
        db.prepare('SELECT position, revision, data FROM events WHERE stream_id = ? AND type = ? ORDER BY position LIMIT 1').get(streamId, type) as { position: number; revision: number; data: string },
      lastPosition: async (streamId) => (db.prepare('SELECT position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').get(streamId) as { position: number }).position,
      setData: async (position, data) => void db.prepare('UPDATE events SET data = ? WHERE position = ?').run(data, position),
      remove: async (position) => void db.prepare('DELETE FROM events WHERE position = ?').run(position),
    });
  } finally {
    db.close();
  }
}
