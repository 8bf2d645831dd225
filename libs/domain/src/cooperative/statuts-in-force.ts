import { IsoDate } from '../shared/dates';
import { CooperativeState } from './state';
import { Statuts } from './statuts';
import { LEGAL } from './thresholds';

/**
 * The statuts in force on a date: every check uses those of the act's effective date (docs/rules.md).
 * Amendments are recorded in non-decreasing effective order (the decider sees to it), so the
 * last entry on or before the date is the one; null before registration.
 */
export function statutsInForce(state: CooperativeState, date: IsoDate): Statuts | null {
  let inForce: Statuts | null = null;
  for (const entry of state.statutsHistory) {
    if (entry.effectiveDate <= date) inForce = entry.statuts;
  }
  return inForce;
}

/**
 * SCOP-AMORCAGE (L1978 art. 49 ter): the cooperators must hold 50 % of the capital "au plus
 * tard le 31 décembre de la septième année suivant celle de la transformation" — the 7th year
 * after the conversion year, so a conversion in 2024 has until 2031-12-31.
 */
export function amorcageDeadline(statuts: Statuts): IsoDate | null {
  if (statuts.legalForm !== 'SCOP' || statuts.amorcageConvertedOn === null) return null;
  const conversionYear = Number(statuts.amorcageConvertedOn.slice(0, 4));
  return `${conversionYear + LEGAL.scopAmorcageYearsAfterConversion}-12-31`;
}

/** While true, SCOP-CAP-51 is a report (50 % by the deadline), not a reason to refuse an act. */
export function withinAmorcage(statuts: Statuts, date: IsoDate): boolean {
  const deadline = amorcageDeadline(statuts);
  return deadline !== null && date <= deadline;
}
