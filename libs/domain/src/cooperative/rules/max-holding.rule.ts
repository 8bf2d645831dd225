import { RuleViolation } from '../../rules/errors';
import { addYears, IsoDate } from '../../shared/dates';
import { atMostBp, bpFloor } from '../../shared/fraction';
import { euros, percent } from '../../shared/format';
import { CapitalPicture } from '../capital-picture';
import { associateOf, CooperativeState } from '../state';
import { Statuts } from '../statuts';
import { LEGAL } from '../thresholds';

/**
 * SCOP-MAX-HOLDING (L1978 art. 24, 49 bis): no associate of a SCOP holds more than half of the
 * capital (exactly half is allowed). A subscription or transfer is judged on the associate who
 * receives the shares, once another associate holds shares too: the act that takes them above
 * the limit is refused. Not refused, only reported (compliance): the founding subscriptions,
 * effective on the registration date, which are judged together at the end of that day; and a
 * state others' exits or redemptions bring about. Waived for the 7 years after a conversion
 * (SCOP-AMORCAGE, art. 49 bis).
 */
export function requireHoldingWithinMaximum(statuts: Statuts, state: CooperativeState, receiver: { id: string; subscribedCents: number }, after: CapitalPicture, date: IsoDate): void {
  if (!maxHoldingApplies(statuts, date)) return;
  if (atMostBp(receiver.subscribedCents, after.capitalCents, LEGAL.scopMaximumHoldingBp)) return;
  if (!anotherHolder(state, receiver.id)) return;
  throw new RuleViolation(
    'SCOP-MAX-HOLDING',
    `${receiver.id} would hold ${receiver.subscribedCents} cents (${euros(receiver.subscribedCents)}) of a capital of ${after.capitalCents} cents (${percent(bpFloor(receiver.subscribedCents, after.capitalCents))}, rounded down); no associate of a SCOP may hold more than ${percent(LEGAL.scopMaximumHoldingBp)}`,
  );
}

/** Not on the registration date (founders are judged together at the day's end), nor during the 7 years after a conversion. */
export function maxHoldingApplies(statuts: Statuts, date: IsoDate): boolean {
  if (statuts.legalForm !== 'SCOP' || date <= statuts.registeredOn) return false;
  return !withinConversionWaiver(statuts, date);
}

/** SCOP-AMORCAGE (L1978 art. 49 bis): the ½ limit does not apply for 7 years counted from the conversion date. */
export function withinConversionWaiver(statuts: Statuts, date: IsoDate): boolean {
  return statuts.amorcageConvertedOn !== null && date < addYears(statuts.amorcageConvertedOn, LEGAL.scopAmorcageYearsAfterConversion);
}

/** Someone other than `id` holds shares: stops at the first found. */
function anotherHolder(state: CooperativeState, id: string): boolean {
  for (const other of state.associateOrder) {
    if (other === id) continue;
    if ((associateOf(state, other)?.subscribedCents ?? 0) > 0) return true;
  }
  return false;
}
