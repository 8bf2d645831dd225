import { complianceReport, ComplianceReport, PendingRedemption, pendingRedemptions } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState } from './cooperative-ledger.projection';
import { cooperativeStateAsOf, eventsAsOf } from './ledger-folds';

/** The last report per cooperative: it replays every date of the history, so it is worth keeping. */
const lastReports = new WeakMap<CooperativeLedger, { asOf: string; covered: number; report: ComplianceReport }>();

/**
 * The legal checks as of a date (the domain's report over the events in force then).
 * Undefined for an unknown cooperative; the domain's NOT_FOUND when it was not registered yet.
 */
export function complianceAsOf(state: CooperativeLedgerState, coopId: string, asOf: string): ComplianceReport | undefined {
  const coop = state.coops[coopId];
  if (!coop) return undefined;
  const last = lastReports.get(coop);
  if (last && last.asOf === asOf && last.covered === coop.events.length) return last.report;
  const report = complianceReport(eventsAsOf(coop, asOf), asOf);
  lastReports.set(coop, { asOf, covered: coop.events.length, report });
  return report;
}

/** Withdrawn associates' shares not yet redeemed on `asOf`, in order of exit, with why each waits. */
export function pendingRedemptionsAsOf(state: CooperativeLedgerState, coopId: string, asOf: string): PendingRedemption[] | undefined {
  const coop = state.coops[coopId];
  if (!coop) return undefined;
  return pendingRedemptions(cooperativeStateAsOf(coop, asOf));
}
