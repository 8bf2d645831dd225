import { RuleViolation } from '../../rules/errors';
import { IsoDate } from '../../shared/dates';
import { ClosedPeriod } from '../commands';
import { LateRecording } from '../events';

/**
 * LEDGER-PERIOD-CLOSED: an act dated on or before the record date of a closed assembly, or the
 * end of a closed fiscal year, would change a voter list or accounts already relied on. It is
 * refused unless the command says why it is recorded late; the event then keeps the reason and
 * the compliance report lists it. Which periods are closed is another stream's knowledge: it
 * comes in with the command.
 */
export function requireOpenPeriod(date: IsoDate, closedPeriods: readonly ClosedPeriod[] | undefined, lateRecording: LateRecording | undefined): void {
  const closing = (closedPeriods ?? []).filter((p) => date <= p.through).sort((a, b) => (a.through < b.through ? 1 : a.through > b.through ? -1 : 0))[0];
  if (!closing) return;
  if (lateRecording && typeof lateRecording.reason === 'string' && lateRecording.reason.trim() !== '') return;
  throw new RuleViolation(
    'LEDGER-PERIOD-CLOSED',
    `the act is dated ${date}, in the period closed through ${closing.through} by ${closing.by}: it would change what was already relied on; record it late with lateRecording.reason if it must be`,
  );
}
