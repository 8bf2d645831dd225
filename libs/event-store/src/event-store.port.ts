/**
 * The event store port, shaped on EventStoreDB semantics: 0-based stream revisions, bigint
 * global positions (strictly increasing in the global log), an exact expected revision on
 * every append (`no_stream` for a stream that must not exist yet), events read back in order,
 * and a subscription to the global log that catches up and then goes live.
 *
 * Every adapter computes the hash chain (see hash-chain.ts) inside its append, so the chain
 * cannot be forgotten by a caller.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ExpectedRevision = bigint | 'no_stream' | 'any';

export interface Actor {
  sub: string;
  role: string;
}

/** Metadata given by the writer. `prevHash` and `hash` are added by the store. */
export interface NewEventMetadata {
  eventId: string;
  coopId: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
  /** Server clock, ISO 8601 with milliseconds, UTC. */
  recordedAt: string;
  schemaVersion: number;
}

export interface EventMetadata extends NewEventMetadata {
  prevHash: string;
  hash: string;
}

export interface NewEvent {
  type: string;
  data: JsonObject;
  metadata: NewEventMetadata;
}

export interface RecordedEvent {
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: bigint;
  /** Position in the global log; strictly increasing, not necessarily contiguous. */
  position: bigint;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

/** Where one appended event landed. */
export interface AppendedEvent {
  revision: bigint;
  position: bigint;
}

export interface AppendResult {
  /** Revision of the last event appended: the expected revision for the next append. */
  nextExpectedRevision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
  /** Each appended event's revision and global position, in the order given: nothing to read back. */
  events: AppendedEvent[];
}

export interface ReadAllOptions {
  /** Only events after this global position (exclusive). Absent: from the beginning. */
  after?: bigint;
  /** Only the streams of this cooperative (see coopIdOfStream). */
  coopId?: string;
  limit?: number;
  /**
   * readAllPages: leave each event's data as the stored text until it is first read (a replay
   * whose projections mostly keep events without reading them; see rawDataOf in stored-rows.ts).
   * A store may ignore it.
   */
  lazyData?: boolean;
}

export interface Subscription {
  /** Resolves once the subscription has stopped and its handler will not be called again. */
  stop(): Promise<void>;
}

export type SubscriptionHandler = (event: RecordedEvent) => void | Promise<void>;

export interface EventStore {
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  readStream(streamId: string, from?: bigint): AsyncIterable<RecordedEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * The same events as readAll, a page at a time: a replay of 100,000 events then awaits once
   * per page instead of once per event. An unreadable event fails its whole page.
   */
  readAllPages(options?: ReadAllOptions): AsyncIterable<RecordedEvent[]>;
  /** Catch-up from `after` (exclusive; undefined = from the start), then live, in global order. */
  subscribeAll(after: bigint | undefined, handler: SubscriptionHandler): Subscription;
  /** The global position of the last event in the log, or undefined when the log is empty. */
  headPosition(): Promise<bigint | undefined>;
  /**
   * The events one command recorded under an Idempotency-Key: those whose metadata holds
   * `idempotencyKey` = `key` and `actor.sub` = `sub`, in global order; [] when there are none.
   * A retry of a command whose process died after appending and before answering finds its
   * answer here. Optional: an adapter without it leaves the HTTP layer to scan readAll(); an
   * adapter should implement it with an index on the key (the SQLite one indexes
   * json_extract(metadata, '$.idempotencyKey')).
   */
  findByIdempotencyKey?(sub: string, key: string): Promise<RecordedEvent[]>;
  /** True when the store can be read (for /health). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

/**
 * Streams belong to a cooperative by their id: `cooperative-<coopId>`,
 * `assembly-<coopId>.<assemblyId>`, `fiscalyear-<coopId>.<year>`; `reference-<name>` belongs to none (named in
 * libs/domain/src/streams/stream-ids.ts; the store reads the cooperative back without the domain).
 */
export function coopIdOfStream(streamId: string): string | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0) return undefined;
  // `reference-<name>` (the TMO) is every cooperative's reference data, filed under none.
  if (streamId.slice(0, dash) === 'reference') return undefined;
  const rest = streamId.slice(dash + 1);
  const dot = rest.indexOf('.');
  return dot < 0 ? rest : rest.slice(0, dot);
}

/** A stored event that is no longer JSON, or whose columns no longer match its JSON: the store was edited behind its back. */
export class UnreadableEventError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly position: bigint,
    why = 'is not readable JSON',
  ) {
    super(`Stored event ${streamId}@${String(revision)} (position ${String(position)}) ${why}`);
    this.name = 'UnreadableEventError';
  }
}
