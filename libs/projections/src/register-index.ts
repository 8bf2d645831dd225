import { EventOf } from '@ledger/domain';
import type { CooperativeLedger, LedgerEvent } from './cooperative-ledger.projection';
import { dataToCopy } from './lazy-event-data';
import { latestCooperativeState } from './ledger-folds';

/**
 * What lets the register of share movements (capital-movements.ts) answer a page by reading only
 * the snapshot parts that hold its rows: how many rows come before each part of the events, and
 * the few figures a row takes from another event — a cancelled row's cancellation, a
 * cancellation's cancelled row, an old redemption's paid-up capital. Kept beside the read model
 * (never in it, so a replay does not see it), saved with the snapshot in a part of its own, and
 * extended with the events recorded since it was made, never rebuilt.
 */
export interface RegisterIndex {
  /** The first `covered` events of the stream are indexed. */
  covered: number;
  /** Register rows among them: the number of the last row. */
  rows: number;
  /** rowsBefore[p]: the rows in the events parts before part p (one entry per part begun). */
  rowsBefore: number[];
  /** dates[p]: the earliest and latest effective dates of the rows in part p (null: it has none), so that a date range skips the parts outside it. */
  dates: Array<[from: string, to: string] | null>;
  /** A cancelled row's number → its cancellation's event id and row number. */
  cancelled: Map<number, { by: string; at: number }>;
  /** A cancellation's row number → the figures of the row it cancels (absent: it names no row of the register). */
  cancels: Map<number, MovedFigures>;
  /** A redemption recorded before its event carried the paid-up capital that left: its row number → that capital, as the fold computed it. */
  redeemedPaid: Map<number, number>;
  /** `covered` when the snapshot last saved this index (-1: never). */
  savedCovered: number;
}

/** What a cancellation row repeats of the row it cancels. */
export type MovedFigures = [associateId: string, toAssociateId: string | null, shares: number, amountCents: number, paidCents: number];

/** A cooperative's events as the register reads them: by part, or straight from memory when they are there. */
export interface EventParts {
  readonly count: number;
  /** Events per part (the snapshot's EVENTS_PER_PART). */
  readonly size: number;
  part(index: number): readonly LedgerEvent[];
  /** The events from `from` on, when none of them is left in the snapshot; else undefined. */
  inMemoryFrom(from: number): readonly LedgerEvent[] | undefined;
  /** The index the snapshot saved, if it has one. */
  savedIndex(): unknown;
}

/** What a StoredLedger (cooperative-ledger.projection.ts) offers beyond a plain ledger; read by shape, as ledger-folds.ts does. */
interface PartedLedger {
  count: number;
  part(index: number): readonly LedgerEvent[];
  inMemoryFrom(from: number): boolean;
  eventsFrom(from: number): readonly LedgerEvent[];
  savedRegister(): unknown;
}

function isParted(coop: CooperativeLedger): coop is CooperativeLedger & PartedLedger {
  return typeof (coop as Partial<PartedLedger>).inMemoryFrom === 'function';
}

/** The events of a cooperative by parts of `size`: a stored cooperative reads its snapshot's parts, a plain one (a known-at cut) slices its events. */
export function eventPartsOf(coop: CooperativeLedger, size: number): EventParts {
  if (isParted(coop)) {
    return {
      count: coop.count,
      size,
      part: (index) => coop.part(index),
      inMemoryFrom: (from) => (coop.inMemoryFrom(from) ? coop.eventsFrom(from) : undefined),
      savedIndex: () => coop.savedRegister(),
    };
  }
  const events = coop.events;
  return {
    count: events.length,
    size,
    part: (index) => events.slice(index * size, (index + 1) * size),
    inMemoryFrom: (from) => (from === 0 ? events : events.slice(from)),
    savedIndex: () => undefined,
  };
}

const indexes = new WeakMap<CooperativeLedger, RegisterIndex>();

/**
 * The cooperative's register index, covering every event recorded: the one kept beside it, else
 * the snapshot's, else a new one; then extended with the events it does not cover yet. An index
 * made from nothing reads every part once (a snapshot saved before the index existed); after
 * that, only what the log brought since.
 */
export function registerIndexOf(coop: CooperativeLedger, parts: EventParts): RegisterIndex {
  let index = indexes.get(coop);
  if (!index) indexes.set(coop, (index = fromSaved(parts.savedIndex(), parts) ?? emptyIndex()));
  if (index.covered < parts.count) extendIndex(index, coop, parts);
  return index;
}

/**
 * The index as the snapshot's register part, when it moved since it was last saved. Extended
 * first, but only from events in memory (a save reads no events part): a cooperative restored
 * from a snapshot saved before the index existed gets one at its first register query.
 */
export function registerPartOf(coop: CooperativeLedger, parts: EventParts): { part: RegisterPart; saved(): void } | undefined {
  let index = indexes.get(coop);
  if (!index) {
    const saved = fromSaved(parts.savedIndex(), parts) ?? (parts.inMemoryFrom(0) ? emptyIndex() : undefined);
    if (!saved) return undefined;
    indexes.set(coop, (index = saved));
  }
  if (index.covered < parts.count && parts.inMemoryFrom(index.covered)) extendIndex(index, coop, parts);
  if (index.covered === index.savedCovered) return undefined;
  const kept = index;
  const covered = index.covered;
  return { part: toPart(index, parts.size), saved: () => (kept.savedCovered = covered) };
}

/** Whether a query built or extended the index since the snapshot saved it (a save would write it). */
export function registerUnsaved(coop: CooperativeLedger): boolean {
  const index = indexes.get(coop);
  return index !== undefined && index.covered !== index.savedCovered;
}

function emptyIndex(): RegisterIndex {
  return { covered: 0, rows: 0, rowsBefore: [], dates: [], cancelled: new Map(), cancels: new Map(), redeemedPaid: new Map(), savedCovered: -1 };
}

/** Whether an event makes a row of the register. */
export function isRegisterRow(type: string): boolean {
  return type === 'SharesSubscribed' || type === 'SharesPaidUp' || type === 'SharesRedeemed' || type === 'SharesTransferred' || type === 'CapitalMovementCancelled';
}

/** A redemption recorded with the capital that left (every one the decider writes now); older ones leave it to the fold. */
export function redeemedPaidOf(data: EventOf<'SharesRedeemed'>['data']): number | undefined {
  return data.nominalCents !== undefined && data.paidCents !== undefined ? data.paidCents : undefined;
}

/** The paid-up capital that left with a redemption (row `number`): as recorded, else as the fold computed it when it was indexed. */
export function paidOfRedemption(index: RegisterIndex, number: number, data: EventOf<'SharesRedeemed'>['data']): number {
  return redeemedPaidOf(data) ?? index.redeemedPaid.get(number) ?? 0;
}

/**
 * An event's data as the register reads it, without keeping it parsed: a replayed event holds its
 * data as the stored text until a query needs it (lazy-event-data.ts), and a walk through a
 * million rows must not leave a million objects behind.
 */
export function registerDataOf<T>(event: LedgerEvent): T {
  return dataToCopy(event) as T;
}

/** The figures of movement row `number` (its event's `type` and `data`) as a cancellation of it repeats them. */
function figuresOf(index: RegisterIndex, number: number, type: LedgerEvent['type'], data: unknown): MovedFigures {
  switch (type) {
    case 'SharesSubscribed': {
      const d = data as EventOf<'SharesSubscribed'>['data'];
      return [d.associateId, null, d.shares, d.amountCents, d.paidCents];
    }
    case 'SharesPaidUp': {
      const d = data as EventOf<'SharesPaidUp'>['data'];
      return [d.associateId, null, 0, d.amountCents, d.amountCents];
    }
    case 'SharesRedeemed': {
      const d = data as EventOf<'SharesRedeemed'>['data'];
      return [d.associateId, null, d.shares, d.amountCents, paidOfRedemption(index, number, d)];
    }
    default: {
      const d = data as EventOf<'SharesTransferred'>['data'];
      return [d.fromAssociateId, d.toAssociateId, d.shares, d.amountCents, d.paidCents];
    }
  }
}

/** The events [from, to) in order: from memory when they are there, else part by part. */
function* eventsBetween(parts: EventParts, from: number, to: number): Generator<LedgerEvent> {
  const inMemory = parts.inMemoryFrom(from);
  if (inMemory) {
    for (let i = 0; i < to - from; i++) yield inMemory[i];
    return;
  }
  for (let part = Math.floor(from / parts.size); part * parts.size < to; part++) {
    const events = parts.part(part);
    const first = part * parts.size;
    for (let i = Math.max(from, first); i < Math.min(to, first + events.length); i++) yield events[i - first];
  }
}

/**
 * Indexes the events recorded since `index.covered`. A cancellation needs the row it cancels,
 * which only a map of every movement would give at once: instead the movements the new
 * cancellations name are looked for — first among the new events (a second pass over them),
 * then, for the few named before them, by one walk back through the earlier parts.
 */
function extendIndex(index: RegisterIndex, coop: CooperativeLedger, parts: EventParts): void {
  const from = index.covered;
  const to = parts.count;
  const named = new Set<string>();
  for (const event of eventsBetween(parts, from, to)) {
    if (event.type === 'CapitalMovementCancelled') named.add(registerDataOf<EventOf<'CapitalMovementCancelled'>['data']>(event).movementId);
  }
  const latest = new Map<string, { number: number; figures: MovedFigures }>();
  const unresolved: Array<{ number: number; by: string; movementId: string }> = [];
  let i = from;
  for (const event of eventsBetween(parts, from, to)) {
    const part = Math.floor(i++ / parts.size);
    while (index.rowsBefore.length <= part) {
      index.rowsBefore.push(index.rows);
      index.dates.push(null);
    }
    if (!isRegisterRow(event.type)) continue;
    const number = ++index.rows;
    const data = registerDataOf<{ movementId: string; effectiveDate: string }>(event);
    const dates = index.dates[part];
    if (!dates) index.dates[part] = [data.effectiveDate, data.effectiveDate];
    else if (data.effectiveDate < dates[0]) dates[0] = data.effectiveDate;
    else if (data.effectiveDate > dates[1]) dates[1] = data.effectiveDate;
    if (event.type === 'SharesRedeemed' && redeemedPaidOf(data as EventOf<'SharesRedeemed'>['data']) === undefined) {
      // Recorded before the event carried the paid-up capital that left: the decider took it
      // from the fold, so only a register with such redemptions pays for a fold of the stream.
      index.redeemedPaid.set(number, latestCooperativeState(coop).movements[data.movementId]?.paidCents ?? 0);
    }
    if (event.type !== 'CapitalMovementCancelled') {
      if (named.has(data.movementId)) latest.set(data.movementId, { number, figures: figuresOf(index, number, event.type, data) });
      continue;
    }
    const target = latest.get(data.movementId);
    if (target) cancel(index, target, number, event.eventId);
    else unresolved.push({ number, by: event.eventId, movementId: data.movementId });
  }
  index.covered = to;
  if (unresolved.length === 0) return;
  const found = lastRowsOf(index, parts, new Set(unresolved.map((u) => u.movementId)), from);
  for (const { number, by, movementId } of unresolved) {
    const target = found.get(movementId);
    if (target) cancel(index, target, number, by);
  }
}

function cancel(index: RegisterIndex, target: { number: number; figures: MovedFigures }, number: number, by: string): void {
  index.cancelled.set(target.number, { by, at: number });
  index.cancels.set(number, target.figures);
}

/**
 * The last movement row of each id among the first `before` events, walking back part by part
 * from the newest and stopping once every id is found (a cancellation mostly corrects a recent
 * mistake). Row numbers come from rowsBefore, so a part is read alone.
 */
function lastRowsOf(index: RegisterIndex, parts: EventParts, ids: Set<string>, before: number): Map<string, { number: number; figures: MovedFigures }> {
  const found = new Map<string, { number: number; figures: MovedFigures }>();
  for (let part = Math.floor((before - 1) / parts.size); part >= 0 && found.size < ids.size; part--) {
    const first = part * parts.size;
    let number = index.rowsBefore[part];
    const inPart = new Map<string, { number: number; figures: MovedFigures }>();
    for (const event of eventsBetween(parts, first, Math.min(before, first + parts.size))) {
      if (!isRegisterRow(event.type)) continue;
      number++;
      if (event.type === 'CapitalMovementCancelled') continue;
      const data = registerDataOf<{ movementId: string }>(event);
      if (!ids.has(data.movementId) || found.has(data.movementId)) continue;
      inPart.set(data.movementId, { number, figures: figuresOf(index, number, event.type, data) });
    }
    for (const [id, row] of inPart) found.set(id, row);
  }
  return found;
}

/** The index as the snapshot keeps it: plain JSON, the maps as lists of tuples. */
export interface RegisterPart {
  size: number;
  covered: number;
  rows: number;
  rowsBefore: number[];
  dates: Array<[string, string] | null>;
  cancelled: Array<[number, string, number]>;
  cancels: Array<[number, ...MovedFigures]>;
  redeemedPaid: Array<[number, number]>;
}

function toPart(index: RegisterIndex, size: number): RegisterPart {
  return {
    size,
    covered: index.covered,
    rows: index.rows,
    rowsBefore: [...index.rowsBefore],
    dates: index.dates.map((dates) => (dates ? [dates[0], dates[1]] : null)),
    cancelled: [...index.cancelled].map(([number, { by, at }]) => [number, by, at]),
    cancels: [...index.cancels].map(([number, figures]) => [number, ...figures]),
    redeemedPaid: [...index.redeemedPaid],
  };
}

/** The saved index, if it fits this stream and these parts (else a new one is made from the events). */
function fromSaved(saved: unknown, parts: EventParts): RegisterIndex | undefined {
  const part = saved as RegisterPart | undefined;
  if (!part || part.size !== parts.size || part.covered > parts.count || !Array.isArray(part.dates)) return undefined;
  return {
    covered: part.covered,
    rows: part.rows,
    rowsBefore: part.rowsBefore,
    dates: part.dates,
    cancelled: new Map(part.cancelled.map(([number, by, at]) => [number, { by, at }])),
    cancels: new Map(part.cancels.map(([number, ...figures]) => [number, figures])),
    redeemedPaid: new Map(part.redeemedPaid),
    savedCovered: part.covered,
  };
}
