import { ResolutionRef } from '../cooperative/events';
import { DomainError } from '../rules/errors';
import { IsoDate } from '../shared/dates';
import { Outcome, ResolutionKind } from './assembly-events';
import { AssemblyState, AssemblyStatus, own } from './assembly-state';

/**
 * What an assembly stream says of one resolution, carried as data by a command of another
 * stream that acts under it (a statuts amendment, later a surplus allocation): the write path
 * reads it from the assembly, the deciding stream checks it. Null: no such assembly.
 */
export interface ResolutionRecord {
  coopId: string;
  assemblyId: string;
  assemblyStatus: AssemblyStatus;
  heldOn: IsoDate;
  resolutionId: string;
  /** Null: the assembly has no such resolution. */
  kind: ResolutionKind | null;
  /** Null: not closed (or no such resolution). */
  outcome: Outcome | null;
}

export function resolutionRecordOf(state: AssemblyState | undefined, resolutionId: string): ResolutionRecord | null {
  const convocation = state?.convocation;
  if (!state || !convocation || state.status === 'none') return null;
  const resolution = own(state.resolutions, resolutionId);
  return {
    coopId: convocation.coopId,
    assemblyId: convocation.assemblyId,
    assemblyStatus: state.status,
    heldOn: convocation.heldOn,
    resolutionId,
    kind: resolution?.spec.kind ?? null,
    outcome: resolution?.outcome ?? null,
  };
}

/**
 * A resolution binds once adopted by a closed assembly of the same cooperative: "each change
 * [of the statuts] is a StatutsAmended event tied to the extraordinary resolution that adopted
 * it" (docs/rules.md). Passes for such a resolution of the kind required, says why otherwise.
 */
export function requireAdoptedResolution(record: ResolutionRecord | null | undefined, coopId: string, ref: ResolutionRef, kind: ResolutionKind): ResolutionRecord {
  if (!record || record.assemblyId !== ref.assemblyId || record.resolutionId !== ref.resolutionId) {
    throw new DomainError('INVALID_STATE', `assembly ${ref.assemblyId}, named for resolution ${ref.resolutionId}, does not exist`);
  }
  const { assemblyId, resolutionId } = record;
  if (record.coopId !== coopId) throw new DomainError('INVALID_STATE', `assembly ${assemblyId} is an assembly of cooperative ${record.coopId}, not of ${coopId}`);
  if (record.assemblyStatus !== 'closed') {
    throw new DomainError('INVALID_STATE', `assembly ${assemblyId} is ${record.assemblyStatus === 'open' ? 'still open' : 'not held yet'}: a resolution binds once the assembly is closed`);
  }
  if (record.kind === null) throw new DomainError('INVALID_STATE', `assembly ${assemblyId} has no resolution ${resolutionId}`);
  if (record.kind !== kind) throw new DomainError('INVALID_STATE', `resolution ${resolutionId} of assembly ${assemblyId} is ${record.kind}; only an ${kind} resolution may decide this`);
  if (record.outcome !== 'adopted') throw new DomainError('INVALID_STATE', `resolution ${resolutionId} of assembly ${assemblyId} was rejected; only an adopted resolution binds`);
  return record;
}
