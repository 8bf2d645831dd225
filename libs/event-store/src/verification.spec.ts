import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventHash, sha256Hex } from './hash-chain';
import type { NewEvent, RecordedEvent } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { ledgerDigest, verifyEvents } from './verification';

const COOP = 'cooperative-c1';
const AG = 'assembly-c1.ag2024';

function subscribed(shares: number): NewEvent {
  return {
    type: 'SharesSubscribed',
    data: { associateId: `a-${shares}`, shares, amountCents: shares * 5000 },
    metadata: {
      eventId: randomUUID(),
      coopId: 'c1',
      actor: { sub: 'gerant-1', role: 'gerant' },
      correlationId: 'corr',
      causationId: 'cause',
      recordedAt: '2024-06-30T10:00:00.000Z',
      schemaVersion: 1,
    },
  };
}

/**
 * A real ledger file, and a second raw connection to it that edits rows behind the store's
 * back, as someone with access to the file (not to the service) could.
 */
describe('verification of a tampered SQLite ledger', () => {
  let dir: string;
  let store: SqliteEventStore;
  let raw: Database.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
    store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    await store.append(COOP, [subscribed(1), subscribed(2)], 'no_stream');
    await store.append(AG, [subscribed(10)], 'no_stream');
    await store.append(COOP, [subscribed(3), subscribed(4)], 1n);
    await store.append(AG, [subscribed(11), subscribed(12)], 0n);
    raw = new Database(join(dir, 'ledger.sqlite'));
  });
  afterEach(async () => {
    raw.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = (expectedHeads?: Parameters<typeof verifyEvents>[1]) => verifyEvents(store.readAll(), expectedHeads);
  const tamper = (sql: string, ...params: unknown[]) => raw.prepare(sql).run(...params);

  it('reports a row edited into something that is not JSON as unreadable_event, without throwing', async () => {
    tamper(`UPDATE events SET data = '{"shares": 3' WHERE stream_id = ? AND revision = 2`, COOP);
    const report = await verify();
    expect(report.valid).toBe(false);
    expect(report.firstBreak).toEqual({ streamId: COOP, revision: 2n, reason: 'unreadable_event' });
  });

  it('finds an untouched ledger valid, with a digest that only moves when the ledger does', async () => {
    const first = await verify();
    expect(first).toMatchObject({ valid: true, streams: 2, events: 7 });
    expect(first.firstBreak).toBeUndefined();
    expect(first.heads[COOP].revision).toBe(3n);
    expect(first.digest).toBe(ledgerDigest(first.heads));
    expect((await verify(first.heads)).digest).toBe(first.digest);

    await store.append(COOP, [subscribed(5)], 3n);
    const later = await verify(first.heads);
    expect(later.valid).toBe(true);
    expect(later.digest).not.toBe(first.digest);
  });

  it('catches an edited event at its stream and revision', async () => {
    tamper(`UPDATE events SET data = json_set(data, '$.shares', 400) WHERE stream_id = ? AND revision = 2`, COOP);
    const report = await verify();
    expect(report.valid).toBe(false);
    expect(report.firstBreak).toEqual({ streamId: COOP, revision: 2n, reason: 'hash_mismatch' });
  });

  it('catches an edited event whose hash was recomputed, at the next event', async () => {
    const [event] = rowsOf(raw, COOP, 1);
    const data = { ...event.data, shares: 200 };
    const hash = eventHash({ ...event, data });
    // The hash column too: an edit of the metadata alone is caught at this event (stored-rows.ts).
    tamper(`UPDATE events SET data = ?, metadata = json_set(metadata, '$.hash', @h), hash = @h WHERE stream_id = ? AND revision = 1`, JSON.stringify(data), { h: hash }, COOP);
    expect((await verify()).firstBreak).toEqual({ streamId: COOP, revision: 2n, reason: 'prev_hash_mismatch' });
  });

  it('catches a deleted event in the middle of a stream', async () => {
    tamper('DELETE FROM events WHERE stream_id = ? AND revision = 1', COOP);
    expect((await verify()).firstBreak).toEqual({ streamId: COOP, revision: 1n, reason: 'revision_gap' });
  });

  it('catches two events whose contents were swapped', async () => {
    tamper(
      `UPDATE events SET data = CASE revision WHEN 1 THEN (SELECT data FROM events WHERE stream_id = @s AND revision = 2)
                                               ELSE (SELECT data FROM events WHERE stream_id = @s AND revision = 1) END
       WHERE stream_id = @s AND revision IN (1, 2)`,
      { s: COOP },
    );
    expect((await verify()).firstBreak).toEqual({ streamId: COOP, revision: 1n, reason: 'hash_mismatch' });
  });

  it('catches two events renumbered into each other’s place', async () => {
    tamper('UPDATE events SET revision = -1 WHERE stream_id = ? AND revision = 1', AG);
    tamper('UPDATE events SET revision = 1 WHERE stream_id = ? AND revision = 2', AG);
    tamper('UPDATE events SET revision = 2 WHERE stream_id = ? AND revision = -1', AG);
    const report = await verify();
    expect(report.valid).toBe(false);
    expect(report.firstBreak).toMatchObject({ streamId: AG, revision: 1n });
  });

  it('catches a deleted last event only against the pinned heads, as missing_tail', async () => {
    const pinned = await verify();
    tamper('DELETE FROM events WHERE stream_id = ? AND revision = 3', COOP);

    // Nothing points back at a last event: alone, the chain cannot miss it…
    const alone = await verify();
    expect(alone.valid).toBe(true);
    expect(alone.digest).not.toBe(pinned.digest);
    // …but the heads pinned in the minutes can.
    const report = await verify(pinned.heads);
    expect(report.valid).toBe(false);
    expect(report.firstBreak).toEqual({ streamId: COOP, revision: 3n, reason: 'missing_tail' });
  });

  it('catches a whole stream deleted, against the pinned heads', async () => {
    const pinned = await verify();
    tamper('DELETE FROM events WHERE stream_id = ?', AG);
    expect((await verify(pinned.heads)).firstBreak).toEqual({ streamId: AG, revision: 0n, reason: 'missing_tail' });
  });

  it('catches a consistently rewritten chain against a pinned hash', async () => {
    const pinned = await verify();
    for (const event of rowsOf(raw, AG, 0)) {
      // Rewrite the whole stream from revision 0, relinking every hash: the chain holds.
      const previous = event.revision === 0n ? undefined : rowsOf(raw, AG, Number(event.revision) - 1)[0];
      const metadata = { ...event.metadata, recordedAt: '2020-01-01T00:00:00.000Z' };
      if (previous) metadata.prevHash = previous.metadata.hash;
      metadata.hash = eventHash({ ...event, metadata });
      tamper('UPDATE events SET metadata = ?, recorded_at = ?, hash = ? WHERE position = ?', JSON.stringify(metadata), metadata.recordedAt, metadata.hash, event.position);
    }
    expect((await verify()).valid).toBe(true);
    expect((await verify(pinned.heads)).firstBreak).toEqual({ streamId: AG, revision: 2n, reason: 'head_mismatch' });
  });
});

describe('verifyEvents', () => {
  it('finds an empty ledger valid, with the digest of no heads', async () => {
    expect(await verifyEvents([])).toEqual({ valid: true, streams: 0, events: 0, digest: sha256Hex(''), heads: {} });
  });

  it('digests heads sorted by stream id, one "stream:revision:hash" per line', () => {
    const heads = { 'fiscalyear-c1.2024': { revision: 0n, hash: 'b' }, 'cooperative-c1': { revision: 3n, hash: 'a' } };
    expect(ledgerDigest(heads)).toBe(sha256Hex('cooperative-c1:3:a\nfiscalyear-c1.2024:0:b'));
  });
});

/** Events of a stream from a revision on, read straight from the file. */
function rowsOf(db: Database.Database, streamId: string, from: number): RecordedEvent[] {
  const rows = db.prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision').all(streamId, from) as Array<{
    position: number;
    stream_id: string;
    revision: number;
    type: string;
    data: string;
    metadata: string;
  }>;
  return rows.map((row) => ({
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
  }));
}
