import { DomainError, RuleViolation } from '../rules/errors';
import { IsoDate, isIsoDate } from '../shared/dates';
import { CooperativeCommand } from './commands';
import { decide } from './decide';
import { effectiveDateOf } from './effective-order';
import { CooperativeEvent } from './events';
import { evolve } from './evolve';
import { requireNewMovement, requireOnOrAfter, requireText } from './guards';
import { CooperativeHistory, foldPrefix, insertionIndex } from './history';
import { checkRecordedAct, describeAct, requirePossibleAfter } from './recorded-act.check';
import { requireOpenPeriod } from './rules/period-closed.rule';
import { associateOf, CooperativeState, movementOf } from './state';

/**
 * Every date holds. An act is judged as of its effective date, on the history it enters: the
 * decision runs on the cooperative as it stood that day (the acts effective up to it, whenever
 * recorded), then every act dated after it is checked again with the new one inserted — holdings
 * and paid-up capital possible, no act after an exit, every "reject" rule met on its date. A
 * command that would break a later act is refused naming that act.
 *
 * An act dated on or after every act recorded — the common case — has no later act: it is
 * decided on the fold kept up to date, at the cost of `decide` alone.
 */
export function decideInHistory(command: CooperativeCommand, history: CooperativeHistory): CooperativeEvent[] {
  const latest: CooperativeState = history;
  const date = actDateOf(command, latest);
  // No date to judge on (the statuts' adoption, an unknown movement, a malformed date, a date
  // before registration): the decision itself says what is wrong.
  if (date === null || command.type === 'AdoptStatuts') return decide(command, latest);
  if (command.lateRecording !== undefined) requireText(command.lateRecording?.reason, 'lateRecording.reason');
  requireOpenPeriod(date, command.closedPeriods, command.lateRecording);
  const at = insertionIndex(history, date);
  if (at === history.timeline.length) return withLateRecording(decide(command, latest), command);
  // A cancellation's own check already walks every date the movement stood, on the whole stream.
  if (command.type === 'CancelCapitalMovement') decide(command, latest);

  requireKnownEverywhere(command, latest);
  const state = foldPrefix(history, at);
  requireAdmittedBy(command, latest, state, date);
  const events = decide(command, state);
  for (const event of events) {
    evolve(state, event);
    requirePossibleAfter(event, state);
  }
  requireLaterActsHold(history, at, state, date);
  return withLateRecording(events, command);
}

/** The date an act takes effect; a cancellation takes the cancelled movement's. */
export function actDateOf(command: CooperativeCommand, latest: CooperativeState): IsoDate | null {
  const date =
    command.type === 'AdoptStatuts'
      ? null
      : command.type === 'AdmitAssociate'
        ? command.admittedOn
        : command.type === 'CancelCapitalMovement'
          ? (movementOf(latest, command.movementId)?.effectiveDate ?? null)
          : command.effectiveDate;
  if (!isIsoDate(date) || !latest.statuts || date < latest.statuts.registeredOn) return null;
  return date;
}

/** Ids and the order of amendments are the stream's, not a date's: an act recorded later but dated after still counts. */
function requireKnownEverywhere(command: CooperativeCommand, latest: CooperativeState): void {
  if ('movementId' in command && command.type !== 'CancelCapitalMovement') requireNewMovement(latest, command.movementId);
  if (command.type === 'AdmitAssociate' && associateOf(latest, command.associateId) !== undefined) {
    throw new DomainError('ALREADY_EXISTS', `associate ${command.associateId} is already in the register (admitted on ${latest.associates[command.associateId].admittedOn})`);
  }
  if (command.type === 'AmendStatuts') {
    const lastAmendedOn = latest.statutsHistory[latest.statutsHistory.length - 1].effectiveDate;
    requireOnOrAfter(command.effectiveDate, lastAmendedOn, 'effectiveDate', 'the statuts in force since');
  }
}

/** An associate admitted after the act's date is not yet one on it: say so, rather than "not found". */
function requireAdmittedBy(command: CooperativeCommand, latest: CooperativeState, asOf: CooperativeState, date: IsoDate): void {
  const ids = [
    'associateId' in command && command.type !== 'AdmitAssociate' ? command.associateId : undefined,
    'fromAssociateId' in command ? command.fromAssociateId : undefined,
    'toAssociateId' in command ? command.toAssociateId : undefined,
  ];
  for (const id of ids) {
    if (typeof id !== 'string' || associateOf(latest, id) === undefined || associateOf(asOf, id) !== undefined) continue;
    requireOnOrAfter(date, latest.associates[id].admittedOn, 'effectiveDate', `the admission of ${id}`);
  }
}

/**
 * Re-checks each act dated after the new one, folding as it goes. An act that already failed in
 * exactly the same way without the new one (a history recorded before these checks) is left to
 * the compliance report: only what the new act changes refuses it.
 */
function requireLaterActsHold(history: CooperativeHistory, from: number, state: CooperativeState, date: IsoDate): void {
  for (let i = from; i < history.timeline.length; i++) {
    const later = history.timeline[i];
    const failure = attemptAct(later, state);
    if (failure && attemptAct(later, foldPrefix(history, i))?.message !== failure.message) throw breaking(failure, later, date);
  }
}

/** Checks `event` against `state`, folds it in, checks what it leaves; the refusal, if any. */
function attemptAct(event: CooperativeEvent, state: CooperativeState): RuleViolation | DomainError | null {
  let failure: RuleViolation | DomainError | null = null;
  try {
    checkRecordedAct(event, state);
  } catch (error) {
    if (!(error instanceof RuleViolation || error instanceof DomainError)) throw error;
    failure = error;
  }
  evolve(state, event);
  if (failure) return failure;
  try {
    requirePossibleAfter(event, state);
  } catch (error) {
    if (!(error instanceof RuleViolation || error instanceof DomainError)) throw error;
    return error;
  }
  return null;
}

function breaking(failure: RuleViolation | DomainError, later: CooperativeEvent, date: IsoDate): RuleViolation {
  const act = `${describeAct(later)}, already recorded`;
  if (failure instanceof RuleViolation) {
    return new RuleViolation(failure.rule, `this act, dated ${date}, would make ${act}, break ${failure.rule} on ${effectiveDateOf(later)}: ${failure.detail}`);
  }
  return new RuleViolation('LEDGER-EVERY-DATE-HOLDS', `this act, dated ${date}, would make ${act}, impossible on ${effectiveDateOf(later)}: ${failure.detail}`);
}

/** The reason for a late recording stays with the events it let in. */
function withLateRecording(events: CooperativeEvent[], command: CooperativeCommand): CooperativeEvent[] {
  const late = 'lateRecording' in command ? command.lateRecording : undefined;
  if (!late) return events;
  return events.map((event) => (event.type === 'StatutsAdopted' ? event : ({ ...event, data: { ...event.data, lateRecording: { reason: late.reason } } } as CooperativeEvent)));
}
