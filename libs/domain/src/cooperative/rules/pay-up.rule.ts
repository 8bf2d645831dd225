import { RuleViolation } from '../../rules/errors';
import { ceilBpOf } from '../../shared/fraction';
import { euros, percent } from '../../shared/format';
import { Statuts } from '../statuts';

/**
 * COOP-PAYUP-QUARTER (L1947 art. 12): at least a quarter of each subscription — or the higher
 * minimum of the statuts — is paid at subscription. "At least" is rounded up to the cent.
 */
export function requirePaidAtSubscription(statuts: Statuts, amountCents: number, paidCents: number): void {
  const least = ceilBpOf(amountCents, statuts.minimumPaidAtSubscriptionBp);
  if (paidCents >= least) return;
  throw new RuleViolation(
    'COOP-PAYUP-QUARTER',
    `paidCents is ${paidCents} (${euros(paidCents)}) but at least ${least} cents (${percent(statuts.minimumPaidAtSubscriptionBp)} of the ${amountCents} cents subscribed) must be paid at subscription`,
  );
}
