import { RuleViolation } from '../../rules/errors';
import { AssemblyEvent } from '../assembly-events';
import { AssemblyState } from '../assembly-state';
import { requireNotOpenedYet } from '../guards';
import { quorumAtOpening, requireQuorum } from '../rules/quorum.rule';

/**
 * Opening checks the quorum on the attendance sheet (AG-QUORUM) and records the figures. An
 * assembly with nobody present or represented does not open, whatever quorum the statuts set
 * (0 % included): there would be no one to deliberate, and no one to sign its minutes.
 */
export function openAssembly(state: AssemblyState): AssemblyEvent[] {
  const convocation = requireNotOpenedYet(state, 'open the assembly');
  const opening = quorumAtOpening(state, convocation);
  if (opening.total === 0) {
    throw new RuleViolation('AG-QUORUM', `nobody of the ${opening.voters} associates on the voter list is present or represented: an assembly opens with at least one of them, whatever the statuts' quorum`);
  }
  requireQuorum(convocation, opening);
  return [{ type: 'AssemblyOpened', data: opening }];
}
