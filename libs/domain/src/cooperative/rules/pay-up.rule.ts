import { RuleViolation } from '../../rules/errors';
import { ceilBpOf } from '../../shared/fraction';
import { euros, percent } from '../../shared/format';
import { Statuts } from '../statuts';
import { FULL_BP, LEGAL } from '../thresholds';

/**
 * COOP-PAYUP-QUARTER (L1947 art. 12): at least a quarter of each subscription — or the higher
 * minimum of the statuts — is paid at subscription. "At least" is rounded up to the cent.
 * A SCOP's shares are paid in full at subscription (L1978 art. 27); only a SCOP SA may take a
 * quarter, with the balance within 3 years. The statuts may ask more, never less.
 */
export function requirePaidAtSubscription(statuts: Statuts, amountCents: number, paidCents: number): void {
  const minimumBp = minimumPaidAtSubscriptionBp(statuts);
  const least = ceilBpOf(amountCents, minimumBp);
  if (paidCents >= least) return;
  const scopInFull = statuts.legalForm === 'SCOP' && statuts.companyForm !== 'SA';
  throw new RuleViolation(
    'COOP-PAYUP-QUARTER',
    scopInFull
      ? `paidCents is ${paidCents} (${euros(paidCents)}) but a SCOP ${statuts.companyForm} takes shares paid in full at subscription (L1978 art. 27): ${amountCents} cents`
      : `paidCents is ${paidCents} (${euros(paidCents)}) but at least ${least} cents (${percent(minimumBp)} of the ${amountCents} cents subscribed) must be paid at subscription`,
  );
}

/** The least share of a subscription paid at once: the statuts' minimum, never below the law's. */
export function minimumPaidAtSubscriptionBp(statuts: Statuts): number {
  if (statuts.legalForm === 'SCOP' && statuts.companyForm !== 'SA') return FULL_BP;
  return Math.max(statuts.minimumPaidAtSubscriptionBp, LEGAL.minimumPaidAtSubscriptionBp);
}

/** The longest delay for the balance: the statuts', never beyond 3 years for a SCOP SA (L1978 art. 27). */
export function paymentDelayMonthsOf(statuts: Statuts): number {
  return statuts.legalForm === 'SCOP' ? Math.min(statuts.paymentDelayMonths, LEGAL.scopSaMaximumPaymentDelayMonths) : statuts.paymentDelayMonths;
}
