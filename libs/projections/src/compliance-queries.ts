import { complianceReport, ComplianceReport, PendingRedemption, pendingRedemptions } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState } from './cooperative-ledger.projection';
import { cooperativeStateAsOf, eventsAsOf } from './ledger-folds';
import { ownEntry } from './own-entry';

/** An act recorded in a period already closed, with the reason given (LEDGER-PERIOD-CLOSED). */
export interface LateRecordingRow {
  eventId: string;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  reason: string;
}

export type ComplianceAnswer = ComplianceReport & { lateRecordings: LateRecordingRow[] };

/** The last report per cooperative: it replays every date of the history, so it is worth keeping. */
const lastReports = new WeakMap<CooperativeLedger, { asOf: string; covered: number; report: ComplianceAnswer }>();

/**
 * The legal checks as of a date (the domain's report over the events in force then).
 * Undefined for an unknown cooperative; the domain's NOT_FOUND when it was not registered yet.
 */
export function complianceAsOf(state: CooperativeLedgerState, coopId: string, asOf: string): ComplianceAnswer | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const last = lastReports.get(coop);
  if (last && last.asOf === asOf && last.covered === coop.events.length) return last.report;
  const report = { ...complianceReport(eventsAsOf(coop, asOf), asOf), lateRecordings: lateRecordingsOf(coop, asOf) };
  lastReports.set(coop, { asOf, covered: coop.events.length, report });
  return report;
}

/** Withdrawn associates' shares not yet redeemed on `asOf`, in order of exit, with why each waits. */
export function pendingRedemptionsAsOf(state: CooperativeLedgerState, coopId: string, asOf: string): PendingRedemption[] | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  return pendingRedemptions(cooperativeStateAsOf(coop, asOf));
}

/** The acts in force on `asOf` that were recorded in a closed period, in recording order, for the auditor. */
function lateRecordingsOf(coop: CooperativeLedger, asOf: string): LateRecordingRow[] {
  const rows: LateRecordingRow[] = [];
  for (const event of coop.events) {
    const data = event.data as { effectiveDate?: string; lateRecording?: { reason: string } };
    if (!data.lateRecording || data.effectiveDate === undefined || data.effectiveDate > asOf) continue;
    rows.push({ eventId: event.eventId, type: event.type, effectiveDate: data.effectiveDate, recordedAt: event.recordedAt, reason: data.lateRecording.reason });
  }
  return rows;
}
