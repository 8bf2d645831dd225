import { CooperativeLedger, CooperativeLedgerState, LedgerEvent, StoredLedger } from './cooperative-ledger.projection';

/**
 * The second axis of the bitemporal ledger: what the ledger *showed* at a point of its own
 * history, whatever the acts' effective dates. `asOf` picks the effective date (what was true
 * then); a `KnownAt` cut keeps only the events recorded by then (what was known then).
 */
export interface KnownAt {
  /** Only events at or before this global position. */
  position?: bigint;
  /** Only events whose `recordedAt` (ISO 8601, UTC, milliseconds) is at or before this instant. */
  recordedAt?: string;
}

/** The last cut asked for per cooperative: its folds (as-of states, the register) live beside it and are reused. */
const cuts = new WeakMap<CooperativeLedger, { key: string; covered: number; ledger: CooperativeLedger }>();
// A cut copies the events: it goes with them when the cooperative's events are evicted (read-model-budget.ts).
StoredLedger.onEvict.push((coop) => cuts.delete(coop));

/**
 * A read-model state holding only `coopId`, cut to the events recorded by `known`: every query
 * of this library (cap table, associates, register, compliance…) answers from it unchanged.
 * The live state is never touched. A cut is stable — events are only ever appended — so the
 * last one is kept with its folds while the stream has not grown past it.
 */
export function ledgerKnownAt(state: CooperativeLedgerState, coopId: string, known: KnownAt): CooperativeLedgerState {
  const coop = Object.prototype.hasOwnProperty.call(state.coops, coopId) ? state.coops[coopId] : undefined;
  const cut = coop && cooperativeKnownAt(coop, known);
  // Nothing recorded yet: the cooperative did not exist then.
  if (!cut || cut.events.length === 0) return { coops: {}, coopOrder: [] };
  return { coops: { [coopId]: cut }, coopOrder: [coopId] };
}

export function cooperativeKnownAt(coop: CooperativeLedger, known: KnownAt): CooperativeLedger {
  const key = `${known.position ?? ''}|${known.recordedAt ?? ''}`;
  const last = cuts.get(coop);
  if (last && last.key === key && last.covered === coop.events.length) return last.ledger;
  const events = eventsKnownAt(coop.events, known);
  const ledger: CooperativeLedger =
    last && last.key === key && sameEvents(last.ledger.events, events) ? last.ledger : { coopId: coop.coopId, revision: events.length > 0 ? events[events.length - 1].revision : -1, events };
  cuts.set(coop, { key, covered: coop.events.length, ledger });
  return ledger;
}

/** The events of a stream (in recording order) recorded by the cut. */
export function eventsKnownAt(events: readonly LedgerEvent[], known: KnownAt): LedgerEvent[] {
  // Positions grow along the stream: the cut by position is a prefix, found by bisection.
  let end = events.length;
  if (known.position !== undefined) {
    const limit = known.position;
    let low = 0;
    let high = events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (BigInt(events[mid].position) <= limit) low = mid + 1;
      else high = mid;
    }
    end = low;
  }
  if (known.recordedAt === undefined) return events.slice(0, end);
  // recordedAt is a server clock: several processes may disagree by a little, so filter, not bisect.
  const recordedAt = known.recordedAt;
  const kept: LedgerEvent[] = [];
  for (let i = 0; i < end; i++) if (events[i].recordedAt <= recordedAt) kept.push(events[i]);
  return kept;
}

function sameEvents(a: readonly LedgerEvent[], b: readonly LedgerEvent[]): boolean {
  return a.length === b.length && (a.length === 0 || a[a.length - 1] === b[b.length - 1]);
}
