import { CooperativeEvent, CooperativeState, evolve, initialState, stateAsOf } from '@ledger/domain';
import { CooperativeLedger, LedgerEvent } from './cooperative-ledger.projection';

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
}

const folds = new WeakMap<CooperativeLedger, Folds>();

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
