import { RuleViolation } from '../../rules/errors';

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
