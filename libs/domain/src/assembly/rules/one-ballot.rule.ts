import { RuleViolation } from '../../rules/errors';
import { own, ResolutionState } from '../assembly-state';

/**
 * AG-ONE-BALLOT (L1947 art. 9, one associate one vote): one ballot per associate per
 * resolution, whoever casts it — the associate, or the holder of their proxy.
 */
export function requireFirstBallot(resolution: ResolutionState, associateId: string): void {
  if (own(resolution.ballots, associateId) === undefined) return;
  throw new RuleViolation('AG-ONE-BALLOT', `a ballot for ${associateId} on resolution ${resolution.spec.id} is already cast; one associate, one ballot`);
}
