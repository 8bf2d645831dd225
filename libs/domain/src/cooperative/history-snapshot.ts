import { StateSnapshots } from '../decider';
import { IsoDate } from '../shared/dates';
import { IdList } from '../shared/id-list';
import { CooperativeCommand } from './commands';
import { actDateOf } from './decide-in-history';
import { effectiveDateOf } from './effective-order';
import { CooperativeEvent } from './events';
import { baseHistory, CooperativeHistory, lastDateOf } from './history';
import { AssociateState, CooperativeState, MovementState } from './state';

/**
 * What the write path saves of a cooperative's history, so that a restart does not fold a
 * million events before its first command: the fold as of the last date in effect — every
 * associate, every movement, the totals — and not the timeline. A history restored from it
 * decides every act dated on or after that date (the common case) exactly as the full history
 * would: such an act enters the timeline after every saved event and is judged on the fold.
 * An act dated before it, a cancellation of a movement dated before it, or an event another
 * process back-dated, needs the acts dated after it: the write path then reads the whole
 * stream again (`needsWholeStream`).
 *
 * Movements are saved in parts of MOVEMENTS_PER_PART in the order they were recorded: a full
 * part never changes (a cancellation is listed in the head, not written into its part), so a
 * save writes the head and the last part, not a million movements.
 */
export interface SavedHistory {
  /** Events folded in all. */
  length: number;
  /** The date of the last act in effect. */
  lastDate: IsoDate;
  /** The fold without its associates' and movements' records. */
  fold: Omit<CooperativeState, 'associates' | 'associateOrder' | 'movements' | 'movementOrder'>;
  /** Every associate, in order of admission. */
  associates: AssociateState[];
  movementCount: number;
  /** Movements cancelled, wherever their part. */
  cancelled: string[];
}

export const MOVEMENTS_PER_PART = 16384;

/** Bumped when the saved form or the fold's meaning changes: a snapshot of another version is not read. */
export const SAVED_HISTORY_VERSION = 2;

/** The saved form of `history` (undefined for an empty stream), and its movements part `index`. */
export function savedHistoryOf(history: CooperativeHistory): SavedHistory | undefined {
  const lastDate = lastDateOf(history);
  if (lastDate === null) return undefined;
  const { timeline: _timeline, checkpoints: _checkpoints, recent: _recent, base: _base, associates, associateOrder, movements, movementOrder, ...fold } = history;
  const cancelled: string[] = [];
  for (const id of movementOrder) if (movements[id].cancelled) cancelled.push(id);
  return {
    length: historyLength(history),
    lastDate,
    fold,
    associates: associateOrder.map((id) => associates[id]),
    movementCount: movementOrder.length,
    cancelled,
  };
}

/** A movement in a part: a tuple, not an object, so that a part of 16,384 is half the size and parses twice as fast. */
type SavedMovement = [
  movementId: string,
  type: MovementState['type'],
  associateId: string,
  toAssociateId: string | null,
  shares: number,
  amountCents: number,
  paidCents: number,
  nominalCents: number,
  effectiveDate: IsoDate,
  paymentDueOn: IsoDate | null,
];

/** Movements `index × MOVEMENTS_PER_PART` onward (at most MOVEMENTS_PER_PART of them), as recorded (a cancellation is in the head). */
export function savedMovementsPart(history: CooperativeHistory, index: number): SavedMovement[] {
  const part: SavedMovement[] = [];
  const end = Math.min((index + 1) * MOVEMENTS_PER_PART, history.movementOrder.length);
  for (let i = index * MOVEMENTS_PER_PART; i < end; i++) {
    const m = history.movements[history.movementOrder.at(i)!];
    part.push([m.movementId, m.type, m.associateId, m.toAssociateId, m.shares, m.amountCents, m.paidCents, m.nominalCents, m.effectiveDate, m.paymentDueOn ?? null]);
  }
  return part;
}

function restoredMovement([movementId, type, associateId, toAssociateId, shares, amountCents, paidCents, nominalCents, effectiveDate, paymentDueOn]: SavedMovement): MovementState {
  const movement: MovementState = { movementId, type, associateId, toAssociateId, shares, amountCents, paidCents, nominalCents, effectiveDate, cancelled: false };
  return paymentDueOn === null ? movement : { ...movement, paymentDueOn };
}

export function movementPartCount(saved: Pick<SavedHistory, 'movementCount'>): number {
  return Math.ceil(saved.movementCount / MOVEMENTS_PER_PART);
}

/** The history the saved form stands for, with its movement parts read by `partOf`. */
export function restoredHistory(saved: SavedHistory, partOf: (index: number) => readonly SavedMovement[]): CooperativeHistory {
  const associates = Object.create(null) as Record<string, AssociateState>;
  for (const associate of saved.associates) associates[associate.id] = associate;
  const movements = Object.create(null) as Record<string, MovementState>;
  const movementOrder = IdList.of();
  for (let index = 0; index < movementPartCount(saved); index++) {
    for (const saved of partOf(index)) {
      const movement = restoredMovement(saved);
      movements[movement.movementId] = movement;
      movementOrder.push(movement.movementId);
    }
  }
  if (movementOrder.length !== saved.movementCount) throw new Error(`The saved history holds ${movementOrder.length} movements, its head says ${saved.movementCount}`);
  for (const id of saved.cancelled) movements[id] = { ...movements[id], cancelled: true };
  const fold: CooperativeState = { ...saved.fold, associates, associateOrder: IdList.of(saved.associates.map((a) => a.id)), movements, movementOrder };
  return baseHistory(fold, saved.length, saved.lastDate);
}

/** Events folded into the history, those before its timeline included. */
export function historyLength(history: CooperativeHistory): number {
  return (history.base?.length ?? 0) + history.timeline.length;
}

/**
 * Whether deciding `command` needs acts the restored history does not hold: those dated after
 * the act, when it is dated before the saved last date. False for a full history.
 */
export function commandNeedsWholeStream(history: CooperativeHistory, command: CooperativeCommand): boolean {
  if (!history.base) return false;
  const date = actDateOf(command, history);
  return date !== null && date < history.base.lastDate;
}

/** Whether folding `event` needs the acts the restored history does not hold (an event back-dated before the saved last date). */
export function eventNeedsWholeStream(history: CooperativeHistory, event: CooperativeEvent): boolean {
  return history.base !== undefined && effectiveDateOf(event) < history.base.lastDate;
}

/** The cooperative decider's snapshots (see Decider.snapshots). */
export const historySnapshots: StateSnapshots<CooperativeCommand, CooperativeEvent, CooperativeHistory> = {
  version: SAVED_HISTORY_VERSION,
  head: (history) => savedHistoryOf(history),
  partCount: (history) => Math.ceil(history.movementOrder.length / MOVEMENTS_PER_PART),
  fullParts: (history) => Math.floor(history.movementOrder.length / MOVEMENTS_PER_PART),
  part: savedMovementsPart,
  restore: (head, partOf) => restoredHistory(head as SavedHistory, (index) => partOf(index) as SavedMovement[]),
  needsWholeStream: (history, next) => ('command' in next ? commandNeedsWholeStream(history, next.command) : eventNeedsWholeStream(history, next.event)),
};
