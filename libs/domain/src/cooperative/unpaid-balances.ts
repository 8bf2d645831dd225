import { addMonths, IsoDate } from '../shared/dates';
import { CooperativeEvent } from './events';
import { CooperativeState, MovementState } from './state';
import { statutsInForce } from './statuts-in-force';

/**
 * COOP-PAYUP-QUARTER, report side: what each associate still owes on their subscriptions, in
 * pieces, each with the date it must be paid by (subscription date + the payment delay of the
 * statuts in force then — later amendments do not change the terms a subscription was made on).
 * Payments settle the earliest deadline first; shares transferred take their unpaid part with
 * them, deadlines unchanged (a transfer does not buy time); a redemption sets off the unpaid part
 * of the shares that leave, earliest first.
 */
export interface UnpaidPiece {
  readonly deadline: IsoDate;
  cents: number;
}

export type UnpaidBalances = Record<string, UnpaidPiece[]>;

/** The balances of a folded state, from its standing movements in the order it folded them. */
export function unpaidBalances(state: CooperativeState): UnpaidBalances {
  const balances: UnpaidBalances = {};
  for (const id of state.movementOrder) applyMovement(balances, state, state.movements[id]);
  return balances;
}

/**
 * Keeps `balances` in step with a fold: call it after `evolve(state, event)`. A cancellation
 * rebuilds them all — rare, and the only way to undo a piece already split by later movements.
 */
export function followUnpaidBalances(balances: UnpaidBalances, state: CooperativeState, event: CooperativeEvent): void {
  switch (event.type) {
    case 'SharesSubscribed':
    case 'SharesPaidUp':
    case 'SharesRedeemed':
    case 'SharesTransferred':
      applyMovement(balances, state, state.movements[event.data.movementId]);
      return;
    case 'CapitalMovementCancelled':
      for (const id of Object.keys(balances)) delete balances[id];
      Object.assign(balances, unpaidBalances(state));
      return;
    default:
      return;
  }
}

/** The unpaid cents whose deadline had passed on `date` (deadline < date), and the oldest such deadline. */
export function overdueOn(balances: UnpaidBalances, date: IsoDate): { cents: number; oldestDeadline: IsoDate | null; associates: number } {
  let cents = 0;
  let oldestDeadline: IsoDate | null = null;
  let associates = 0;
  for (const id in balances) {
    const pieces = balances[id];
    if (pieces.length === 0 || pieces[0].deadline >= date) continue; // sorted: nothing overdue here
    let owes = false;
    for (const piece of pieces) {
      if (piece.deadline >= date) break;
      cents += piece.cents;
      owes = true;
      if (oldestDeadline === null || piece.deadline < oldestDeadline) oldestDeadline = piece.deadline;
    }
    if (owes) associates += 1;
  }
  return { cents, oldestDeadline, associates };
}

function applyMovement(balances: UnpaidBalances, state: CooperativeState, m: MovementState | undefined): void {
  if (!m || m.cancelled) return;
  switch (m.type) {
    case 'SharesSubscribed': {
      if (m.amountCents === m.paidCents) return; // fully paid: never owed anything
      const delay = statutsInForce(state, m.effectiveDate)?.paymentDelayMonths ?? 0;
      insert(balances, m.associateId, { deadline: addMonths(m.effectiveDate, delay), cents: m.amountCents - m.paidCents });
      return;
    }
    case 'SharesPaidUp':
      take(balances, m.associateId, m.amountCents);
      return;
    case 'SharesRedeemed':
      take(balances, m.associateId, m.nominalCents - m.paidCents);
      return;
    case 'SharesTransferred':
      for (const piece of take(balances, m.associateId, m.amountCents - m.paidCents)) insert(balances, m.toAssociateId as string, piece);
      return;
  }
}

function insert(balances: UnpaidBalances, associateId: string, piece: UnpaidPiece): void {
  if (piece.cents <= 0) return;
  const pieces = (balances[associateId] ??= []);
  const at = pieces.findIndex((p) => p.deadline > piece.deadline);
  pieces.splice(at === -1 ? pieces.length : at, 0, piece);
}

/** Removes `cents` from the earliest deadlines first and returns the pieces removed. */
function take(balances: UnpaidBalances, associateId: string, cents: number): UnpaidPiece[] {
  const pieces = balances[associateId] ?? [];
  const taken: UnpaidPiece[] = [];
  let left = cents;
  while (left > 0 && pieces.length > 0) {
    const first = pieces[0];
    const part = Math.min(first.cents, left);
    taken.push({ deadline: first.deadline, cents: part });
    first.cents -= part;
    left -= part;
    if (first.cents === 0) pieces.shift();
  }
  return taken;
}
