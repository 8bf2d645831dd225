import { DomainError } from '../rules/errors';
import { AssemblyState, AttendanceState, Convocation, own, ResolutionState } from './assembly-state';

/**
 * Guards that are not law: a command that makes no sense against the assembly as it stands
 * (DomainError). The legal rules are in rules/, one per file.
 */

export function requireConvened(state: AssemblyState): Convocation {
  if (state.convocation && state.status !== 'none') return state.convocation;
  throw new DomainError('NOT_FOUND', 'no assembly has been convened on this stream');
}

/** Attendance is taken before the assembly opens: the quorum is checked on it at opening. */
export function requireNotOpenedYet(state: AssemblyState, act: string): Convocation {
  const convocation = requireConvened(state);
  if (state.status === 'convened') return convocation;
  throw new DomainError('INVALID_STATE', state.status === 'open' ? `cannot ${act}: the assembly is already open` : `cannot ${act}: the assembly is ${state.status}`);
}

export function requireOpen(state: AssemblyState, act: string): Convocation {
  const convocation = requireConvened(state);
  if (state.status === 'open') return convocation;
  throw new DomainError(
    'INVALID_STATE',
    state.status === 'convened' ? `cannot ${act}: the assembly is not open yet; record the attendance, then open it (the quorum is checked at opening)` : `cannot ${act}: the assembly is ${state.status}`,
  );
}

export function requireResolution(state: AssemblyState, resolutionId: string): ResolutionState {
  const resolution = own(state.resolutions, resolutionId);
  if (resolution) return resolution;
  throw new DomainError('NOT_FOUND', `no resolution ${resolutionId} on the agenda of this assembly`);
}

export function requireResolutionNotClosed(resolution: ResolutionState, act: string): void {
  if (resolution.status !== 'closed') return;
  throw new DomainError('INVALID_STATE', `cannot ${act}: resolution ${resolution.spec.id} is closed (${resolution.outcome})`);
}

export function requireAttending(state: AssemblyState, associateId: string): AttendanceState {
  const attendance = own(state.attendance, associateId);
  if (attendance) return attendance;
  throw new DomainError('INVALID_STATE', `${associateId} is not recorded as attending (present, remote, by mail or by proxy): only attendees vote`);
}

/** A resolution is voted by ballots or by show of hands, never both. */
export function requireMethod(resolution: ResolutionState, method: 'ballots' | 'show_of_hands'): void {
  if (resolution.method === null || resolution.method === method) return;
  throw new DomainError(
    'INVALID_STATE',
    method === 'ballots'
      ? `resolution ${resolution.spec.id} is voted by show of hands: it takes no individual ballot (the two are never mixed)`
      : `resolution ${resolution.spec.id} is voted by ballots (${resolution.ballotCount} cast): it takes no show of hands (the two are never mixed)`,
  );
}

/** A head count: a whole number, zero or more. */
export function requireCount(value: unknown, field: string): asserts value is number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return;
  throw new DomainError('INVALID_VALUE', `${field} must be a whole number of at least 0, not ${String(value)}`);
}
