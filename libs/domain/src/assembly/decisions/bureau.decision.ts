import { DomainError } from '../../rules/errors';
import { AssemblyCommandOf } from '../assembly-commands';
import { AssemblyEvent, BureauMember } from '../assembly-events';
import { AssemblyState, own } from '../assembly-state';
import { requireConvened } from '../guards';

/**
 * The bureau of the meeting — président de séance, secrétaire, scrutateurs — who sign the
 * procès-verbal. Recorded any time before the assembly ends; a later record replaces it. Each
 * is an associate of the voter list (named from it) or a person named outright.
 */
export function recordBureau(cmd: AssemblyCommandOf<'RecordBureau'>, state: AssemblyState): AssemblyEvent[] {
  requireConvened(state);
  if (state.status === 'closed' || state.status === 'adjourned') throw new DomainError('INVALID_STATE', `cannot record the bureau: the assembly is ${state.status}`);
  if (cmd.scrutineers !== undefined && cmd.scrutineers !== null && !Array.isArray(cmd.scrutineers)) throw new DomainError('INVALID_VALUE', 'scrutineers must be a list');
  const scrutineers = (cmd.scrutineers ?? []).map((m, i) => member(state, m, `scrutineers[${i}]`));
  return [{ type: 'BureauRecorded', data: { president: member(state, cmd.president, 'president'), secretary: member(state, cmd.secretary, 'secretary'), scrutineers } }];
}

function member(state: AssemblyState, given: Partial<BureauMember> | null | undefined, field: string): BureauMember {
  if (!given || typeof given !== 'object') throw new DomainError('INVALID_VALUE', `${field} must name an associate (associateId) or a person (name)`);
  const associateId = typeof given.associateId === 'string' && given.associateId.trim() !== '' ? given.associateId : null;
  const name = typeof given.name === 'string' ? given.name.trim() : '';
  if (associateId !== null) {
    const voter = own(state.voters, associateId);
    if (!voter) throw new DomainError('INVALID_VALUE', `${field}: ${associateId} is not on the voter list of this assembly; name a person who is not an associate with name alone`);
    return { associateId, name: name || voter.name || associateId };
  }
  if (name === '') throw new DomainError('INVALID_VALUE', `${field} must name an associate (associateId) or a person (name)`);
  return { associateId: null, name };
}
