import { RuleViolation } from '../../rules/errors';

/**
 * COOP-SHARE-VALUE: one uniform nominal value. Changing it while shares are outstanding would
 * leave shares of two values side by side (and amounts no longer shares × value), so an amendment
 * may change it only while no share is outstanding.
 */
export function requireUniformShareValue(outstandingShares: number, fromCents: number, toCents: number): void {
  if (fromCents === toCents || outstandingShares === 0) return;
  throw new RuleViolation('COOP-SHARE-VALUE', `shareValueCents cannot change from ${fromCents} to ${toCents} while ${outstandingShares} shares are outstanding: every share must have the same nominal value`);
}
