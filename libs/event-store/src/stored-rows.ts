import { EventMetadata, ExpectedRevision, JsonObject, RecordedEvent, UnreadableEventError, WrongExpectedRevisionError } from './event-store.port';

/** An event as the SQL stores keep it: integers as numbers (SQLite) or decimal strings (PostgreSQL), data and metadata as the canonical JSON that was hashed. */
export type StoredRow = [position: number | string, streamId: string, revision: number | string, type: string, data: string, metadata: string];

/** The exact expected revision of an append, against the stream's head (undefined: no stream). */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, head: { revision: bigint } | undefined): void {
  if (expected === 'any') return;
  const actual = head?.revision ?? 'no_stream';
  // -1n is what an append of nothing to a missing stream answers; it means no_stream back.
  const wanted = expected === 'no_stream' || expected === -1n ? 'no_stream' : expected;
  if (wanted !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

export function toRecordedEvent(row: StoredRow): RecordedEvent {
  try {
    return {
      streamId: row[1],
      revision: BigInt(row[2]),
      position: BigInt(row[0]),
      type: row[3],
      data: JSON.parse(row[4]) as JsonObject,
      metadata: JSON.parse(row[5]) as EventMetadata,
    };
  } catch {
    // Only an edit behind the store's back makes a stored row unreadable.
    throw new UnreadableEventError(row[1], BigInt(row[2]), BigInt(row[0]));
  }
}

/**
 * The event with its data left as the stored text until first read (readAllPages with
 * `lazyData`): a replay of a million events hands most of them to projections that only keep
 * them, and parsing them then costs a third of the replay and a heap the collector has to trace.
 * An unreadable data text throws UnreadableEventError when it is read, not when the row is.
 */
export function toLazyRecordedEvent(row: StoredRow): RecordedEvent {
  let metadata: EventMetadata;
  try {
    metadata = JSON.parse(row[5]) as EventMetadata;
  } catch {
    throw new UnreadableEventError(row[1], BigInt(row[2]), BigInt(row[0]));
  }
  return new LazyRecordedEvent(row[1], BigInt(row[2]), BigInt(row[0]), String(row[0]), internedType(row[3]), row[4], metadata);
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

  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly position: bigint,
    /** The position as decimal text, made from the stored number (see positionTextOf). */
    readonly positionText: string,
    readonly type: string,
    /** The data as stored: canonical JSON (see rawDataOf). */
    readonly rawData: string,
    readonly metadata: EventMetadata,
  ) {}

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

/** The stored text of an event's data when it was read without parsing it (toLazyRecordedEvent), else undefined. */
export function rawDataOf(event: RecordedEvent): string | undefined {
  return event instanceof LazyRecordedEvent ? event.rawData : undefined;
}
