import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore, UnreadableEventError } from '@ledger/event-store';
import { CooperativeLedgerState, cooperativeLedgerProjection } from './cooperative-ledger.projection';
import { dataToCopy, StoredTextEvent } from './lazy-event-data';
import { ownEntry } from './own-entry';
import { rebuild } from './replay';
import { JsonText, partText } from './snapshot-store';

describe('events kept with their data as the stored text until read (libs/projections/src/lazy-event-data.ts)', () => {
  it('parses on the first read, once, and keeps the object; a copy for a snapshot does not keep it', () => {
    const event = new StoredTextEvent('7', 6, 'e7', '2024-03-01T10:00:00.000Z', 'SharesPaidUp', '{"amountCents":150,"effectiveDate":"2024-03-01"}');
    expect(Object.getOwnPropertyDescriptor(event, 'data')?.get).toBeDefined();
    expect(dataToCopy(event)).toEqual({ amountCents: 150, effectiveDate: '2024-03-01' });
    expect(Object.getOwnPropertyDescriptor(event, 'data')?.get).toBeDefined();
    const data = event.data;
    expect(data).toEqual({ amountCents: 150, effectiveDate: '2024-03-01' });
    expect(Object.getOwnPropertyDescriptor(event, 'data')?.value).toBe(data);
    expect(event.data).toBe(data);
    // A deep comparison, as the audit replay makes, sees the data.
    expect(event).toEqual({ position: '7', revision: 6, eventId: 'e7', recordedAt: '2024-03-01T10:00:00.000Z', type: 'SharesPaidUp', data: { amountCents: 150, effectiveDate: '2024-03-01' } });
    expect(Object.keys(event)).toEqual(['position', 'revision', 'eventId', 'recordedAt', 'type', 'data']);
  });

  describe('a replay from the SQLite store', () => {
    let dir: string;
    let store: SqliteEventStore;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ledger-lazy-'));
      store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
      const metadata = (eventId: string) => ({ eventId, coopId: 'c', actor: { sub: 's', role: 'gerant' }, correlationId: 'x', causationId: 'x', recordedAt: '2024-01-01T00:00:00.000Z', schemaVersion: 1 });
      await store.append(
        'cooperative-c',
        [
          { type: 'AssociateWithdrew', data: { associateId: 'a', reason: 'resignation', effectiveDate: '2024-02-01' }, metadata: metadata('e0') },
          { type: 'AssociateWithdrew', data: { associateId: 'b', reason: 'resignation', effectiveDate: '2024-02-02' }, metadata: metadata('e1') },
        ],
        'no_stream',
      );
    });

    afterEach(async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('keeps the cooperatives events unparsed until a query reads them, then answers the same data', async () => {
      const { state } = await rebuild(cooperativeLedgerProjection, store);
      const events = ownEntry((state as CooperativeLedgerState).coops, 'c')!.events;
      expect(events.map((e) => Object.getOwnPropertyDescriptor(e, 'data')?.get !== undefined)).toEqual([true, true]);
      expect(events.map((e) => (e.data as { associateId: string }).associateId)).toEqual(['a', 'b']);
    });

    it('writes a snapshot part with the data of each event as its stored text, or serialized once read, and escapes what a JSON string must', async () => {
      const { state } = await rebuild(cooperativeLedgerProjection, store);
      const ledger = state as CooperativeLedgerState;
      const events = ownEntry(ledger.coops, 'c')!.events;
      void events[1].data; // the second one read, the first left as text
      Object.assign(events[0], { eventId: 'e"0\\\n' });
      const split = cooperativeLedgerProjection.parts!.split(ledger);
      const part = split.parts.find(([key]) => key === JSON.stringify(['c', 'events', 0]))![1];
      expect(part).toBeInstanceOf(JsonText);
      expect(JSON.parse(partText(part))).toEqual(events.map((e) => [e.position, e.revision, e.eventId, e.recordedAt, e.type, e.data]));
    });

    it('reports data edited into unreadable text behind the store as UnreadableEventError when it is read', async () => {
      const db = new Database(join(dir, 'ledger.sqlite'));
      db.prepare("UPDATE events SET data = '{not json' WHERE revision = 1").run();
      db.close();
      const pages: unknown[] = [];
      for await (const page of store.readAllPages({ lazyData: true })) pages.push(...page);
      expect(pages).toHaveLength(2);
      expect(() => (pages[1] as { data: unknown }).data).toThrow(UnreadableEventError);
      expect((pages[0] as { data: { associateId: string } }).data.associateId).toBe('a');
    });
  });
});
