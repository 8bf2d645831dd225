import { DomainError } from '../../rules/errors';
import { addDays } from '../../shared/dates';
import { CommandOf } from '../commands';
import { CooperativeEvent } from '../events';
import { requireActDate, requireCents } from '../guards';
import { CooperativeState } from '../state';
import { fiscalYearEndOf } from '../statuts-surplus';

/**
 * A ledger that starts in a cooperative's life takes the reserves it finds, once, on the first day
 * of a fiscal year (the day after a fiscal year's end under the statuts then in force, or the
 * registration date): the years before it are not the ledger's to allocate.
 */
export function recordOpeningBalances(cmd: CommandOf<'RecordOpeningBalances'>, state: CooperativeState): CooperativeEvent[] {
  const statuts = requireActDate(state, cmd.effectiveDate, 'asOf');
  if (state.openingBalances) throw new DomainError('ALREADY_EXISTS', `opening balances were already recorded as of ${state.openingBalances.asOf}; they are recorded once`);
  const fiscalYearEnd = fiscalYearEndOf(statuts);
  if (cmd.effectiveDate !== statuts.registeredOn && addDays(cmd.effectiveDate, -1).slice(5) !== fiscalYearEnd) {
    throw new DomainError('INVALID_VALUE', `asOf ${cmd.effectiveDate} is not the first day of a fiscal year: the statuts end fiscal years on ${fiscalYearEnd} (MM-DD), so one starts the day after`);
  }
  requireCents(cmd.legalReserveCents, 'legalReserveCents');
  requireCents(cmd.statutoryReserveCents, 'statutoryReserveCents');
  requireCents(cmd.retainedEarningsCents, 'retainedEarningsCents', Number.MIN_SAFE_INTEGER);
  if (cmd.highestCapitalCents !== undefined) requireCents(cmd.highestCapitalCents, 'highestCapitalCents');
  return [
    {
      type: 'OpeningBalancesRecorded',
      data: {
        legalReserveCents: cmd.legalReserveCents,
        statutoryReserveCents: cmd.statutoryReserveCents,
        retainedEarningsCents: cmd.retainedEarningsCents,
        ...(cmd.highestCapitalCents !== undefined ? { highestCapitalCents: cmd.highestCapitalCents } : {}),
        effectiveDate: cmd.effectiveDate,
      },
    },
  ];
}
