import { DomainError } from '../rules/errors';
import { addDays, IsoDate } from '../shared/dates';
import type { CooperativeState } from '../cooperative/state';
import { statutsInForce } from '../cooperative/statuts-in-force';
import { fiscalYearEndOf } from '../cooperative/statuts-surplus';

/** A fiscal year as the statuts draw it: inclusive dates and its number of days (366 across a 29 February). */
export interface FiscalPeriod {
  readonly year: number;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly days: number;
}

/**
 * Fiscal year `year` ends on `year-<fiscalYearEnd>` of the statuts in force on that year's
 * 31 December, and starts the day after the previous one's end — or, for the first year the
 * ledger handles, on the opening balances' date or the registration date.
 */
export function fiscalPeriodOf(state: CooperativeState, year: number): FiscalPeriod {
  if (!state.statuts) throw new DomainError('NOT_FOUND', 'the cooperative has no statuts: adopt them first');
  if (!Number.isInteger(year) || year < 1800 || year > 2999) throw new DomainError('INVALID_VALUE', `year must be a calendar year, not ${String(year)}`);
  const endOf = (y: number): IsoDate => `${y}-${fiscalYearEndOf(statutsInForce(state, `${y}-12-31`) ?? state.statuts!)}`;
  const first = state.openingBalances?.asOf ?? state.statuts.registeredOn;
  const endsOn = endOf(year);
  if (endsOn < first) throw new DomainError('NOT_FOUND', `fiscal year ${year} ended on ${endsOn}, before the first fiscal year the ledger handles (from ${first})`);
  const afterPrevious = addDays(endOf(year - 1), 1);
  const startsOn = afterPrevious > first ? afterPrevious : first;
  return { year, startsOn, endsOn, days: daysBetween(startsOn, endsOn) + 1 };
}

/** Whole days from `from` to `to` (to − from). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function dayNumber(date: IsoDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
