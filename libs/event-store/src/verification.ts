import { eventHash, GENESIS_HASH, sha256Hex } from './hash-chain';
import { RecordedEvent, UnreadableEventError } from './event-store.port';

/**
 * The auditor's check that the stored history is the history that was written. It needs
 * nothing but the events (in global order) and, optionally, the stream heads pinned earlier
 * (in AG minutes): without them a deleted *last* event leaves no trace, since nothing after it
 * points back to it; with a pinned hash, even a consistently rewritten chain is caught.
 */

export type ChainBreakReason =
  /** The stored hash is not the hash of the stored content: the event was edited. */
  | 'hash_mismatch'
  /** The event does not point back at the previous stored event: one was replaced or moved. */
  | 'prev_hash_mismatch'
  /** Revisions jump forward: events were deleted from the middle of the stream. */
  | 'revision_gap'
  /** A revision already seen, or going backwards: events were duplicated or reordered. */
  | 'revision_out_of_order'
  /** The stream ends (or is gone) before a pinned head: its last events were deleted. */
  | 'missing_tail'
  /** The event at a pinned head's revision is not the one pinned: the chain was rewritten. */
  | 'head_mismatch'
  /** The stored row is not even JSON any more; verification stops there. */
  | 'unreadable_event';

export interface ChainBreak {
  streamId: string;
  /** The revision at which the chain breaks; for a gap or a missing tail, the first missing one. */
  revision: bigint;
  reason: ChainBreakReason;
}

export interface StreamHead {
  revision: bigint;
  hash: string;
}

/** A head pinned earlier; with its hash, the event at that revision must be that very event. */
export interface ExpectedHead {
  revision: bigint;
  hash?: string;
}

export interface VerificationReport {
  valid: boolean;
  streams: number;
  events: number;
  /** ledgerDigest of the heads found, whatever their validity. */
  digest: string;
  /** Last stored event of every stream: what to pin for the next verification. */
  heads: Record<string, StreamHead>;
  /** Global position of the last event verified (undefined: none). */
  position?: bigint;
  /** The first break in global order (missing tails, found last, in streamId order). */
  firstBreak?: ChainBreak;
}

export interface VerifyOptions {
  /**
   * Verify the history as it stood at this global position: the events after it are not read,
   * and the digest is that of the heads then — the digest an AG's minutes pinned at that
   * position. Pinned heads, if any, are compared as usual (give none to check an old digest).
   */
  at?: bigint;
}

/**
 * Walks the log in global order and checks each stream's chain: revisions 0, 1, 2… without
 * gap, each `prevHash` equal to the previous event's `hash` (GENESIS_HASH for revision 0),
 * each `hash` equal to the hash recomputed from the event's content.
 */
export async function verifyEvents(events: AsyncIterable<RecordedEvent> | Iterable<RecordedEvent>, expectedHeads: Record<string, ExpectedHead> = {}, options: VerifyOptions = {}): Promise<VerificationReport> {
  const heads = new Map<string, StreamHead>();
  let count = 0;
  let position: bigint | undefined;
  let firstBreak: ChainBreak | undefined;
  const found = (streamId: string, revision: bigint, reason: ChainBreakReason) => {
    firstBreak ??= { streamId, revision, reason };
  };

  try {
    for await (const event of events) {
      // Global order: the first event beyond `at` ends the history as it then stood.
      if (options.at !== undefined && event.position > options.at) break;
      verifyOne(event);
    }
  } catch (error) {
    if (!(error instanceof UnreadableEventError)) throw error;
    found(error.streamId, error.revision, 'unreadable_event');
  }

  function verifyOne(event: RecordedEvent): void {
    count++;
    position = event.position;
    const previous = heads.get(event.streamId);
    const expectedRevision = previous ? previous.revision + 1n : 0n;
    if (event.revision > expectedRevision) found(event.streamId, expectedRevision, 'revision_gap');
    else if (event.revision < expectedRevision) found(event.streamId, event.revision, 'revision_out_of_order');
    else if (event.metadata.prevHash !== (previous?.hash ?? GENESIS_HASH)) found(event.streamId, event.revision, 'prev_hash_mismatch');
    else if (event.metadata.hash !== eventHash(event)) found(event.streamId, event.revision, 'hash_mismatch');

    const pinned = expectedHeads[event.streamId];
    if (pinned?.hash !== undefined && pinned.revision === event.revision && pinned.hash !== event.metadata.hash) {
      found(event.streamId, event.revision, 'head_mismatch');
    }
    // Later events are checked against what is stored, so one edit is reported once.
    heads.set(event.streamId, { revision: event.revision, hash: event.metadata.hash });
  }

  for (const streamId of Object.keys(expectedHeads).sort()) {
    const head = heads.get(streamId);
    if (!head || head.revision < expectedHeads[streamId].revision) {
      found(streamId, head ? head.revision + 1n : 0n, 'missing_tail');
    }
  }

  const headRecord = Object.fromEntries(heads);
  return {
    valid: firstBreak === undefined,
    streams: heads.size,
    events: count,
    digest: ledgerDigest(headRecord),
    heads: headRecord,
    ...(position !== undefined ? { position } : {}),
    ...(firstBreak ? { firstBreak } : {}),
  };
}

/**
 * The ledger digest pinned in AG minutes: sha256 hex of the stream heads sorted by streamId
 * (UTF-16 code units), one `streamId:revision:hash` per line, joined by "\n".
 */
export function ledgerDigest(heads: Record<string, StreamHead>): string {
  const lines = Object.keys(heads)
    .sort()
    .map((streamId) => `${streamId}:${heads[streamId].revision}:${heads[streamId].hash}`);
  return sha256Hex(lines.join('\n'));
}
