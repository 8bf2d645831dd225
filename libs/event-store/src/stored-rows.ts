import { EventMetadata, ExpectedRevision, JsonObject, RecordedEvent, UnreadableEventError, WrongExpectedRevisionError } from './event-store.port';

/**
 * An event as the SQL stores keep it: integers as numbers (SQLite) or decimal strings
 * (PostgreSQL), data and metadata as the canonical JSON that was hashed. A store may also keep
 * the metadata's `eventId`, `recordedAt` and `hash` in columns of their own, so that a replay
 * takes them without parsing the metadata (null in rows written before those columns).
 */
export type StoredRow = [
  position: number | string,
  streamId: string,
  revision: number | string,
  type: string,
  data: string,
  /** Null only in a replay's row that has the columns (see toLazyRecordedEvent). */
  metadata: string | null,
  eventId?: string | null,
  recordedAt?: string | null,
  hash?: string | null,
];

/** The metadata a store copies into columns of their own (see StoredRow), in the order it reads them. */
export function metadataColumnsOf(metadata: EventMetadata): [eventId: string, recordedAt: string, hash: string] {
  return [metadata.eventId, metadata.recordedAt, metadata.hash];
}

/** The exact expected revision of an append, against the stream's head (undefined: no stream). */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, head: { revision: bigint } | undefined): void {
  if (expected === 'any') return;
  const actual = head?.revision ?? 'no_stream';
  // -1n is what an append of nothing to a missing stream answers; it means no_stream back.
  const wanted = expected === 'no_stream' || expected === -1n ? 'no_stream' : expected;
  if (wanted !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

export function toRecordedEvent(row: StoredRow): RecordedEvent {
  let event: RecordedEvent;
  try {
    event = {
      streamId: row[1],
      revision: BigInt(row[2]),
      position: BigInt(row[0]),
      type: row[3],
      data: JSON.parse(row[4]) as JsonObject,
      metadata: JSON.parse(row[5] ?? '') as EventMetadata,
    };
  } catch {
    // Only an edit behind the store's back makes a stored row unreadable.
    throw new UnreadableEventError(row[1], BigInt(row[2]), BigInt(row[0]));
  }
  // The columns are what a replay reads (toLazyRecordedEvent), the metadata what the chain
  // hashes: an edit of a column alone would pass the chain and change the read models. Every
  // full read (the verifier's, the audit's) sees it here.
  if ((row[6] ?? row[7] ?? row[8]) != null && !sameAsColumns(event.metadata, row)) {
    throw new UnreadableEventError(row[1], BigInt(row[2]), BigInt(row[0]), 'its columns event_id, recorded_at or hash differ from its hashed metadata');
  }
  return event;
}

function sameAsColumns(metadata: EventMetadata, row: StoredRow): boolean {
  const columns = metadataColumnsOf(metadata);
  return columns[0] === row[6] && columns[1] === row[7] && columns[2] === row[8];
}

/** Reads the metadata text of the event at a position, for a row read without it (see toLazyRecordedEvent). */
export type MetadataReader = (position: number | string) => string | undefined;

/**
 * The event with its data and metadata left as the stored text until first read (readAllPages
 * with `lazyData`): a replay of a million events hands most of them to projections that only
 * keep them, and parsing them then costs a third of the replay and a heap the collector has to
 * trace. What projections keep of the metadata (eventIdOf, recordedAtOf, hashOf) comes from the
 * row's columns; a row without them (written before them, or by a store without them) has its
 * metadata parsed now. A store may leave the metadata text out of a row that has the columns
 * (null) and give `readMetadata`, which reads it if something asks for `metadata`. An unreadable
 * text throws UnreadableEventError when it is read, not when the row is.
 */
export function toLazyRecordedEvent(row: StoredRow, readMetadata?: MetadataReader): RecordedEvent {
  const [eventId, recordedAt, hash] = row[6] != null && row[7] != null && row[8] != null ? [row[6], row[7], row[8]] : parsedColumns(row);
  const metadata = row[5] ?? (readMetadata ? () => readMetadata(row[0]) : undefined);
  return new LazyRecordedEvent(row[1], BigInt(row[2]), BigInt(row[0]), String(row[0]), internedType(row[3]), row[4], metadata, eventId, recordedAt, hash);
}

function parsedColumns(row: StoredRow): [eventId: string, recordedAt: string, hash: string] {
  try {
    return metadataColumnsOf(JSON.parse(row[5] ?? '') as EventMetadata);
  } catch {
    throw new UnreadableEventError(row[1], BigInt(row[2]), BigInt(row[0]));
  }
}

/**
 * One string per event type, however many rows name it: a read model that keeps a million events
 * keeps one "SharesSubscribed", not a million copies for the collector to trace. Bounded: a log
 * with more types than this (only an edit could make one) keeps the rest as read.
 */
const TYPES = new Map<string, string>();
const TYPES_KEPT = 1000;

function internedType(type: string): string {
  const kept = TYPES.get(type);
  if (kept !== undefined) return kept;
  if (TYPES.size < TYPES_KEPT) TYPES.set(type, type);
  return type;
}

class LazyRecordedEvent implements RecordedEvent {
  #data?: JsonObject;
  #metadata?: EventMetadata;

  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly position: bigint,
    /** The position as decimal text, made from the stored number (see positionTextOf). */
    readonly positionText: string,
    readonly type: string,
    /** The data as stored: canonical JSON (see rawDataOf). */
    readonly rawData: string,
    /** The metadata as stored, or how to read it (a row read without it). */
    private readonly rawMetadata: string | (() => string | undefined) | undefined,
    readonly eventId: string,
    readonly recordedAt: string,
    readonly hash: string,
  ) {}

  get metadata(): EventMetadata {
    if (this.#metadata === undefined) {
      const text = typeof this.rawMetadata === 'function' ? this.rawMetadata() : this.rawMetadata;
      try {
        this.#metadata = JSON.parse(text!) as EventMetadata;
      } catch {
        throw new UnreadableEventError(this.streamId, this.revision, this.position);
      }
    }
    return this.#metadata;
  }

  get data(): JsonObject {
    if (this.#data === undefined) {
      try {
        this.#data = JSON.parse(this.rawData) as JsonObject;
      } catch {
        throw new UnreadableEventError(this.streamId, this.revision, this.position);
      }
    }
    return this.#data;
  }
}

/**
 * The event's position as decimal text, what read models keep: for an event read with
 * `lazyData`, made from the stored number, which costs a tenth of `position.toString()` (a
 * BigInt's conversion was a fifth of a 1,100,000-event replay).
 */
export function positionTextOf(event: RecordedEvent): string {
  return event instanceof LazyRecordedEvent ? event.positionText : event.position.toString();
}

/** The event's id, from the row's column when the event was read with `lazyData` (see toLazyRecordedEvent). */
export function eventIdOf(event: RecordedEvent): string {
  return event instanceof LazyRecordedEvent ? event.eventId : event.metadata.eventId;
}

/** When the event was recorded, from the row's column when the event was read with `lazyData`. */
export function recordedAtOf(event: RecordedEvent): string {
  return event instanceof LazyRecordedEvent ? event.recordedAt : event.metadata.recordedAt;
}

/** The event's hash (its stream's chain), from the row's column when the event was read with `lazyData`. */
export function hashOf(event: RecordedEvent): string {
  return event instanceof LazyRecordedEvent ? event.hash : event.metadata.hash;
}

/** The stored text of an event's data when it was read without parsing it (toLazyRecordedEvent), else undefined. */
export function rawDataOf(event: RecordedEvent): string | undefined {
  return event instanceof LazyRecordedEvent ? event.rawData : undefined;
}
