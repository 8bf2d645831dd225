import { RuleViolation } from '../../rules/errors';
import type { ReserveBalances } from '../../fiscal-year/fiscal-year-events';
import { redemptionValueOf } from '../../fiscal-year/reserves';
import type { LossImputation } from '../statuts-surplus';

/**
 * COOP-REDEMPTION-NOMINAL (L1947 art. 18): a leaving associate gets back at most the nominal value
 * of the paid-up shares that leave — less losses charged to capital, so any lower amount is lawful.
 * Reserves are impartible (SCIC-IMPARTIBLE): nothing above the nominal, ever.
 */
export function requireRefundWithinPaidUpNominal(amountCents: number, leaving: { nominalCents: number; paidCents: number }): void {
  if (amountCents <= leaving.paidCents) return;
  throw new RuleViolation(
    'COOP-REDEMPTION-NOMINAL',
    `amountCents is ${amountCents} but the shares leaving carry ${leaving.paidCents} cents of paid-up nominal (of ${leaving.nominalCents} cents subscribed); a redemption repays at most the paid-up nominal`,
  );
}

/**
 * COOP-REDEMPTION-NOMINAL after losses (L1947 art. 18 al. 3): the shares leaving are worth their
 * nominal less their part of the report à nouveau débiteur, charged as the statuts say
 * (fiscal-year/reserves.ts); a refund above that value is refused.
 */
export function requireRefundWithinValueAfterLosses(
  amountCents: number,
  leaving: { shares: number; nominalCents: number; paidCents: number },
  figures: { shareValueCents: number; capitalCents: number; reserves: ReserveBalances; method: LossImputation },
): void {
  const value = redemptionValueOf({ ...leaving, ...figures });
  if (amountCents <= value.amountCents) return;
  throw new RuleViolation(
    'COOP-REDEMPTION-NOMINAL',
    `amountCents is ${amountCents} but the ${leaving.shares} shares leaving are worth ${value.amountCents} cents after their part of the losses (${value.lossCents} cents of a report à nouveau of ${figures.reserves.retainedEarningsCents} cents, charged ${figures.method})`,
  );
}
