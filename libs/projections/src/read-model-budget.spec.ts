import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CooperativeEvent, cooperativeStreamId } from '@ledger/domain';
import { admitted, scic } from '@ledger/domain/cooperative/testing';
import { JsonObject, SqliteEventStore } from '@ledger/event-store';
import { capTable } from './cap-table';
import { CooperativeLedgerState, cooperativeLedgerProjection, readModelBudgetOf, StoredLedger } from './cooperative-ledger.projection';
import { ownEntry } from './own-entry';
import { ProjectionEngine } from './projection-engine';
import { READ_MODEL_BYTES_PER_EVENT, ReadModelBudget } from './read-model-budget';
import { SqliteSnapshotStore } from './snapshot-store';

describe('ReadModelBudget: the least recently read cooperatives give their memory back past the budget', () => {
  const part = (evicts = true) => ({
    evictions: 0,
    evict() {
      if (evicts) this.evictions++;
      return evicts;
    },
  });

  it('evicts in order of last use, never the part just read, and skips the ones that cannot give back', () => {
    const budget = new ReadModelBudget(250);
    const [a, b, c, d] = [part(), part(false), part(), part()];
    budget.touch(a, 100);
    budget.touch(b, 100);
    budget.touch(a, 100); // a is now more recent than b
    budget.touch(c, 100); // 300 > 250: b cannot give back, a is the next least recent
    expect([a.evictions, b.evictions, c.evictions]).toEqual([1, 0, 0]);
    expect(budget.usedBytes).toBe(200);
    budget.touch(d, 400); // over budget whatever is evicted: everything else that can go, goes; d stays
    expect([c.evictions, d.evictions]).toEqual([1, 0]);
    expect(budget.usedBytes).toBe(500);
  });
});

describe('the cooperatives read model under a memory budget (libs/projections/src/read-model-budget.ts)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-budget-'));
    store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
    snapshots = new SqliteSnapshotStore({ file: join(dir, 'ledger.sqlite') });
  });

  afterEach(async () => {
    await snapshots.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Five cooperatives of 41 events each (statuts, 20 admissions of two events). */
  async function fiveCooperatives(): Promise<string[]> {
    const ids = ['c1', 'c2', 'c3', 'c4', 'c5'];
    for (const coopId of ids) {
      const events: CooperativeEvent[] = [{ ...scic(), data: { ...scic().data, coopId } } as CooperativeEvent];
      for (let i = 0; i < 20; i++) events.push(...admitted(`${coopId}-a${i}`, 'beneficiary', 1 + i));
      await store.append(
        cooperativeStreamId(coopId),
        events.map((event, i) => ({
          type: event.type,
          data: event.data as unknown as JsonObject,
          metadata: { eventId: `${coopId}-${i}`, coopId, actor: { sub: 'spec', role: 'gerant' }, correlationId: 'spec', causationId: 'spec', recordedAt: '2024-07-01T08:00:00.000Z', schemaVersion: 1 },
        })),
        'no_stream',
      );
    }
    return ids;
  }

  /** An engine whose read models may keep the events of two cooperatives of 41 events. */
  function engine() {
    return new ProjectionEngine(store, snapshots, [cooperativeLedgerProjection], { memoryBudgetBytes: 2 * 41 * READ_MODEL_BYTES_PER_EVENT, snapshotEvery: 1 });
  }

  const ledgerOf = (state: CooperativeLedgerState, coopId: string) => ownEntry(state.coops, coopId) as StoredLedger;

  it('reads every cooperative in turn and keeps at most two in memory, answering the same after an eviction', async () => {
    const ids = await fiveCooperatives();
    const first = engine();
    await first.start();
    await first.stop(); // saves the snapshot in parts
    const restarted = engine();
    await restarted.start();
    const state = restarted.state<CooperativeLedgerState>(cooperativeLedgerProjection.name);
    const before = new Map<string, unknown>();
    for (const coopId of ids) {
      before.set(coopId, capTable(state, coopId, '2024-12-31'));
      expect(ledgerOf(state, coopId).events).toHaveLength(41);
    }
    const inMemory = ids.filter((coopId) => ledgerOf(state, coopId).loaded);
    expect(inMemory).toEqual(['c4', 'c5']);
    expect(readModelBudgetOf(state)!.usedBytes).toBeLessThanOrEqual(2 * 41 * READ_MODEL_BYTES_PER_EVENT);
    // c1 was given back: read again from the snapshot, it answers as before.
    expect(capTable(state, 'c1', '2024-12-31')).toEqual(before.get('c1'));
    expect(ledgerOf(state, 'c1').events.map((e) => e.eventId)).toEqual(Array.from({ length: 41 }, (_, i) => `c1-${i}`));
    await restarted.stop();
  });

  it('keeps every cooperative in memory while no snapshot holds their events: there is nowhere to read them back from', async () => {
    const ids = await fiveCooperatives();
    const live = new ProjectionEngine(store, snapshots, [cooperativeLedgerProjection], { memoryBudgetBytes: 1, snapshotEvery: 1_000_000 });
    await live.start();
    const state = live.state<CooperativeLedgerState>(cooperativeLedgerProjection.name);
    for (const coopId of ids) expect(ledgerOf(state, coopId).events).toHaveLength(41);
    // Never saved: nothing can be read back, so nothing is given back.
    expect(ids.every((coopId) => ledgerOf(state, coopId).loaded)).toBe(true);
    await live.stop();
  });
});
