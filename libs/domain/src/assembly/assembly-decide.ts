import { assertNever } from '../rules/errors';
import { AssemblyCommand } from './assembly-commands';
import { AssemblyEvent } from './assembly-events';
import { AssemblyState } from './assembly-state';
import { adjournAssembly } from './decisions/adjournment.decision';
import { recordAttendance } from './decisions/attendance.decision';
import { recordBureau } from './decisions/bureau.decision';
import { closeAssembly, closeResolution } from './decisions/closing.decision';
import { conveneAssembly } from './decisions/convene.decision';
import { openAssembly } from './decisions/opening.decision';
import { castBallot, recordShowOfHands } from './decisions/voting.decision';

/**
 * The assembly stream's decider: pure, no clock, no I/O, never mutates `state`. Throws
 * `RuleViolation` (a legal rule, 422 with the rule id and article) or `DomainError` (a command
 * that makes no sense against the assembly); returns the events to append otherwise.
 * Every command but the closings is O(1); closing a resolution is O(collèges).
 */
export function decideAssembly(command: AssemblyCommand, state: AssemblyState): AssemblyEvent[] {
  switch (command.type) {
    case 'ConveneAssembly':
      return conveneAssembly(command, state);
    case 'RecordAttendance':
      return recordAttendance(command, state);
    case 'OpenAssembly':
      return openAssembly(state);
    case 'RecordBureau':
      return recordBureau(command, state);
    case 'AdjournAssembly':
      return adjournAssembly(command, state);
    case 'CastBallot':
      return castBallot(command, state);
    case 'RecordShowOfHands':
      return recordShowOfHands(command, state);
    case 'CloseResolution':
      return closeResolution(command, state);
    case 'CloseAssembly':
      return closeAssembly(command, state);
    default:
      return assertNever(command);
  }
}
