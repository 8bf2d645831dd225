import { CooperativeEvent, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { CapitalMovementRow, capitalMovementRow, capitalMovements, capitalMovementsCsv, capitalMovementsExport, capitalMovementsPage } from './capital-movements';
import { cooperativeLedgerProjection, CooperativeLedgerState, EVENTS_PER_PART } from './cooperative-ledger.projection';
import { referenceRegister } from './capital-movements.fixtures';
import { InMemorySnapshotStore } from './snapshot-store';

/**
 * The register of a cooperative whose events fill several parts of the snapshot, restarted from
 * that snapshot: a page reads the register index and the parts holding its rows, and every
 * answer is the one the register gave when it was built whole from the stream (the reference
 * in capital-movements.fixtures.ts).
 */

const COOP = 'big';
/** Events in the snapshot; the rest of the story is recorded after it. */
const SAVED_AT = 25_000;
const statuts = { name: 'Big SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2020-01-01', shareValueCents: 100, colleges: [] } as unknown as Statuts;

function dateOf(day: number): string {
  return new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

function recorded(event: CooperativeEvent, position: number, eventId: string): RecordedEvent {
  return {
    streamId: `cooperative-${COOP}`,
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: event.type,
    data: event.data as unknown as RecordedEvent['data'],
    metadata: {
      eventId,
      coopId: COOP,
      actor: { sub: 't', role: 'gerant' },
      correlationId: 'c',
      causationId: 'c',
      recordedAt: new Date(Date.UTC(2024, 0, 1) + position * 1000).toISOString(),
      schemaVersion: 1,
      prevHash: '',
      hash: '',
    },
  };
}

/**
 * 26,000 events over four parts: admissions throughout (some names a CSV must quote or defuse),
 * subscriptions, payments, transfers, redemptions as recorded now and as recorded before their
 * events carried the capital that left, and cancellations of the movement just before, of one
 * three parts back, of an old-style redemption, and of no movement at all.
 */
function story(): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  const movements: Array<{ id: string; type: 'SharesSubscribed' | 'SharesPaidUp' | 'SharesRedeemed' | 'SharesTransferred'; date: string; cancelled?: boolean }> = [];
  const add = (event: CooperativeEvent, eventId = `e${events.length + 1}`) => events.push(recorded(event, events.length + 1, eventId));
  const names = ['Dupont, "Jo"', '=cmd', 'Zoé Lefèvre'];
  let associates = 0;
  const admit = (day: number) => {
    const id = `a${associates}`;
    add({ type: 'AssociateAdmitted', data: { associateId: id, name: names[associates % 7] ?? `Associate ${associates}`, personType: 'natural', category: 'employee', collegeCode: null, effectiveDate: dateOf(day) } });
    associates++;
  };
  const cancel = (at: number, reason: string) => {
    const m = movements[at];
    m.cancelled = true;
    add({ type: 'CapitalMovementCancelled', data: { movementId: m.id, cancelledType: m.type, reason, effectiveDate: m.date } });
  };
  add({ type: 'StatutsAdopted', data: { coopId: COOP, statuts, effectiveDate: dateOf(0) } });
  for (let i = 0; i < 200; i++) admit(0);
  for (let step = 0; events.length < 26_000; step++) {
    const day = Math.floor(step / 40);
    const date = dateOf(day);
    const who = `a${(step * 7) % associates}`;
    const movementId = `m${step}`;
    const kind = step % 10;
    if (step % 50 === 49) {
      admit(day);
      continue;
    }
    if (step === 3_000) {
      add({ type: 'CapitalMovementCancelled', data: { movementId: 'no-such-movement', cancelledType: 'SharesSubscribed', reason: 'names nothing', effectiveDate: date } });
      continue;
    }
    if (step % 499 === 498) {
      const recent = movements.length - 1;
      if (!movements[recent].cancelled) cancel(recent, 'recorded twice');
      continue;
    }
    if (step % 4_001 === 4_000 && events.length < SAVED_AT - 1_000) {
      // A movement three parts back: found by walking back through the earlier parts.
      const old = movements.findIndex((m, at) => at >= movements.length - 20_000 && !m.cancelled);
      cancel(old, 'found in an old audit');
      continue;
    }
    let type: (typeof movements)[number]['type'];
    if (kind < 5) {
      type = 'SharesSubscribed';
      add({ type, data: { movementId, associateId: who, shares: 4, amountCents: 400, paidCents: 100, effectiveDate: date } }, movementId);
    } else if (kind < 7) {
      type = 'SharesPaidUp';
      add({ type, data: { movementId, associateId: who, amountCents: 100, effectiveDate: date } }, movementId);
    } else if (kind < 9) {
      type = 'SharesTransferred';
      add({ type, data: { movementId, fromAssociateId: who, toAssociateId: `a${(step * 7 + 1) % associates}`, shares: 1, amountCents: 100, paidCents: 50, effectiveDate: date } }, movementId);
    } else if (step % 1_000 === 9 && step < 10_000) {
      // Recorded before SharesRedeemed carried nominalCents and paidCents (old events, all saved): the fold computes them.
      type = 'SharesRedeemed';
      add({ type, data: { movementId, associateId: who, shares: 1, amountCents: 90, effectiveDate: date } }, movementId);
    } else {
      type = 'SharesRedeemed';
      add({ type, data: { movementId, associateId: who, shares: 1, amountCents: 90, nominalCents: 100, paidCents: 60, effectiveDate: date } }, movementId);
    }
    movements.push({ id: movementId, type, date });
    // An old-style redemption cancelled in a later part.
    if (step === 12_000)
      cancel(
        movements.findIndex((m) => m.id === 'm1009'),
        'redeemed twice',
      );
  }
  return events;
}

const EVENTS = story();

/** Rows compared as their JSON (key order included), the first difference shown: a deep equality of 25,000 rows takes seconds. */
function expectSameRows(actual: readonly CapitalMovementRow[], expected: readonly CapitalMovementRow[]): void {
  const a = actual.map((row) => JSON.stringify(row));
  const e = expected.map((row) => JSON.stringify(row));
  const at = a.findIndex((line, i) => line !== e[i]);
  expect({ rows: a.length, firstDifference: at === -1 ? null : { actual: a[at], expected: e[at] } }).toEqual({ rows: e.length, firstDifference: null });
}

function applied(events: readonly RecordedEvent[], state = cooperativeLedgerProjection.init()): CooperativeLedgerState {
  for (const event of events) cooperativeLedgerProjection.apply(state, event);
  return state;
}

async function saved(state: CooperativeLedgerState, store: InMemorySnapshotStore, position: number): Promise<void> {
  const split = cooperativeLedgerProjection.parts!.split(state);
  await store.saveParts(cooperativeLedgerProjection.name, cooperativeLedgerProjection.version, BigInt(position), split.head, split.parts);
  split.saved();
}

/** The state read back from the snapshot, every part it reads noted as `kind:index`; `hide` makes parts of a kind missing (a snapshot saved before they existed). */
async function restarted(store: InMemorySnapshotStore, hide?: string): Promise<{ state: CooperativeLedgerState; reads: string[] }> {
  const snapshot = (await store.loadParts(cooperativeLedgerProjection.name, cooperativeLedgerProjection.version))!;
  const reads: string[] = [];
  const state = cooperativeLedgerProjection.parts!.join(snapshot.head, (key) => {
    const [, kind, index] = JSON.parse(key) as [string, string, number];
    reads.push(`${kind}:${index}`);
    return kind === hide ? undefined : snapshot.part(key);
  });
  return { state, reads };
}

function csvOf(state: CooperativeLedgerState, dialect: 'rfc4180' | 'fr' = 'rfc4180', range: { from?: string; to?: string } = {}): string {
  return [...capitalMovementsExport(state, COOP, { ...range, format: 'csv', dialect })!].join('');
}

describe('the capital movements register over a snapshot in parts', () => {
  let live: CooperativeLedgerState;
  let reference: ReturnType<typeof referenceRegister>;
  let store: InMemorySnapshotStore;

  beforeAll(async () => {
    expect(EVENTS.length).toBeGreaterThan(3 * EVENTS_PER_PART);
    store = new InMemorySnapshotStore();
    live = applied(EVENTS.slice(0, SAVED_AT));
    await saved(live, store, SAVED_AT);
    applied(EVENTS.slice(SAVED_AT), live);
    reference = referenceRegister(live.coops[COOP]);
  });

  it('gives every row the former whole-stream register gave: cancellations across parts, of an old-style redemption, of nothing; redemptions old and new', () => {
    const rows = capitalMovements(live, COOP)!;
    expectSameRows(rows, reference.rows);
    const cancelledOld = rows.find((row) => row.movementId === 'm1009')!;
    expect(cancelledOld).toMatchObject({ type: 'SharesRedeemed', cancelled: true });
    expect(cancelledOld.paidCents).toBeGreaterThan(0);
    expect(rows.find((row) => row.movementId === cancelledOld.cancelledBy)).toMatchObject({ cancels: 'm1009', paidCents: cancelledOld.paidCents, associateId: cancelledOld.associateId });
    expect(rows.find((row) => row.cancels === 'no-such-movement')).toMatchObject({ associateId: '', shares: 0, paidCents: 0 });
    const farBack = rows.filter((row) => row.reason === 'found in an old audit');
    expect(farBack.length).toBeGreaterThan(3);
    const partOf = (number: number) => Math.floor(EVENTS.findIndex((e) => e.metadata.eventId === rows[number - 1].movementId) / EVENTS_PER_PART);
    expect(farBack.some((row) => partOf(rows.find((r) => r.movementId === row.cancels)!.number) < partOf(row.number) - 1)).toBe(true);
  });

  it('after a restart, answers a page in the middle by reading the register index and the one part holding its rows', async () => {
    const { state, reads } = await restarted(store);
    applied(EVENTS.slice(SAVED_AT), state);
    const after = reference.rows.findIndex((row) => row.recordedAt > EVENTS[EVENTS_PER_PART + 100].metadata.recordedAt);
    const page = capitalMovementsPage(state, COOP, { after, limit: 100 })!;
    expect(page).toEqual(capitalMovementsPage(live, COOP, { after, limit: 100 }));
    expect(page.items).toEqual(reference.rows.slice(after, after + 100));
    expect(reads).toEqual(['register:0', 'events:1']);
  });

  it('reads two parts for a page across their boundary, the last one (saved and recorded since) for the last page, and no events part for a page past the end', async () => {
    const { state, reads } = await restarted(store);
    applied(EVENTS.slice(SAVED_AT), state);
    const firstOfPart2 = reference.rows.findIndex((row) => row.recordedAt >= EVENTS[2 * EVENTS_PER_PART].metadata.recordedAt);
    expect(capitalMovementsPage(state, COOP, { after: firstOfPart2 - 10, limit: 20 })).toEqual({ items: reference.rows.slice(firstOfPart2 - 10, firstOfPart2 + 10), next: firstOfPart2 + 10 });
    expect(reads).toEqual(['register:0', 'events:1', 'events:2']);
    reads.length = 0;
    const total = reference.rows.length;
    expect(capitalMovementsPage(state, COOP, { after: total - 5, limit: 100 })).toEqual({ items: reference.rows.slice(total - 5), next: null });
    expect(reads).toEqual(['events:3']);
    reads.length = 0;
    expect(capitalMovementsPage(state, COOP, { after: total, limit: 100 })).toEqual({ items: [], next: null });
    expect(reads).toEqual([]);
  });

  it('after a restart, finds the movement a new cancellation names in an old part by walking back through the parts once', async () => {
    const { state, reads } = await restarted(store);
    applied(EVENTS.slice(SAVED_AT), state);
    const old = reference.rows.find((row) => row.type === 'SharesSubscribed' && !row.cancelled)!;
    const late = recorded(
      { type: 'CapitalMovementCancelled', data: { movementId: old.movementId, cancelledType: 'SharesSubscribed', reason: 'late', effectiveDate: old.effectiveDate } },
      EVENTS.length + 1,
      'late-cancel',
    );
    cooperativeLedgerProjection.apply(state, late);
    const last = reference.rows.length + 1;
    expect(capitalMovementsPage(state, COOP, { after: last - 1 })!.items).toEqual([
      { ...old, number: last, movementId: 'late-cancel', type: 'CapitalMovementCancelled', recordedAt: late.metadata.recordedAt, cancels: old.movementId, reason: 'late' },
    ]);
    // The index walks back to the part holding the cancelled row, then the page reads its own.
    expect(reads).toEqual(['register:0', 'events:3', 'events:2', 'events:1', 'events:0', 'events:3']);
    reads.length = 0;
    expect(capitalMovementsPage(state, COOP, { after: old.number - 1, limit: 1 })!.items).toEqual([{ ...old, cancelled: true, cancelledBy: 'late-cancel' }]);
    expect(reads).toEqual(['events:0']);
  });

  it('after a restart, filters by effective dates reading only the parts whose dates meet the range, and finds a row by its id without reading every part', async () => {
    const { state, reads } = await restarted(store);
    applied(EVENTS.slice(SAVED_AT), state);
    const range = { from: '2020-03-01', to: '2020-03-10' };
    expect(capitalMovementsPage(state, COOP, { ...range, limit: 50 })).toEqual(capitalMovementsPage(live, COOP, { ...range, limit: 50 }));
    expect(reads).toEqual(['register:0', 'events:0']);
    reads.length = 0;
    expectSameRows(
      capitalMovements(state, COOP, range)!,
      reference.rows.filter((row) => row.effectiveDate >= range.from && row.effectiveDate <= range.to),
    );
    // Parts 1 and 2 hold cancellations of early movements, dated as those movements: their dates span the range. Part 3's do not.
    expect(reads).toEqual(['events:0', 'events:1', 'events:2']);
    reads.length = 0;
    const justRecorded = reference.rows[reference.rows.length - 3];
    expect(capitalMovementRow(state, COOP, justRecorded.movementId)).toEqual(justRecorded);
    expect(reads).toEqual(['events:3']);
    const cancellation = reference.rows.find((row) => row.cancels === 'm1009')!;
    expect(capitalMovementRow(state, COOP, cancellation.movementId)).toEqual(cancellation);
    expect(capitalMovementRow(state, COOP, 'm1009')).toEqual(reference.rows.find((row) => row.movementId === 'm1009'));
    expect(capitalMovementRow(state, COOP, 'no-such-movement')).toBeNull();
    reads.length = 0;
    expect(capitalMovementRow(state, COOP, 'm5')).toEqual(reference.rows.find((row) => row.movementId === 'm5'));
    expect(reads).toEqual(['events:0']);
  });

  it('streams the CSV byte for byte as the former whole CSV, in both dialects, the JSON as the whole page, and NDJSON a row a line', async () => {
    const { state } = await restarted(store);
    applied(EVENTS.slice(SAVED_AT), state);
    const nameOf = (id: string) => reference.names.get(id) ?? null;
    expect(csvOf(state)).toBe(capitalMovementsCsv(reference.rows, nameOf));
    expect(csvOf(state, 'fr')).toBe(capitalMovementsCsv(reference.rows, nameOf, 'fr'));
    const range = { from: '2020-02-01', to: '2020-02-03' };
    expect(csvOf(state, 'rfc4180', range)).toBe(
      capitalMovementsCsv(
        reference.rows.filter((row) => row.effectiveDate >= range.from && row.effectiveDate <= range.to),
        nameOf,
      ),
    );
    const chunks = [...capitalMovementsExport(state, COOP, { format: 'json' })!];
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.join('')).toBe(JSON.stringify({ items: reference.rows, next: null }));
    const lines = [...capitalMovementsExport(state, COOP, { format: 'ndjson', after: 10 })!].join('').split('\n');
    expect(lines.pop()).toBe('');
    expectSameRows(
      lines.map((line) => JSON.parse(line) as CapitalMovementRow),
      reference.rows.slice(10),
    );
  });

  it('saves the index extended with the events recorded since the restart, and builds one from the parts for a snapshot saved before it existed', async () => {
    const own = new InMemorySnapshotStore();
    await saved(applied(EVENTS.slice(0, SAVED_AT)), own, SAVED_AT);
    const first = await restarted(own);
    applied(EVENTS.slice(SAVED_AT), first.state);
    await saved(first.state, own, EVENTS.length);
    // The save rewrote the last part with the events recorded since, and the index it read and extended.
    expect(first.reads).toEqual(['events:3', 'register:0']);
    const second = await restarted(own);
    expect(capitalMovementsPage(second.state, COOP, { after: 20_000, limit: 10 })!.items).toEqual(reference.rows.slice(20_000, 20_010));
    expect(second.reads).toEqual(['register:0', 'events:2']);
    expect(capitalMovementsPage(second.state, COOP, { after: reference.rows.length - 2 })!.items).toEqual(reference.rows.slice(-2));

    const older = await restarted(store, 'register');
    applied(EVENTS.slice(SAVED_AT), older.state);
    expectSameRows(capitalMovements(older.state, COOP)!, reference.rows);
  });
});
