import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, CooperativeCommand, cooperativeDecider, CooperativeEvent, CooperativeHistory, IsoDate } from '@ledger/domain';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { SqliteSnapshotStore } from '@ledger/projections';
import { admit, scic, subscribe, transfer } from '@ledger/domain/cooperative/testing';
import { CommandMetadata } from './command-metadata';
import { StreamWriter } from './stream-writer';

const META: CommandMetadata = { actor: { sub: 'spec', role: 'gerant' }, correlationId: 'spec' };
const COOP = 'coop';
const STREAM = cooperativeDecider.streamId(COOP);
const readModels = { waitFor: async () => undefined };

function day(n: number): IsoDate {
  return addDays('2024-02-01', n);
}

/** The store, counting the events each stream read hands out (how much a writer folds). */
function counting(store: EventStore): { store: EventStore; read: () => number } {
  let read = 0;
  const counted = Object.create(store) as EventStore;
  counted.readStream = async function* (streamId: string, from?: bigint) {
    for await (const event of store.readStream(streamId, from)) {
      read++;
      yield event;
    }
  };
  return { store: counted, read: () => read };
}

describe('the write path reads large states from their snapshot instead of folding the stream (apps/ledger-api/src/write/stream-snapshots.ts)', () => {
  let dir: string;
  let events: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-stream-snapshots-'));
    events = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    snapshots = new SqliteSnapshotStore({ file: join(dir, 'ledger.sqlite') });
  });

  afterEach(async () => {
    await snapshots.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A writer as a fresh process has it: nothing cached. */
  function writer(store: EventStore = events) {
    return new StreamWriter(store, readModels, cooperativeDecider, { snapshots, snapshotAfter: 10, snapshotMinIntervalMs: 0 });
  }

  async function send(w: StreamWriter<CooperativeCommand, CooperativeEvent, CooperativeHistory, string>, command: CooperativeCommand) {
    return w.execute(COOP, command, META);
  }

  /** A SCIC of 20 associates and 60 subscriptions over 40 days, saved by its writer. */
  async function grown(): Promise<void> {
    const first = writer();
    await send(first, { type: 'AdoptStatuts', coopId: COOP, statuts: (scic().data as unknown as { statuts: never }).statuts });
    for (let i = 0; i < 20; i++) await send(first, admit({ id: `a${i}`, category: 'beneficiary', shares: 2, on: day(i), movementId: `adm-${i}` }));
    for (let i = 0; i < 60; i++) await send(first, subscribe({ associate: `a${i % 20}`, shares: 1, on: day(20 + Math.floor(i / 3)), movementId: `sub-${i}` }));
    await first.saveAll();
  }

  it('a new writer decides an act dated on or after the last date from the snapshot, reading only the events after it', async () => {
    await grown();
    // A writer that saves nothing in the background: one of `writer()` may save its 10th unsaved
    // event while this test reads the snapshot's position, and the restarted writer then reads
    // a newer snapshot than that position says (it failed so in CI).
    const later = new StreamWriter(events, readModels, cooperativeDecider, { snapshots, snapshotAfter: 1_000_000 });
    const head = (await send(later, subscribe({ associate: 'a3', shares: 4, on: day(50), movementId: 'after-restart' }))).revision;
    // The last save may be a few events behind the head: the one at shutdown skips a stream with
    // fewer unsaved events than snapshotAfter (10), and `later` wrote one more: at most 9 + 1 behind.
    const saved = (await snapshots.loadParts(`stream:${STREAM}`, cooperativeDecider.snapshots!.version))!.position;
    expect(head - saved).toBeLessThanOrEqual(10n);
    const { store, read } = counting(events);
    const restarted = writer(store);
    const answer = await send(restarted, subscribe({ associate: 'a3', shares: 1, on: day(51), movementId: 'restored' }));
    expect(answer.events.map((e) => e.type)).toEqual(['SharesSubscribed']);
    // The snapshot's last event (to check it is this log's) and the events recorded after it: not the 122 of the stream.
    expect(read()).toBe(1 + Number(head - saved));
    const state = await restarted.current(COOP);
    expect(state?.associates.a3.shares).toBe(2 + 3 + 4 + 1);
  });

  it('an act dated before the snapshot is judged on the whole stream: a transfer of shares not yet subscribed on its date is refused', async () => {
    await grown();
    const { store, read } = counting(events);
    const restarted = writer(store);
    // a0 holds 2 shares on day 0 and 5 from day 39: a transfer of 4 dated day 10 breaks that day.
    await expect(send(restarted, transfer({ from: 'a0', to: 'a1', shares: 4, on: day(10), movementId: 'back-dated' }))).rejects.toThrow(/holds 2 shares/);
    expect(read()).toBeGreaterThanOrEqual(101);
    await expect(send(restarted, transfer({ from: 'a0', to: 'a1', shares: 1, on: day(10), movementId: 'back-dated-ok' }))).resolves.toMatchObject({ events: [{ type: 'SharesTransferred' }] });
  });

  it('keeps the states of the streams written last within its budget of folded events, and reads a forgotten one again', async () => {
    const bounded = new StreamWriter(events, readModels, cooperativeDecider, { snapshots, stateBudgetEvents: 5 });
    for (const coopId of ['x', 'y', 'z']) {
      await bounded.execute(coopId, { type: 'AdoptStatuts', coopId, statuts: (scic().data as unknown as { statuts: never }).statuts }, META);
      await bounded.execute(coopId, admit({ id: `${coopId}-1`, category: 'beneficiary', shares: 1, on: day(1), movementId: `${coopId}-m1` }), META);
    }
    // Three events a stream: only the last one written fits in 5.
    expect(bounded.cachedEvents).toBe(3);
    const x = await bounded.execute('x', admit({ id: 'x-2', category: 'beneficiary', shares: 1, on: day(2), movementId: 'x-m2' }), META);
    expect(x.revision).toBe(4n);
    expect((await bounded.current('x'))?.associateOrder.length).toBe(2);
    expect(bounded.cachedEvents).toBe(5);
  });

  it('ignores a snapshot whose last event the store does not hold under that id (another log) and folds the stream', async () => {
    await grown();
    const saved = await snapshots.loadParts(`stream:${STREAM}`, cooperativeDecider.snapshots!.version);
    const head = saved!.head as { lastEventId: string };
    await snapshots.saveParts(`stream:${STREAM}`, cooperativeDecider.snapshots!.version, saved!.position, { ...head, lastEventId: 'not-this-log' }, []);
    const { store, read } = counting(events);
    const restarted = writer(store);
    await send(restarted, subscribe({ associate: 'a3', shares: 1, on: day(51), movementId: 'folded' }));
    expect(read()).toBeGreaterThanOrEqual(101);
    expect((await restarted.current(COOP))?.associates.a3.shares).toBe(2 + 3 + 1);
  });
});
