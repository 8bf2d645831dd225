import { assertNever } from '../rules/errors';
import { mulDivFloor } from '../shared/fraction';
import { countHolder } from './capital-picture';
import { CooperativeEvent } from './events';
import { AssociateState, CooperativeState, MovementState, ownAssociate } from './state';

/**
 * Folds one event into the state, in place, and returns it. Never throws and never
 * validates: events are facts the decider already accepted. `decide` never mutates, so a
 * command handler evolves its cached state only once the append has succeeded.
 */
export function evolve(state: CooperativeState, event: CooperativeEvent): CooperativeState {
  switch (event.type) {
    case 'StatutsAdopted':
      state.coopId = event.data.coopId;
      return adoptStatuts(state, event.data.statuts, event.data.effectiveDate);
    case 'StatutsAmended':
      return adoptStatuts(state, event.data.statuts, event.data.effectiveDate);
    case 'AssociateAdmitted': {
      const d = event.data;
      state.associates[d.associateId] = {
        id: d.associateId,
        name: d.name,
        personType: d.personType,
        category: d.category,
        collegeCode: d.collegeCode,
        ...(d.cooperativeSociety === true ? { cooperativeSociety: true as const } : {}),
        status: 'active',
        admittedOn: d.effectiveDate,
        withdrawnOn: null,
        withdrawalReason: null,
        shares: 0,
        subscribedCents: 0,
        paidUpCents: 0,
      };
      state.associateOrder.push(d.associateId);
      countHolder(state.picture, state.associates[d.associateId], 1);
      return state;
    }
    case 'SharesSubscribed': {
      const d = event.data;
      addMovement(state, {
        movementId: d.movementId,
        type: event.type,
        associateId: d.associateId,
        toAssociateId: null,
        shares: d.shares,
        amountCents: d.amountCents,
        paidCents: d.paidCents,
        nominalCents: d.amountCents,
        effectiveDate: d.effectiveDate,
        ...(d.paymentDueOn ? { paymentDueOn: d.paymentDueOn } : {}),
        cancelled: false,
      });
      return applyHoldings(state, d.associateId, d.shares, d.amountCents, d.paidCents);
    }
    case 'SharesPaidUp': {
      const d = event.data;
      addMovement(state, {
        movementId: d.movementId,
        type: event.type,
        associateId: d.associateId,
        toAssociateId: null,
        shares: 0,
        amountCents: d.amountCents,
        paidCents: d.amountCents,
        nominalCents: 0,
        effectiveDate: d.effectiveDate,
        cancelled: false,
      });
      return applyHoldings(state, d.associateId, 0, 0, d.amountCents);
    }
    case 'SharesRedeemed': {
      const d = event.data;
      const { nominalCents, paidCents } = d.nominalCents !== undefined && d.paidCents !== undefined ? { nominalCents: d.nominalCents, paidCents: d.paidCents } : redeemedCapital(state, d.associateId, d.shares);
      addMovement(state, {
        movementId: d.movementId,
        type: event.type,
        associateId: d.associateId,
        toAssociateId: null,
        shares: d.shares,
        amountCents: d.amountCents,
        paidCents,
        nominalCents,
        effectiveDate: d.effectiveDate,
        cancelled: false,
      });
      return applyHoldings(state, d.associateId, -d.shares, -nominalCents, -paidCents);
    }
    case 'SharesTransferred': {
      const d = event.data;
      addMovement(state, {
        movementId: d.movementId,
        type: event.type,
        associateId: d.fromAssociateId,
        toAssociateId: d.toAssociateId,
        shares: d.shares,
        amountCents: d.amountCents,
        paidCents: d.paidCents,
        nominalCents: d.amountCents,
        effectiveDate: d.effectiveDate,
        cancelled: false,
      });
      applyHoldings(state, d.fromAssociateId, -d.shares, -d.amountCents, -d.paidCents);
      return applyHoldings(state, d.toAssociateId, d.shares, d.amountCents, d.paidCents);
    }
    case 'CategoryChanged': {
      const a = ownAssociate(state, event.data.associateId);
      if (a) recount(state, a, () => (a.category = event.data.to));
      return state;
    }
    case 'CollegeChanged': {
      const a = ownAssociate(state, event.data.associateId);
      if (a) a.collegeCode = event.data.to;
      return state;
    }
    case 'AssociateWithdrew': {
      const d = event.data;
      const a = ownAssociate(state, d.associateId);
      if (a) {
        recount(state, a, () => (a.status = 'withdrawn'));
        a.withdrawnOn = d.effectiveDate;
        a.withdrawalReason = d.reason;
        state.withdrawalsFolded = (state.withdrawalsFolded ?? 0) + 1;
        a.withdrawalRank = state.withdrawalsFolded;
      }
      return syncExitQueue(state, d.associateId);
    }
    case 'CapitalMovementCancelled':
      return cancelMovement(state, event.data.movementId);
    case 'OpeningBalancesRecorded': {
      const { legalReserveCents, statutoryReserveCents, retainedEarningsCents, highestCapitalCents, effectiveDate } = event.data;
      state.openingBalances = { legalReserveCents, statutoryReserveCents, retainedEarningsCents, highestCapitalCents: highestCapitalCents ?? 0, asOf: effectiveDate };
      state.highestCapitalCents = Math.max(state.highestCapitalCents, highestCapitalCents ?? 0);
      return state;
    }
    default:
      return assertNever(event);
  }
}

export function evolveAll(state: CooperativeState, events: Iterable<CooperativeEvent>): CooperativeState {
  for (const e of events) evolve(state, e);
  return state;
}

/**
 * The nominal and paid-up capital that leave with `shares` of an associate's holding: pro rata
 * of what they hold, the paid-up part never more than what they paid.
 */
export function redeemedCapital(state: CooperativeState, associateId: string, shares: number): { nominalCents: number; paidCents: number } {
  const holder = state.associates[associateId];
  if (!holder || holder.shares <= 0) return { nominalCents: 0, paidCents: 0 };
  // BigInt: subscribedCents × shares may pass 2^53 where a float division would round.
  const nominalCents = shares === holder.shares ? holder.subscribedCents : mulDivFloor(holder.subscribedCents, shares, holder.shares);
  return { nominalCents, paidCents: Math.min(holder.paidUpCents, nominalCents) };
}

function adoptStatuts(state: CooperativeState, statuts: CooperativeState['statuts'], effectiveDate: string): CooperativeState {
  state.statuts = statuts;
  state.statutsHistory.push({ effectiveDate, statuts: statuts! });
  return state;
}

function addMovement(state: CooperativeState, movement: MovementState): void {
  state.movements[movement.movementId] = movement;
  state.movementOrder.push(movement.movementId);
}

function applyHoldings(state: CooperativeState, associateId: string, shares: number, capitalCents: number, paidCents: number): CooperativeState {
  const a = ownAssociate(state, associateId);
  if (!a) return state;
  a.shares += shares;
  recount(state, a, () => (a.subscribedCents += capitalCents));
  a.paidUpCents += paidCents;
  state.totals.shares += shares;
  state.totals.capitalCents += capitalCents;
  state.totals.paidUpCents += paidCents;
  state.highestCapitalCents = Math.max(state.highestCapitalCents, state.totals.capitalCents);
  return syncExitQueue(state, associateId);
}

/** Changes what the capital picture reads of an associate, keeping the state's picture in step. */
function recount(state: CooperativeState, associate: AssociateState, change: () => unknown): void {
  countHolder(state.picture, associate, -1);
  change();
  countHolder(state.picture, associate, 1);
}

/** A withdrawn associate with shares waits in the exit queue, in order of exit (date, then recording). */
function syncExitQueue(state: CooperativeState, associateId: string): CooperativeState {
  const a = state.associates[associateId];
  const queued = state.exitQueue.includes(associateId);
  const shouldWait = !!a && a.status === 'withdrawn' && a.shares > 0;
  if (queued === shouldWait) return state;
  if (!shouldWait) {
    state.exitQueue = state.exitQueue.filter((id) => id !== associateId);
    return state;
  }
  // Exit date, then the order the exits were folded in: a cancelled full redemption puts the
  // associate back where they stood, never behind others who left the same day.
  const at = state.exitQueue.findIndex((id) => leftBefore(a, state.associates[id]));
  state.exitQueue.splice(at === -1 ? state.exitQueue.length : at, 0, associateId);
  return state;
}

function leftBefore(a: AssociateState, b: AssociateState): boolean {
  const da = a.withdrawnOn ?? '';
  const db = b.withdrawnOn ?? '';
  return da < db || (da === db && (a.withdrawalRank ?? 0) < (b.withdrawalRank ?? 0));
}

function cancelMovement(state: CooperativeState, movementId: string): CooperativeState {
  const m = state.movements[movementId];
  if (!m || m.cancelled) return state;
  // A new object, not a flag flipped: checkpoints of the fold share movement objects (history.ts).
  state.movements[movementId] = { ...m, cancelled: true };
  switch (m.type) {
    case 'SharesSubscribed':
      applyHoldings(state, m.associateId, -m.shares, -m.amountCents, -m.paidCents);
      break;
    case 'SharesPaidUp':
      applyHoldings(state, m.associateId, 0, 0, -m.amountCents);
      break;
    case 'SharesRedeemed':
      applyHoldings(state, m.associateId, m.shares, m.nominalCents, m.paidCents);
      break;
    case 'SharesTransferred':
      applyHoldings(state, m.toAssociateId as string, -m.shares, -m.amountCents, -m.paidCents);
      applyHoldings(state, m.associateId, m.shares, m.amountCents, m.paidCents);
      break;
    default:
      return assertNever(m.type);
  }
  state.highestCapitalCents = highestCapitalOf(state);
  return state;
}

/** The highest capital reached by the movements that stand: a cancelled mistake never counted. */
function highestCapitalOf(state: CooperativeState): number {
  let capital = 0;
  // Reached before the ledger started: the opening balances say so.
  let highest = state.openingBalances?.highestCapitalCents ?? 0;
  for (const id of state.movementOrder) {
    const m = state.movements[id];
    if (m.cancelled) continue;
    if (m.type === 'SharesSubscribed') capital += m.amountCents;
    else if (m.type === 'SharesRedeemed') capital -= m.nominalCents;
    highest = Math.max(highest, capital);
  }
  return highest;
}
