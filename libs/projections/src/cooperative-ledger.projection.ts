import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { eventIdOf, positionTextOf, rawDataOf, recordedAtOf } from '@ledger/event-store/stored-rows';
import { dataText, StoredTextEvent } from './lazy-event-data';
import { JsonText } from './snapshot-store';
import { CooperativeEvent, Statuts } from '@ledger/domain';
import { Projection, ProjectionParts } from './projection';
import { foldPartOf, foldUnsaved, forgetFolds } from './ledger-folds';
import { eventPartsOf, registerPartOf, registerUnsaved } from './register-index';
import { addEntry, dictionary, lastFound, ownEntry } from './own-entry';
import { Evictable, FOLD_BYTES_PER_EVENT, READ_MODEL_BYTES_PER_EVENT, ReadModelBudget } from './read-model-budget';

const COOPERATIVE_STREAM = 'cooperative-';

/** One event of a cooperative stream as the read model keeps it (positions as exact strings). */
export interface LedgerEvent {
  position: string;
  revision: number;
  eventId: string;
  recordedAt: string;
  type: CooperativeEvent['type'];
  data: CooperativeEvent['data'];
}

export interface CooperativeLedger {
  coopId: string;
  /** Revision of the stream's last event: the ETag of the cooperative's resources. */
  revision: number;
  /** The stream, in recording order. Folds derive every answer from it. */
  events: LedgerEvent[];
}

export interface CooperativeLedgerState {
  coops: Record<string, CooperativeLedger>;
  /** Cooperative ids in the order their streams began. */
  coopOrder: string[];
}

/** Events per part of a cooperative's snapshot: a full part is written once and never again. */
export const EVENTS_PER_PART = 8192;

/** Reads one saved part of the snapshot (undefined when it is missing). */
type PartLoader = (key: string) => unknown;

/**
 * A cooperative as the projection keeps it. Its events live in parts of the snapshot and are
 * read only when a query needs them (`events`, `eventsFrom`): a start reads the heads of the
 * cooperatives, and a cap table of today reads the fold part, not a million events. What the
 * live log brings meanwhile is kept in `tail`. Built plain (`{ coopId, revision, events }`) by
 * callers that cut a ledger (audit-known-at.ts), folds accept either.
 */
export class StoredLedger implements CooperativeLedger, Evictable {
  revision = -1;
  /** Events recorded in all. */
  count = 0;
  /** The statuts that take effect last, with their date: the registry lists them without the events. */
  lastStatuts: { statuts: Statuts; date: string } | null = null;
  /** Every event, once read; else undefined and the first `#stored` events are in the snapshot. */
  #all: LedgerEvent[] | undefined = [];
  #stored = 0;
  #tail: LedgerEvent[] = [];
  #loader?: PartLoader;
  /** Events already in the snapshot's parts (parts below savedCount / EVENTS_PER_PART are full and final). */
  #savedCount = 0;
  #budget?: ReadModelBudget;
  /** What else keeps memory for this cooperative (folds, the register): told to forget it when the events are evicted. */
  static readonly onEvict: Array<(coop: StoredLedger) => void> = [];
  declare readonly events: LedgerEvent[];

  constructor(readonly coopId: string) {
    // An own property, as on a plain ledger: a deep comparison (the audit replay, the specs) reads the events.
    Object.defineProperty(this, 'events', { get: () => this.allEvents(), enumerable: true });
  }

  get savedCount(): number {
    return this.#savedCount;
  }

  set savedCount(count: number) {
    this.#savedCount = count;
  }

  /** The cooperative from its snapshot head, its events left in the snapshot until asked for. */
  static stored(head: StoredLedgerHead, loader: PartLoader): StoredLedger {
    const coop = new StoredLedger(head.coopId);
    coop.revision = head.revision;
    coop.count = coop.#stored = coop.#savedCount = head.count;
    coop.lastStatuts = head.lastStatuts;
    coop.#all = head.count === 0 ? [] : undefined;
    coop.#loader = loader;
    return coop;
  }

  private allEvents(): LedgerEvent[] {
    if (this.#all === undefined) {
      const all: LedgerEvent[] = [];
      for (let part = 0; part * EVENTS_PER_PART < this.count; part++) for (const event of this.part(part)) all.push(event);
      this.#all = all;
      this.#tail = [];
    }
    this.#budget?.touch(this, this.count * READ_MODEL_BYTES_PER_EVENT);
    return this.#all;
  }

  /**
   * The snapshot was saved or read: parts can be read back through `loader`, and what this
   * cooperative holds in memory counts against `budget`.
   */
  attach(loader: PartLoader, budget: ReadModelBudget | undefined): void {
    this.#loader = loader;
    this.#budget = budget;
  }

  /** Gives back the events (and the folds built on them) when every one is in the snapshot: they are read again when next asked for. */
  evict(): boolean {
    if (!this.#loader || this.#savedCount !== this.count) return false;
    this.#all = this.count === 0 ? [] : undefined;
    this.#stored = this.count;
    this.#tail = [];
    for (const forget of StoredLedger.onEvict) forget(this);
    return true;
  }

  /** Whether the events are in memory (else the first query that needs them reads the snapshot). */
  get loaded(): boolean {
    return this.#all !== undefined;
  }

  /** Events from index `from` on, read from the snapshot only when they are not in memory. */
  eventsFrom(from: number): readonly LedgerEvent[] {
    if (this.#all !== undefined) return from === 0 ? this.#all : this.#all.slice(from);
    if (from >= this.#stored) return this.#tail.slice(from - this.#stored);
    // Only the parts from `from` on, read without keeping them: a fold part a few events behind
    // the log (saved before the last command) costs its last part, not the whole stream.
    const events: LedgerEvent[] = [];
    for (let part = Math.floor(from / EVENTS_PER_PART); part * EVENTS_PER_PART < this.count; part++) {
      const first = part * EVENTS_PER_PART;
      const inPart = this.part(part);
      for (let i = Math.max(0, from - first); i < inPart.length; i++) events.push(inPart[i]);
    }
    return events;
  }

  push(event: LedgerEvent): void {
    if (this.#all !== undefined) this.#all.push(event);
    else this.#tail.push(event);
    this.count++;
    this.revision = event.revision;
  }

  /** The events of part `index`: EVENTS_PER_PART of them from index × EVENTS_PER_PART, fewer in the last. */
  part(index: number): LedgerEvent[] {
    const from = index * EVENTS_PER_PART;
    const to = Math.min(from + EVENTS_PER_PART, this.count);
    if (this.#all !== undefined) return this.#all.slice(from, to);
    // A part read back may hold more than `stored` events: a later save rewrote it with the tail.
    const stored = from < this.#stored ? this.storedPart(index).slice(0, this.#stored - from) : [];
    if (to <= this.#stored) return stored;
    return stored.concat(this.#tail.slice(Math.max(from, this.#stored) - this.#stored, to - this.#stored));
  }

  private storedPart(index: number): LedgerEvent[] {
    const part = this.#loader?.(partKey(this.coopId, 'events', index)) as EncodedEvent[] | undefined;
    return part ? part.map(decodeEvent) : missingPart(this.coopId, index);
  }

  /** The saved fold of the cooperative, if the snapshot has one (see ledger-folds.ts). */
  savedFold(): unknown {
    const fold = this.#loader?.(partKey(this.coopId, 'fold', 0));
    if (fold !== undefined && this.#all === undefined) this.#budget?.touch(this, this.count * FOLD_BYTES_PER_EVENT);
    return fold;
  }

  /** Part `index` of the saved fold's associates (see ledger-folds.ts). */
  savedAssociates(index: number): unknown {
    return this.#loader?.(partKey(this.coopId, 'associates', index));
  }

  /** Whether the events from index `from` on are in memory, so that reading them reads no part of the snapshot. */
  inMemoryFrom(from: number): boolean {
    return this.#all !== undefined || from >= this.#stored;
  }

  /** The saved index of the register of share movements, if the snapshot has one (see register-index.ts). */
  savedRegister(): unknown {
    return this.#loader?.(partKey(this.coopId, 'register', 0));
  }
}

/** An event in a part: a tuple, not an object, so that a part is smaller and parses faster. */
type EncodedEvent = [position: string, revision: number, eventId: string, recordedAt: string, type: LedgerEvent['type'], data: LedgerEvent['data']];

/** Characters a JSON string holds as they are: ids, dates, positions and type names are made of them. */
const PLAIN = /^[\w .:+-]*$/;

/** `JSON.stringify(text)`, without its cost for the plain strings a million events repeat. */
function jsonString(text: string): string {
  return PLAIN.test(text) ? `"${text}"` : JSON.stringify(text);
}

/**
 * A part's events as the JSON text of their tuples, each event's data written as its stored text,
 * not parsed to be serialized again. Built by `+=` and joined once (`flattened`): twice as fast as
 * a template per event and a join.
 */
function eventsPartText(events: readonly LedgerEvent[]): JsonText {
  let text = '[';
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (i > 0) text += ',';
    // A position is the decimal text of an integer: written as it is.
    text += '["' + e.position + '",' + e.revision + ',' + jsonString(e.eventId) + ',' + jsonString(e.recordedAt) + ',' + jsonString(e.type) + ',' + dataText(e) + ']';
  }
  return new JsonText(flattened(text + ']'));
}

/**
 * The text in one piece. A string built by `+=` is a tree of its pieces until V8 first searches
 * it; the parts of a save are all built before any is written, and 1,100,000 events' trees held
 * at once took 2 GB. Searching it for a character no JSON text holds bare makes V8 join it now.
 */
function flattened(text: string): string {
  text.includes('\u0000');
  return text;
}

function decodeEvent([position, revision, eventId, recordedAt, type, data]: EncodedEvent): LedgerEvent {
  return { position, revision, eventId, recordedAt, type, data };
}

function missingPart(coopId: string, index: number): never {
  throw new Error(`The snapshot of cooperative ${coopId} lacks its events part ${index}`);
}

export function partKey(coopId: string, kind: 'events' | 'fold' | 'associates' | 'register', index: number): string {
  return JSON.stringify([coopId, kind, index]);
}

export interface StoredLedgerHead {
  coopId: string;
  revision: number;
  count: number;
  lastStatuts: StoredLedger['lastStatuts'];
}

interface CooperativesHead {
  coops: StoredLedgerHead[];
}

StoredLedger.onEvict.push(forgetFolds);

/** The memory budget of each cooperatives' read model (one per engine's state). */
const budgets = new WeakMap<CooperativeLedgerState, ReadModelBudget>();

/** The budget the read model's memory is held to, if any (for the figures). */
export function readModelBudgetOf(state: CooperativeLedgerState): ReadModelBudget | undefined {
  return budgets.get(state);
}

/**
 * The snapshot of the cooperatives: a head of a few hundred bytes per cooperative, read at start,
 * and parts read when first asked for — each cooperative's events in parts of EVENTS_PER_PART
 * (a full part is never written again, so a save writes what changed since the last one) and
 * its fold as of its last date without the movements (what the cap table and the member register
 * of today read, a fraction of the events' size: a head with the cap table's summary, and the
 * associates in parts, so that a first page reads the head and one part), and the index of its register of share
 * movements (which part holds which row, the few figures a row takes from elsewhere: a page of
 * the register reads that index and the parts holding its rows).
 */
const cooperativeParts: ProjectionParts<CooperativeLedgerState> = {
  split(state) {
    const coops: StoredLedgerHead[] = [];
    const parts: Array<[string, unknown]> = [];
    const saved: Array<() => void> = [];
    for (const coopId of state.coopOrder) {
      const coop = ownEntry(state.coops, coopId) as StoredLedger;
      coops.push({ coopId, revision: coop.revision, count: coop.count, lastStatuts: coop.lastStatuts });
      const count = coop.count;
      for (let part = Math.floor(coop.savedCount / EVENTS_PER_PART); part * EVENTS_PER_PART < count; part++) {
        parts.push([partKey(coopId, 'events', part), eventsPartText(coop.part(part))]);
      }
      const fold = foldPartOf(coop);
      if (fold) {
        parts.push([partKey(coopId, 'fold', 0), fold.head]);
        fold.associates.forEach((part, index) => parts.push([partKey(coopId, 'associates', index), part]));
      }
      const register = registerPartOf(coop, eventPartsOf(coop, EVENTS_PER_PART));
      if (register) parts.push([partKey(coopId, 'register', 0), register.part]);
      saved.push(() => {
        coop.savedCount = count;
        fold?.saved();
        register?.saved();
      });
    }
    const head: CooperativesHead = { coops };
    return { head, parts, saved: () => saved.forEach((done) => done()) };
  },
  join(head, load) {
    const state = cooperativeLedgerProjection.init();
    for (const saved of (head as CooperativesHead).coops) {
      addEntry(state.coops, saved.coopId, StoredLedger.stored(saved, load));
      state.coopOrder.push(saved.coopId);
    }
    return state;
  },
  unsaved(state) {
    return state.coopOrder.some((coopId) => {
      const coop = ownEntry(state.coops, coopId);
      return coop !== undefined && (foldUnsaved(coop) || registerUnsaved(coop));
    });
  },
  attach(state, load, memoryBudgetBytes) {
    let budget = budgets.get(state);
    if (!budget && memoryBudgetBytes !== undefined) budgets.set(state, (budget = new ReadModelBudget(memoryBudgetBytes)));
    for (const coopId of state.coopOrder) (ownEntry(state.coops, coopId) as StoredLedger).attach(load, budget);
  },
};

/**
 * The cooperative streams kept whole, so that any as-of date can be answered by folding them
 * in effective-date order. `apply` only pushes: the effective-date index and the folded
 * states are derived lazily (see ledger-folds.ts) and stay out of the events' parts, which
 * keeps a replay of 1,000,000 movements linear.
 */
export const cooperativeLedgerProjection: Projection<CooperativeLedgerState> = {
  name: 'cooperatives',
  version: 2,
  init: () => ({ coops: dictionary(), coopOrder: [] }),
  apply(state: CooperativeLedgerState, event: RecordedEvent): CooperativeLedgerState {
    const coop = coopOfStream(state, event.streamId);
    if (!coop) return state;
    if (event.type === 'StatutsAdopted' || event.type === 'StatutsAmended') {
      const { statuts, effectiveDate: date } = event.data as unknown as { statuts: Statuts; effectiveDate: string };
      if (!coop.lastStatuts || date >= coop.lastStatuts.date) coop.lastStatuts = { statuts, date };
    }
    const position = positionTextOf(event);
    const revision = Number(event.revision);
    const type = event.type as CooperativeEvent['type'];
    // Replayed with its data as the stored text: kept so until a query reads it (lazy-event-data.ts).
    const stored = rawDataOf(event);
    coop.push(
      stored !== undefined
        ? (new StoredTextEvent(position, revision, eventIdOf(event), recordedAtOf(event), type, stored) as LedgerEvent)
        : { position, revision, eventId: eventIdOf(event), recordedAt: recordedAtOf(event), type, data: event.data as unknown as CooperativeEvent['data'] },
    );
    return state;
  },
  parts: cooperativeParts,
};

/** The cooperative of a stream, created at its first event; undefined for another kind of stream. */
function coopOfStream(state: CooperativeLedgerState, streamId: string): StoredLedger | undefined {
  return lastFound<StoredLedger>(state, streamId, () => {
    if (!streamId.startsWith(COOPERATIVE_STREAM)) return undefined;
    const coopId = streamId.slice(COOPERATIVE_STREAM.length);
    const coop = ownEntry(state.coops, coopId) as StoredLedger | undefined;
    if (coop) return coop;
    state.coopOrder.push(coopId);
    return addEntry(state.coops, coopId, new StoredLedger(coopId)) as StoredLedger;
  });
}

export function cooperativeRevision(state: CooperativeLedgerState, coopId: string): number | undefined {
  return ownEntry(state.coops, coopId)?.revision;
}

/** The events of a cooperative from index `from` on, without reading the snapshot's parts when they are in memory. */
export function ledgerEventsFrom(coop: CooperativeLedger, from: number): readonly LedgerEvent[] {
  return coop instanceof StoredLedger ? coop.eventsFrom(from) : from === 0 ? coop.events : coop.events.slice(from);
}

/** How many events a cooperative has recorded, without reading them. */
export function ledgerEventCount(coop: CooperativeLedger): number {
  return coop instanceof StoredLedger ? coop.count : coop.events.length;
}
