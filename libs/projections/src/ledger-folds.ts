import { AssociateState, CooperativeEvent, CooperativeState, evolve, IdList, initialState, stateAsOf } from '@ledger/domain';
import { AssociateColumns, associateColumns, associatesFromColumns } from './associate-columns';
import { TableSummary, tableOfFold } from './cap-table-split';
import type { CooperativeLedger, LedgerEvent } from './cooperative-ledger.projection';

/** Events from index `from` on, without reading a stored cooperative's parts when they are in memory. */
function ledgerEventsFrom(coop: CooperativeLedger, from: number): readonly LedgerEvent[] {
  const stored = coop as { eventsFrom?: (from: number) => readonly LedgerEvent[] };
  return stored.eventsFrom ? stored.eventsFrom(from) : from === 0 ? coop.events : coop.events.slice(from);
}

/**
 * What the read model derives from a cooperative's events and keeps beside it, never in it:
 * caches are rebuilt after a restart, so they need not be snapshotted, and a query that fills
 * one leaves the projection state exactly as a replay would make it.
 */
interface Folds {
  /** Event indices by (effectiveDate, recording order); `covered` events are indexed. */
  index: { order: number[]; covered: number; maxDate: string; unsorted: boolean };
  /** The stream folded in recording order: the state the decider sees. */
  latest?: { state: CooperativeState; covered: number };
  /** The last as-of fold asked for; `lastDate` is the effective date of the last event folded. */
  asOf?: { asOf: string; state: CooperativeState; covered: number; lastDate: string };
  /** Every event folded in effective order: the cooperative as of any date on or after `lastDate`. */
  whole?: WholeFold;
}

/**
 * `partial`: read back from a snapshot, which keeps no movements (the bulk of a large register):
 * it answers the associates, totals and statuts, and is folded on from the log, but a
 * cancellation (which reads the movement it cancels) makes a fresh fold from the events.
 */
interface WholeFold {
  state: CooperativeState;
  covered: number;
  lastDate: string;
  partial: boolean;
  /** `covered` when the snapshot last saved this fold. */
  savedCovered: number;
}

const folds = new WeakMap<CooperativeLedger, Folds>();

/** Forgets what was derived from a cooperative's events (they were evicted from memory: see read-model-budget.ts). */
export function forgetFolds(coop: CooperativeLedger): void {
  folds.delete(coop);
}

function foldsOf(coop: CooperativeLedger): Folds {
  let found = folds.get(coop);
  if (!found) folds.set(coop, (found = { index: { order: [], covered: 0, maxDate: '', unsorted: false } }));
  return found;
}

export function ledgerEffectiveDate(event: LedgerEvent): string {
  return (event.data as { effectiveDate: string }).effectiveDate;
}

/**
 * Event indices sorted by (effectiveDate, recording order). Events mostly arrive in date
 * order, so the index grows by pushes; a backdated event (a late entry, a cancellation, which
 * carries the cancelled movement's date) marks it unsorted and the next query sorts it once,
 * which the engine's sort does in near-linear time on an almost sorted array.
 */
export function effectiveOrder(coop: CooperativeLedger): readonly number[] {
  const index = foldsOf(coop).index;
  const events = coop.events;
  for (let i = index.covered; i < events.length; i++) {
    const date = ledgerEffectiveDate(events[i]);
    if (date < index.maxDate) index.unsorted = true;
    else index.maxDate = date;
    index.order.push(i);
  }
  index.covered = events.length;
  if (index.unsorted) {
    index.order.sort((a, b) => {
      const da = ledgerEffectiveDate(events[a]);
      const db = ledgerEffectiveDate(events[b]);
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    index.unsorted = false;
  }
  return index.order;
}

/** The events in force on `asOf`, in the order they take effect. */
export function eventsAsOf(coop: CooperativeLedger, asOf: string): CooperativeEvent[] {
  const order = effectiveOrder(coop);
  const end = upperBound(order, coop.events, asOf);
  const events = new Array<CooperativeEvent>(end);
  for (let i = 0; i < end; i++) events[i] = coop.events[order[i]] as CooperativeEvent;
  return events;
}

/** The cooperative as its stream makes it, in recording order. Shared: do not mutate. */
export function latestCooperativeState(coop: CooperativeLedger): CooperativeState {
  const cache = foldsOf(coop);
  const latest = (cache.latest ??= { state: initialState(), covered: 0 });
  for (let i = latest.covered; i < coop.events.length; i++) evolve(latest.state, coop.events[i] as CooperativeEvent);
  latest.covered = coop.events.length;
  return latest.state;
}

/**
 * The cooperative as it stood on `asOf`: the domain's `stateAsOf` over the events in force.
 * The last answer is kept and extended with `evolve` while new events take effect after
 * everything it folded (which is what `stateAsOf` would do with them); anything backdated
 * into it makes a fresh fold. Shared: do not mutate.
 */
export function cooperativeStateAsOf(coop: CooperativeLedger, asOf: string): CooperativeState {
  const whole = wholeFold(coop);
  if (whole && asOf >= whole.lastDate) return whole.state;
  const cache = foldsOf(coop);
  const cached = cache.asOf;
  if (cached && cached.asOf === asOf && extend(cached, coop.events)) return cached.state;
  const order = effectiveOrder(coop);
  const end = upperBound(order, coop.events, asOf);
  const state = stateAsOf(eventsAsOf(coop, asOf), asOf);
  const lastDate = end > 0 ? ledgerEffectiveDate(coop.events[order[end - 1]]) : '';
  cache.asOf = { asOf, state, covered: coop.events.length, lastDate };
  return state;
}

/** Folds the events recorded since `fold` was made, if they all take effect after it. */
function extend(fold: NonNullable<Folds['asOf']>, events: readonly LedgerEvent[]): boolean {
  let lastDate = fold.lastDate;
  for (let i = fold.covered; i < events.length; i++) {
    const date = ledgerEffectiveDate(events[i]);
    if (date > fold.asOf) continue;
    if (date < lastDate) return false;
    lastDate = date;
  }
  for (let i = fold.covered; i < events.length; i++) {
    if (ledgerEffectiveDate(events[i]) <= fold.asOf) evolve(fold.state, events[i] as CooperativeEvent);
  }
  fold.covered = events.length;
  fold.lastDate = lastDate;
  return true;
}

/** How many indexed events take effect on or before `asOf`. */
function upperBound(order: readonly number[], events: readonly LedgerEvent[], asOf: string): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ledgerEffectiveDate(events[order[mid]]) <= asOf) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The fold of every event in effective order, kept while new events take effect on or after its
 * last date (the usual case: one `evolve` per event), else made again. Made from the snapshot's
 * fold part when there is one, so that the first cap table after a start reads that part and
 * the events recorded since, not the whole stream. Undefined for a cooperative with no event.
 */
function wholeFold(coop: CooperativeLedger): WholeFold | undefined {
  const cache = foldsOf(coop);
  let whole = cache.whole ?? fromSnapshot(coop);
  if (whole && !extendWhole(whole, ledgerEventsFrom(coop, whole.covered))) whole = undefined;
  if (!whole) {
    const events = coop.events;
    if (events.length === 0) return undefined;
    const order = effectiveOrder(coop);
    const state = initialState();
    for (const i of order) evolve(state, events[i] as CooperativeEvent);
    whole = { state, covered: events.length, lastDate: ledgerEffectiveDate(events[order[order.length - 1]]), partial: false, savedCovered: -1 };
  }
  cache.whole = whole;
  return whole;
}

function extendWhole(whole: WholeFold, events: readonly LedgerEvent[]): boolean {
  let lastDate = whole.lastDate;
  for (const event of events) {
    const date = ledgerEffectiveDate(event);
    if (date < lastDate || (whole.partial && event.type === 'CapitalMovementCancelled')) return false;
    lastDate = date;
  }
  for (const event of events) evolve(whole.state, event as CooperativeEvent);
  whole.covered += events.length;
  whole.lastDate = lastDate;
  return true;
}

/** Associates per part of the saved fold (about 450 KB of JSON at 100,000 associates): a first page after a restart reads the first part. */
export const ASSOCIATES_PER_PART = 4096;

/**
 * What the snapshot keeps of the whole fold: everything but the movements (see WholeFold) and the
 * associates, which are in parts of ASSOCIATES_PER_PART as columns (AssociatesPart), with the
 * summary of the fold's cap table. A first page of the cap table or of the member register after
 * a restart reads this head and the first part of associates, when no event came after the save.
 */
interface FoldHead {
  covered: number;
  lastDate: string;
  state: Omit<CooperativeState, 'movements' | 'movementOrder' | 'associateOrder' | 'associates'>;
  /** How many associates the parts hold, in admission order. */
  associates: number;
  table: TableSummary;
}

/** A part of the saved fold's associates, with each one's capitalBp in the fold's cap table (0 for an associate holding no share). */
export type AssociatesPart = AssociateColumns & { capitalBp: number[] };

/** A fold part saved before the associates were in parts of their own: all of them as columns in it. */
interface FoldPart {
  covered: number;
  lastDate: string;
  state: FoldHead['state'];
  associates: AssociateColumns;
}

/** A fold part saved before the associates were columns: still read as it was written. */
interface ObjectFoldPart {
  covered: number;
  lastDate: string;
  state: Omit<CooperativeState, 'movements' | 'movementOrder' | 'associateOrder'> & { associateOrder: string[] };
}

type SavedFoldPart = FoldHead | FoldPart | ObjectFoldPart;

/** The parts a stored ledger reads back from the snapshot (cooperative-ledger.projection.ts), when it is one. */
interface SavedParts {
  savedFold?: () => unknown;
  savedAssociates?: (index: number) => unknown;
  count?: number;
}

function savedHead(coop: CooperativeLedger): SavedFoldPart | undefined {
  return (coop as SavedParts).savedFold?.() as SavedFoldPart | undefined;
}

function savedAssociates(coop: CooperativeLedger, index: number): AssociatesPart {
  const part = (coop as SavedParts).savedAssociates?.(index) as AssociatesPart | undefined;
  if (!part) throw new Error(`The snapshot of cooperative ${coop.coopId} lacks its associates part ${index}`);
  return part;
}

function isHead(saved: SavedFoldPart): saved is FoldHead {
  return typeof (saved as FoldHead).associates === 'number';
}

function fromSnapshot(coop: CooperativeLedger): WholeFold | undefined {
  const saved = savedHead(coop);
  if (!saved) return undefined;
  const { associates, order } = isHead(saved)
    ? associatesFromColumns(...partsOf(saved).map((index) => savedAssociates(coop, index)))
    : 'associates' in saved
      ? associatesFromColumns(saved.associates)
      : associatesOfObjects(saved.state);
  const state: CooperativeState = { ...saved.state, associates, associateOrder: IdList.of(order), movements: Object.create(null) as CooperativeState['movements'], movementOrder: IdList.of() };
  // A fold read in an older form is saved again in parts at the next save.
  return { state, covered: saved.covered, lastDate: saved.lastDate, partial: true, savedCovered: isHead(saved) ? saved.covered : -1 };
}

/** Whether the fold in memory moved since the snapshot saved it, or was read in an older form (a save would write it). */
export function foldUnsaved(coop: CooperativeLedger): boolean {
  const whole = folds.get(coop)?.whole;
  return whole !== undefined && whole.covered !== whole.savedCovered;
}

function partsOf(head: FoldHead): number[] {
  return Array.from({ length: Math.ceil(head.associates / ASSOCIATES_PER_PART) }, (_, index) => index);
}

function associatesOfObjects(saved: ObjectFoldPart['state']): { associates: Record<string, AssociateState>; order: string[] } {
  const associates = Object.create(null) as Record<string, AssociateState>;
  for (const id of saved.associateOrder) associates[id] = saved.associates[id];
  return { associates, order: saved.associateOrder };
}

/** The saved fold, its associates left in their parts until a page reads them (savedFoldAsOf). */
export interface SavedFold {
  table: TableSummary;
  /** The associates in admission order with their capitalBp, each part of ASSOCIATES_PER_PART read when the walk reaches it. */
  associates(): Iterable<{ associate: AssociateState; capitalBp: number }>;
}

/**
 * The snapshot's fold when it is the cooperative as of `asOf` as it stands: saved after the
 * last event, and `asOf` on or after the last date it folded; undefined when it is not, or when
 * the fold is in memory (which answers at once). A first page reads its head and first part.
 */
export function savedFoldAsOf(coop: CooperativeLedger, asOf: string): SavedFold | undefined {
  if (folds.get(coop)?.whole) return undefined;
  const saved = savedHead(coop);
  if (!saved || !isHead(saved) || asOf < saved.lastDate) return undefined;
  if (saved.covered !== ((coop as SavedParts).count ?? coop.events.length)) return undefined;
  return {
    table: saved.table,
    *associates() {
      for (const index of partsOf(saved)) {
        const part = savedAssociates(coop, index);
        const { associates, order } = associatesFromColumns(part);
        for (let i = 0; i < order.length; i++) yield { associate: associates[order[i]], capitalBp: part.capitalBp[i] };
      }
    },
  };
}

/**
 * The whole fold as the snapshot's fold head and parts of associates, when it moved since it was
 * last saved. A fold in memory is first brought up to the events in memory after it (the command
 * a server took after its last query), so that the snapshot saved at a stop answers the first
 * pages after the restart.
 */
export function foldPartOf(coop: CooperativeLedger): { head: FoldHead; associates: AssociatesPart[]; saved(): void } | undefined {
  const whole = folds.get(coop)?.whole;
  if (!whole) return undefined;
  const inMemory = (coop as { inMemoryFrom?: (from: number) => boolean }).inMemoryFrom?.(whole.covered) ?? true;
  if (inMemory) extendWhole(whole, ledgerEventsFrom(coop, whole.covered));
  if (whole.covered === whole.savedCovered) return undefined;
  const { movements: _movements, movementOrder: _movementOrder, associateOrder, associates, ...rest } = whole.state;
  const covered = whole.covered;
  const table = tableOfFold(whole.state, covered);
  const { rows, cursors: _cursors, handedOut: _handedOut, order: _order, covered: _covered, ...summary } = table;
  const bpOf = new Map(rows.map((row) => [row.associateId, row.capitalBp]));
  const order = [...associateOrder];
  const parts: AssociatesPart[] = [];
  for (let from = 0; from < order.length; from += ASSOCIATES_PER_PART) {
    const ids = order.slice(from, from + ASSOCIATES_PER_PART);
    parts.push({ ...associateColumns(ids, associates), capitalBp: ids.map((id) => bpOf.get(id) ?? 0) });
  }
  return { head: { covered, lastDate: whole.lastDate, state: rest, associates: order.length, table: summary }, associates: parts, saved: () => (whole.savedCovered = covered) };
}
