import { DomainError } from '../rules/errors';
import { ResolutionSpec } from './assembly-events';
import { AssemblyState, own } from './assembly-state';

/**
 * "Each change [of the statuts] is a StatutsAmended event tied to the extraordinary resolution
 * that adopted it" (RULES.md). The statuts-amendment handler calls this with the assembly's
 * state (undefined when its stream does not exist): it passes only for an extraordinary
 * resolution adopted by a closed assembly of the same cooperative, and says why otherwise.
 */
export function requireAdoptedExtraordinaryResolution(
  state: AssemblyState | undefined,
  coopId: string,
  resolutionId: string,
): { assemblyId: string; resolution: ResolutionSpec; heldOn: string } {
  const convocation = state?.convocation;
  if (!state || !convocation || state.status === 'none') throw new DomainError('INVALID_STATE', `the assembly named for resolution ${resolutionId} does not exist`);
  const assemblyId = convocation.assemblyId;
  if (convocation.coopId !== coopId) throw new DomainError('INVALID_STATE', `assembly ${assemblyId} is an assembly of cooperative ${convocation.coopId}, not of ${coopId}`);
  if (state.status !== 'closed') throw new DomainError('INVALID_STATE', `assembly ${assemblyId} is ${state.status === 'open' ? 'still open' : 'not held yet'}: a resolution binds once the assembly is closed`);
  const resolution = own(state.resolutions, resolutionId);
  if (!resolution) throw new DomainError('INVALID_STATE', `assembly ${assemblyId} has no resolution ${resolutionId}`);
  if (resolution.spec.kind !== 'extraordinary') {
    throw new DomainError('INVALID_STATE', `resolution ${resolutionId} of assembly ${assemblyId} is ordinary; only an extraordinary resolution amends the statuts`);
  }
  if (resolution.outcome !== 'adopted') throw new DomainError('INVALID_STATE', `resolution ${resolutionId} of assembly ${assemblyId} was rejected; only an adopted resolution amends the statuts`);
  return { assemblyId, resolution: resolution.spec, heldOn: convocation.heldOn };
}
