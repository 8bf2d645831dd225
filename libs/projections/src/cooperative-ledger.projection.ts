import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { CooperativeEvent } from '@ledger/domain';
import { Projection } from './projection';
import { addEntry, dictionary, ownEntry } from './own-entry';

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

/**
 * The cooperative streams kept whole, so that any as-of date can be answered by folding them
 * in effective-date order. `apply` only pushes: the effective-date index and the folded
 * states are derived lazily (see ledger-folds.ts) and stay out of the snapshot, which keeps a
 * replay of 100,000 movements linear and the snapshot no bigger than the events themselves.
 */
export const cooperativeLedgerProjection: Projection<CooperativeLedgerState> = {
  name: 'cooperatives',
  version: 1,
  init: () => ({ coops: dictionary(), coopOrder: [] }),
  apply(state: CooperativeLedgerState, event: RecordedEvent): CooperativeLedgerState {
    if (!event.streamId.startsWith(COOPERATIVE_STREAM)) return state;
    const coopId = event.streamId.slice(COOPERATIVE_STREAM.length);
    let coop = ownEntry(state.coops, coopId);
    if (!coop) {
      coop = addEntry(state.coops, coopId, { coopId, revision: -1, events: [] });
      state.coopOrder.push(coopId);
    }
    coop.revision = Number(event.revision);
    coop.events.push({
      position: event.position.toString(),
      revision: coop.revision,
      eventId: event.metadata.eventId,
      recordedAt: event.metadata.recordedAt,
      type: event.type as CooperativeEvent['type'],
      data: event.data as unknown as CooperativeEvent['data'],
    });
    return state;
  },
};

export function cooperativeRevision(state: CooperativeLedgerState, coopId: string): number | undefined {
  return ownEntry(state.coops, coopId)?.revision;
}
