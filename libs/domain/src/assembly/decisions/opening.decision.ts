import { AssemblyEvent } from '../assembly-events';
import { AssemblyState } from '../assembly-state';
import { requireNotOpenedYet } from '../guards';
import { quorumAtOpening, requireQuorum } from '../rules/quorum.rule';

/** Opening checks the quorum on the attendance sheet (AG-QUORUM) and records the figures. */
export function openAssembly(state: AssemblyState): AssemblyEvent[] {
  const convocation = requireNotOpenedYet(state, 'open the assembly');
  const opening = quorumAtOpening(state, convocation);
  requireQuorum(convocation, opening);
  return [{ type: 'AssemblyOpened', data: opening }];
}
