import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, JsonObject, NewEvent, NewEventMetadata } from './event-store.port';

/**
 * Each stream is a hash chain: an event's hash covers its stream, revision, type, data and
 * metadata (with `prevHash`, without `hash`), and `prevHash` is the previous event's hash.
 * Editing, deleting or reordering a stored event therefore breaks the chain at that point.
 */

/** The `prevHash` of every stream's revision 0. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  streamId: string;
  revision: bigint;
  type: string;
  data: JsonObject;
  /** A stored event's `hash` may be present: it is left out of what is hashed. */
  metadata: NewEventMetadata & { prevHash: string; hash?: string };
}

/** A new event with its place in the stream and its chain links filled in. */
export interface ChainedEvent {
  revision: bigint;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function eventHash(event: HashableEvent): string {
  const { hash: _stored, ...metadata } = event.metadata;
  return sha256Hex(
    // Members in canonical order, so that canonicalJson writes it in one JSON.stringify when the
    // data and metadata are in that order too (as parsed from their stored canonical text).
    canonicalJson({
      data: event.data,
      metadata,
      // A JSON number, not a string: revisions stay far below 2^53.
      revision: Number(event.revision),
      streamId: event.streamId,
      type: event.type,
    }),
  );
}

/**
 * Links `newEvents` onto a stream whose next revision is `startRevision` and whose last
 * stored hash is `prevHash` (GENESIS_HASH for a new stream). Every adapter calls this inside
 * its append transaction, after reading the stream's head under the write lock.
 */
export function chainEvents(streamId: string, startRevision: bigint, prevHash: string, newEvents: readonly NewEvent[]): ChainedEvent[] {
  const chained: ChainedEvent[] = [];
  let previous = prevHash;
  let revision = startRevision;
  for (const event of newEvents) {
    // Whatever prevHash/hash the writer passed in is overwritten: only the store links.
    const { prevHash: _p, hash: _h, ...given } = event.metadata as NewEventMetadata & Partial<EventMetadata>;
    const linked = { ...given, prevHash: previous };
    const hash = eventHash({ streamId, revision, type: event.type, data: event.data, metadata: linked });
    chained.push({ revision, type: event.type, data: event.data, metadata: { ...linked, hash } });
    previous = hash;
    revision += 1n;
  }
  return chained;
}
