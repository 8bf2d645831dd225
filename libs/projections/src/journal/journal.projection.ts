import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { eventIdOf, recordedAtOf } from '@ledger/event-store/stored-rows';
import type { FiscalYearEvent } from '@ledger/domain';
import { Projection } from '../projection';
import { FiscalYearRecord } from './fiscal-year-entries';
import { parisDateOf } from './paris-date';

const FISCAL_YEAR_STREAM = /^fiscalyear-([^.]+)\.\d{4}$/;

/**
 * The half of the journal the cooperative ledger does not keep: the events of every fiscal-year
 * stream, per cooperative, in the order of the global log. The capital half is read from the
 * cooperative ledger's events (cooperative-ledger.projection.ts), which already holds them all:
 * a second copy of 100,000 movements in the snapshots would buy nothing.
 */
export interface JournalState {
  coops: Record<string, { fiscalYears: FiscalYearRecord[] }>;
}

export const journalProjection: Projection<JournalState> = {
  name: 'journal',
  version: 1,
  init: () => ({ coops: {} }),
  apply(state: JournalState, event: RecordedEvent): JournalState {
    // The prefix first: a replay passes a million events of other streams through here.
    const coopId = event.streamId.startsWith('fiscalyear-') ? FISCAL_YEAR_STREAM.exec(event.streamId)?.[1] : undefined;
    if (coopId === undefined) return state;
    const coop = (state.coops[coopId] ??= { fiscalYears: [] });
    coop.fiscalYears.push({
      position: Number(event.position),
      recordedOn: parisDateOf(recordedAtOf(event)),
      eventId: eventIdOf(event),
      type: event.type as FiscalYearEvent['type'],
      data: event.data as unknown as FiscalYearEvent['data'],
    });
    return state;
  },
};
