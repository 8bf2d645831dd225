import { requireOneOf } from '../../cooperative/guards';
import { DomainError } from '../../rules/errors';
import { AssemblyCommandOf } from '../assembly-commands';
import { AssemblyEvent, ATTENDANCE_MODES } from '../assembly-events';
import { AssemblyState, own } from '../assembly-state';
import { requireConvened } from '../guards';
import { requireBlankProxyAllowed } from '../rules/blank-proxy.rule';
import { requireProxyHolder } from '../rules/proxy-holder.rule';
import { requireProxyWithinLimit } from '../rules/proxy-limit.rule';
import { requireVoter } from '../rules/voters.rule';

/**
 * The attendance sheet, taken before the assembly opens (the quorum is checked on it). A late
 * arrival, recorded once the assembly is open, counts for the resolutions not yet closed: the
 * event names the first of them in the agenda's order, from which the minutes count it; the
 * quorum stays the one reckoned at opening.
 * A proxy names the associate who holds it, or nobody (a blank proxy, AG-BLANK-PROXY).
 */
export function recordAttendance(cmd: AssemblyCommandOf<'RecordAttendance'>, state: AssemblyState): AssemblyEvent[] {
  const convocation = requireConvened(state);
  if (state.status !== 'convened' && state.status !== 'open') throw new DomainError('INVALID_STATE', `cannot record attendance: the assembly is ${state.status}`);
  const late = state.status === 'open';
  const countsFrom = late ? (state.resolutionOrder.find((id) => state.resolutions[id].status !== 'closed') ?? null) : undefined;
  if (late && countsFrom === null) throw new DomainError('INVALID_STATE', 'cannot record a late arrival: every resolution is already closed');
  requireOneOf(cmd.mode, ATTENDANCE_MODES, 'mode');
  requireVoter(state, cmd.associateId);
  const already = own(state.attendance, cmd.associateId);
  if (already) throw new DomainError('ALREADY_EXISTS', `the attendance of ${cmd.associateId} is already recorded (${already.mode})`);
  const holderId = cmd.proxyHolderId ?? null;
  if (cmd.mode !== 'proxy' && holderId !== null) throw new DomainError('INVALID_VALUE', `proxyHolderId is for mode proxy only, not ${cmd.mode}`);
  if (cmd.mode === 'proxy') {
    if (holderId === null) requireBlankProxyAllowed(convocation.rules, cmd.associateId);
    else {
      if (typeof holderId !== 'string' || holderId.trim() === '') throw new DomainError('INVALID_VALUE', 'proxyHolderId must not be empty (omit it for a blank proxy)');
      requireProxyHolder(state, cmd.associateId, holderId);
      requireProxyWithinLimit(state, holderId);
    }
  }
  return [{ type: 'AttendanceRecorded', data: { associateId: cmd.associateId, mode: cmd.mode, proxyHolderId: holderId, ...(late ? { countsFrom } : {}) } }];
}
