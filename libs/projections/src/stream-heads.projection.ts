import { coopIdOfStream, RecordedEvent } from '@ledger/event-store/event-store.port';
import { hashOf, positionTextOf } from '@ledger/event-store/stored-rows';
import { Projection } from './projection';
import { addEntry, dictionary, lastFound, ownEntry } from './own-entry';

export interface StreamHead {
  /** Revision of the stream's last event. */
  revision: number;
  /** Hash of the stream's last event: the head of its hash chain. */
  hash: string;
  /** Global position of the stream's last event, as a decimal string (exact for any bigint). */
  position: string;
}

export interface StreamHeadsState {
  /** coopId → streamId → head. */
  coops: Record<string, Record<string, StreamHead>>;
}

/**
 * The last event of every stream, as the projections saw it. Verification compares it with
 * the stored streams: a chain that verifies but ends before this head lost its last events,
 * which the chain alone cannot show. The heads are also what the ledger digest hashes.
 */
export const streamHeadsProjection: Projection<StreamHeadsState> = {
  name: 'stream-heads',
  version: 1,
  init: () => ({ coops: dictionary() }),
  apply(state: StreamHeadsState, event: RecordedEvent): StreamHeadsState {
    const head = lastFound(state, event.streamId, (streamId) => headOf(state, streamId, event));
    // Reference data (reference-tmo) is no cooperative's: no cooperative's digest includes it.
    if (!head) return state;
    head.revision = Number(event.revision);
    head.hash = hashOf(event);
    head.position = positionTextOf(event);
    return state;
  },
};

/** The head of the event's stream, added (to be filled) at its first event; undefined for a stream of no cooperative. */
function headOf(state: StreamHeadsState, streamId: string, event: RecordedEvent): StreamHead | undefined {
  const coopId = coopIdOfStream(streamId) ?? event.metadata.coopId;
  if (!coopId) return undefined;
  const streams = ownEntry(state.coops, coopId) ?? addEntry(state.coops, coopId, dictionary<StreamHead>());
  return ownEntry(streams, streamId) ?? addEntry(streams, streamId, { revision: -1, hash: '', position: '' });
}

/** A cooperative's stream heads, ordered by stream id (a stable order for the digest). */
export function streamHeadsOf(state: StreamHeadsState, coopId: string): Array<StreamHead & { streamId: string }> {
  const streams = ownEntry(state.coops, coopId) ?? {};
  return Object.keys(streams)
    .sort()
    .map((streamId) => ({ streamId, ...streams[streamId] }));
}

export function streamHeadOf(state: StreamHeadsState, streamId: string): StreamHead | undefined {
  const coopId = coopIdOfStream(streamId);
  const streams = coopId === undefined ? undefined : ownEntry(state.coops, coopId);
  return streams && ownEntry(streams, streamId);
}
