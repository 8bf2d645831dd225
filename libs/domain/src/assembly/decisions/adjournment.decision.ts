import { requireText } from '../../cooperative/guards';
import { AssemblyCommandOf } from '../assembly-commands';
import { AssemblyEvent } from '../assembly-events';
import { AssemblyState } from '../assembly-state';
import { requireOpen } from '../guards';

/**
 * An open assembly that will not go on (the room lost, the meeting interrupted) is adjourned
 * with its reason: the resolutions not yet closed were not put to the vote, and say so. Those
 * already closed keep their outcome.
 */
export function adjournAssembly(cmd: AssemblyCommandOf<'AdjournAssembly'>, state: AssemblyState): AssemblyEvent[] {
  requireOpen(state, 'adjourn the assembly');
  requireText(cmd.reason, 'reason');
  const notVoted = state.resolutionOrder.filter((id) => state.resolutions[id].status !== 'closed');
  return [{ type: 'AssemblyAdjourned', data: { reason: cmd.reason.trim(), notVoted } }];
}
