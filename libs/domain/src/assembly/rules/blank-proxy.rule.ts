import { RuleViolation } from '../../rules/errors';
import { AssemblyRules } from '../assembly-events';
import { AttendanceState, isBlankProxy } from '../assembly-state';

/**
 * AG-BLANK-PROXY (model statuts; unverified): a proxy with no named holder votes for the
 * resolutions the board approves and against the others — when the statuts say so (default
 * on). Otherwise a proxy must name its holder.
 */
export function requireBlankProxyAllowed(rules: AssemblyRules, associateId: string): void {
  if (rules.blankProxyVotesWithBoard) return;
  throw new RuleViolation('AG-BLANK-PROXY', `the proxy of ${associateId} names no holder, and these statuts do not let blank proxies vote with the board: name the associate who holds it`);
}

/** AG-BLANK-PROXY: a blank proxy's vote follows the board, decided at closing; nobody casts it. */
export function requireNotBlankProxy(attendance: AttendanceState): void {
  if (!isBlankProxy(attendance)) return;
  throw new RuleViolation('AG-BLANK-PROXY', `${attendance.associateId} gave a blank proxy: it votes for the resolutions the board approves and against the others, counted at closing; no ballot is cast for it`);
}
