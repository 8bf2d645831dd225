import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { NewEvent } from './event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { verifyEvents } from './verification';

const COOP = 'cooperative-c1';
const AG = 'assembly-c1.ag2025';

function event(n: number): NewEvent {
  return {
    type: 'SharesSubscribed',
    data: { associateId: `a-${n}`, shares: n },
    metadata: { eventId: randomUUID(), coopId: 'c1', actor: { sub: 'g', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2025-06-05T10:00:00.000Z', schemaVersion: 1 },
  };
}

/** An AG's minutes pin the digest with the global position it was taken at; an auditor recomputes it there. */
describe('verifyEvents as of a global position (the digest an AG pinned)', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-verify-at-'));
    store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the digest of the heads as they stood at the position, whatever came after', async () => {
    await store.append(COOP, [event(1), event(2)], 'no_stream');
    const pinned = await store.append(AG, [event(3)], 'no_stream');
    const then = await verifyEvents(store.readAll());
    await store.append(COOP, [event(4)], 1n);
    await store.append(AG, [event(5)], 0n);

    const atPin = await verifyEvents(store.readAll(), {}, { at: pinned.position });
    const now = await verifyEvents(store.readAll());
    expect(atPin).toMatchObject({ valid: true, events: 3, streams: 2, digest: then.digest, position: pinned.position });
    expect(now.digest).not.toBe(then.digest);
    expect(now.events).toBe(5);
  });

  it('still finds an event edited before the position, and ignores one edited after it', async () => {
    await store.append(COOP, [event(1), event(2)], 'no_stream');
    const pinned = await store.append(AG, [event(3)], 'no_stream');
    await store.append(COOP, [event(4)], 1n);
    const raw = new Database(join(dir, 'ledger.sqlite'));
    try {
      raw.prepare(`UPDATE events SET data = '{"shares":40}' WHERE stream_id = ? AND revision = 2`).run(COOP);
      expect((await verifyEvents(store.readAll(), {}, { at: pinned.position })).valid).toBe(true);
      raw.prepare(`UPDATE events SET data = '{"shares":20}' WHERE stream_id = ? AND revision = 1`).run(COOP);
      expect((await verifyEvents(store.readAll(), {}, { at: pinned.position })).firstBreak).toEqual({ streamId: COOP, revision: 1n, reason: 'hash_mismatch' });
    } finally {
      raw.close();
    }
  });
});
