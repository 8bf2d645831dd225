import { paymentDelayMonthsOf } from './rules/pay-up.rule';
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

/**
 * The pieces per associate, and beside them the same cents summed per deadline over all
 * associates, with those deadlines in a min-heap: whether anything is overdue on a date (the
 * status of COOP-PAYUP-QUARTER) is then a look at the earliest deadline still owed, not a pass
 * over every associate. Every piece holds more than 0 cents.
 */
export interface UnpaidBalances {
  /** Each associate's pieces, earliest deadline first. */
  readonly byAssociate: Record<string, UnpaidPiece[]>;
  /** The unpaid cents per deadline, all associates together; a deadline paid off has no entry. */
  readonly byDeadline: Map<IsoDate, number>;
  /** The deadlines of `byDeadline` as a binary min-heap, each once; one paid off leaves when it reaches the top. */
  readonly heap: IsoDate[];
  readonly inHeap: Set<IsoDate>;
}

export function emptyUnpaidBalances(): UnpaidBalances {
  return { byAssociate: {}, byDeadline: new Map(), heap: [], inHeap: new Set() };
}

/** The balances of a folded state, from its standing movements in the order it folded them. */
export function unpaidBalances(state: CooperativeState): UnpaidBalances {
  const balances = emptyUnpaidBalances();
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
    case 'CapitalMovementCancelled': {
      for (const id of Object.keys(balances.byAssociate)) delete balances.byAssociate[id];
      balances.byDeadline.clear();
      balances.heap.length = 0;
      balances.inHeap.clear();
      for (const id of state.movementOrder) applyMovement(balances, state, state.movements[id]);
      return;
    }
    default:
      return;
  }
}

/** The unpaid cents whose deadline had passed on `date` (deadline < date), and the oldest such deadline. */
export function overdueOn(balances: UnpaidBalances, date: IsoDate): { cents: number; oldestDeadline: IsoDate | null; associates: number } {
  let cents = 0;
  let associates = 0;
  const oldest = earliestDeadline(balances);
  if (oldest === null || oldest >= date) return { cents, oldestDeadline: null, associates }; // nothing overdue anywhere
  for (const id in balances.byAssociate) {
    const pieces = balances.byAssociate[id];
    if (pieces.length === 0 || pieces[0].deadline >= date) continue; // sorted: nothing overdue here
    for (const piece of pieces) {
      if (piece.deadline >= date) break;
      cents += piece.cents;
    }
    associates += 1;
  }
  return { cents, oldestDeadline: oldest, associates };
}

/** The earliest deadline of anything still unpaid, or null when nothing is owed: O(log n) amortised. */
export function earliestDeadline(balances: UnpaidBalances): IsoDate | null {
  const { heap, byDeadline, inHeap } = balances;
  while (heap.length > 0 && !byDeadline.has(heap[0])) inHeap.delete(popHeap(heap));
  return heap.length > 0 ? heap[0] : null;
}

function applyMovement(balances: UnpaidBalances, state: CooperativeState, m: MovementState | undefined): void {
  if (!m || m.cancelled) return;
  switch (m.type) {
    case 'SharesSubscribed': {
      if (m.amountCents === m.paidCents) return; // fully paid: never owed anything
      // The deadline the decider fixed; derived only for events recorded before it did.
      const inForce = statutsInForce(state, m.effectiveDate);
      const deadline = m.paymentDueOn ?? addMonths(m.effectiveDate, inForce ? paymentDelayMonthsOf(inForce) : 0);
      insert(balances, m.associateId, { deadline, cents: m.amountCents - m.paidCents });
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
  const pieces = (balances.byAssociate[associateId] ??= []);
  const at = pieces.findIndex((p) => p.deadline > piece.deadline);
  pieces.splice(at === -1 ? pieces.length : at, 0, piece);
  owe(balances, piece.deadline, piece.cents);
}

/** Removes `cents` from the earliest deadlines first and returns the pieces removed. */
function take(balances: UnpaidBalances, associateId: string, cents: number): UnpaidPiece[] {
  const pieces = balances.byAssociate[associateId] ?? [];
  const taken: UnpaidPiece[] = [];
  let left = cents;
  while (left > 0 && pieces.length > 0) {
    const first = pieces[0];
    const part = Math.min(first.cents, left);
    taken.push({ deadline: first.deadline, cents: part });
    first.cents -= part;
    left -= part;
    owe(balances, first.deadline, -part);
    if (first.cents === 0) pieces.shift();
  }
  return taken;
}

/** Adds (or, negative, removes) cents owed by `deadline` in the per-deadline sums. */
function owe(balances: UnpaidBalances, deadline: IsoDate, cents: number): void {
  const owed = (balances.byDeadline.get(deadline) ?? 0) + cents;
  if (owed === 0) {
    balances.byDeadline.delete(deadline);
    return;
  }
  balances.byDeadline.set(deadline, owed);
  if (!balances.inHeap.has(deadline)) {
    balances.inHeap.add(deadline);
    pushHeap(balances.heap, deadline);
  }
}

function pushHeap(heap: IsoDate[], value: IsoDate): void {
  let i = heap.push(value) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] <= value) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = value;
}

function popHeap(heap: IsoDate[]): IsoDate {
  const top = heap[0];
  const last = heap.pop() as IsoDate;
  if (heap.length === 0) return top;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const child = left + 1 < heap.length && heap[left + 1] < heap[left] ? left + 1 : left;
    if (heap[child] >= last) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}
