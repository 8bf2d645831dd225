import { RuleViolation } from '../../rules/errors';
import { Voter } from '../assembly-events';
import { AssemblyState, own } from '../assembly-state';

/**
 * AG-VOTERS (L1947 art. 9; practice): the voter list is fixed at the record date. Only an
 * associate on it attends, votes, or holds a proxy; the list is never amended after convocation.
 */
export function requireVoter(state: AssemblyState, associateId: string, as = 'associate'): Voter {
  const voter = own(state.voters, associateId);
  if (voter) return voter;
  throw new RuleViolation('AG-VOTERS', `${as} ${associateId} is not on the voter list fixed at the record date ${state.convocation?.recordDate ?? ''} (${state.voterCount} associates with voting rights)`);
}
