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
