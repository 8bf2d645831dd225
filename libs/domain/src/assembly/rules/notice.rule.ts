import { RuleViolation } from '../../rules/errors';
import { addDays, IsoDate } from '../../shared/dates';
import { AssemblyRules, Call } from '../assembly-events';

/** Whole days from `from` to `to` (calendar dates, no time of day, no time zone). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const utc = (date: IsoDate) => {
    const [y, m, d] = date.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/**
 * AG-NOTICE (C.com. R.225-69, R.225-77, R.223-20; statuts): the associates are convened at least
 * the statuts' notice before the assembly, counted as docs/api.md says: heldOn − convenedOn in
 * whole days. The notice is the one copied from the statuts for this call at convocation.
 */
export function requireNotice(rules: Pick<AssemblyRules, 'noticeDays' | 'companyForm'>, call: Call, convenedOn: IsoDate, heldOn: IsoDate): void {
  const required = rules.noticeDays;
  if (required === undefined) return;
  const given = daysBetween(convenedOn, heldOn);
  if (given >= required) return;
  throw new RuleViolation(
    'AG-NOTICE',
    `convened on ${convenedOn} for ${heldOn}: ${given} day${given === 1 ? '' : 's'} of notice; the statuts of this ${rules.companyForm} ask at least ${required} on ${call === 1 ? 'first' : 'second'} call — hold it on ${addDays(convenedOn, required)} or later`,
  );
}
