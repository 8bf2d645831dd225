import { DomainError, RuleViolation } from '../rules/errors';
import { IsoDate } from '../shared/dates';
import { capitalPicture, Holder } from './capital-picture';
import { effectiveDateOf } from './effective-order';
import { CooperativeEvent } from './events';
import { redeemedCapital } from './evolve';
import { owedAheadOf, redemptionQueue } from './redemption-queue';
import { requireRoomAboveFloor } from './rules/capital-floor.rule';
import { requireCollegeOf } from './rules/colleges.rule';
import { requireEmployeeCapitalAfter } from './rules/employee-capital.rule';
import { requireEmployeeVotesAfter } from './rules/employee-votes.rule';
import { requireHoldingWithinMaximum } from './rules/max-holding.rule';
import { requireShareWhileActive } from './rules/one-share.rule';
import { requirePaidAtSubscription } from './rules/pay-up.rule';
import { requirePublicCapitalAfter } from './rules/public-capital.rule';
import { requireRefundWithinPaidUpNominal } from './rules/redemption-nominal.rule';
import { requireUniformShareValue } from './rules/share-value.rule';
import { associateOf, AssociateState, CooperativeState, movementOf } from './state';
import { statutsInForce } from './statuts-in-force';

/**
 * An event already decided, checked again against the cooperative as it stands just before it —
 * on a history a back-dated act has changed. Each "reject" rule is the same function the
 * decisions call; what differs is only that the amounts come from the event, not from a command.
 * Throws what the decision would have thrown: a RuleViolation, or a DomainError for an act that
 * is no longer possible (an associate not yet admitted, or already gone).
 */
export function checkRecordedAct(event: CooperativeEvent, state: CooperativeState): void {
  const date = effectiveDateOf(event);
  const statuts = state.statuts ? (statutsInForce(state, date) ?? state.statuts) : null;
  if (!statuts) return;
  switch (event.type) {
    case 'StatutsAdopted':
      return;
    case 'StatutsAmended':
      return requireUniformShareValue(state.totals.shares, statuts.shareValueCents, event.data.statuts.shareValueCents);
    case 'AssociateAdmitted': {
      const d = event.data;
      requireCollegeOf(statuts, d.collegeCode);
      const newcomer: Holder = { id: d.associateId, category: d.category, status: 'active', subscribedCents: 0 };
      return requireEmployeeVotesAfter(statuts, capitalPicture(state, [newcomer]), d.category, state, d.cooperativeSociety === true);
    }
    case 'SharesSubscribed': {
      const d = event.data;
      const holder = activeOn(state, d.associateId, date);
      requirePaidAtSubscription(statuts, d.amountCents, d.paidCents);
      const after = capitalPicture(state, [{ ...holder, subscribedCents: holder.subscribedCents + d.amountCents }]);
      const flow = { from: null, to: holder.category };
      requireEmployeeCapitalAfter(statuts, after, flow, date);
      requirePublicCapitalAfter(statuts, after, flow);
      return requireHoldingWithinMaximum(statuts, state, { id: holder.id, subscribedCents: holder.subscribedCents + d.amountCents }, after, date);
    }
    case 'SharesPaidUp': {
      const holder = associateOn(state, event.data.associateId, date);
      const unpaid = holder.subscribedCents - holder.paidUpCents;
      if (event.data.amountCents <= unpaid) return;
      throw new DomainError('INVALID_VALUE', `${holder.id} has only ${unpaid} cents left to pay up on ${date}, fewer than the ${event.data.amountCents} cents paid`);
    }
    case 'SharesTransferred': {
      const d = event.data;
      const seller = activeOn(state, d.fromAssociateId, date);
      const buyer = activeOn(state, d.toAssociateId, date);
      requireHolding(seller, d.shares, d.amountCents, d.paidCents, date);
      requireShareWhileActive({ ...seller, shares: seller.shares - d.shares }, date, `the transfer of ${d.shares} shares`);
      const after = capitalPicture(state, [
        { ...seller, subscribedCents: seller.subscribedCents - d.amountCents },
        { ...buyer, subscribedCents: buyer.subscribedCents + d.amountCents },
      ]);
      const flow = { from: seller.category, to: buyer.category };
      requireEmployeeCapitalAfter(statuts, after, flow, date);
      requirePublicCapitalAfter(statuts, after, flow);
      return requireHoldingWithinMaximum(statuts, state, { id: buyer.id, subscribedCents: buyer.subscribedCents + d.amountCents }, after, date);
    }
    case 'SharesRedeemed': {
      const d = event.data;
      const holder = associateOn(state, d.associateId, date);
      const leaving = d.nominalCents !== undefined && d.paidCents !== undefined ? { nominalCents: d.nominalCents, paidCents: d.paidCents } : redeemedCapital(state, holder.id, d.shares);
      requireHolding(holder, d.shares, leaving.nominalCents, leaving.paidCents, date);
      requireShareWhileActive({ ...holder, shares: holder.shares - d.shares }, date, `the redemption of ${d.shares} shares`);
      // The refund is judged on what the shares carried on the redemption's date, not on the event's figures.
      requireRefundWithinPaidUpNominal(d.amountCents, redeemedCapital(state, holder.id, d.shares));
      const queue = redemptionQueue(state, statuts);
      return requireRoomAboveFloor(queue, owedAheadOf(queue, holder.id), leaving.nominalCents);
    }
    case 'CategoryChanged': {
      const holder = activeOn(state, event.data.associateId, date);
      if (holder.category === event.data.to) return;
      const after = capitalPicture(state, [{ ...holder, category: event.data.to }]);
      return requirePublicCapitalAfter(statuts, after, { from: holder.category, to: event.data.to });
    }
    case 'CollegeChanged':
      activeOn(state, event.data.associateId, date);
      return requireCollegeOf(statuts, event.data.to);
    case 'AssociateWithdrew':
      activeOn(state, event.data.associateId, date);
      return;
    case 'CapitalMovementCancelled': {
      const m = movementOf(state, event.data.movementId);
      if (m && !m.cancelled) return;
      throw new DomainError('INVALID_STATE', `capital movement ${event.data.movementId} is ${m ? 'already cancelled' : 'not in effect'} on ${date}`);
    }
  }
}

/**
 * After an event, the holdings it touched must be possible: no negative shares or capital,
 * never more paid up than subscribed, and an active associate keeps a share (COOP-ONE-SHARE).
 * An admission is followed by its subscription in the same decision: checked after that.
 */
export function requirePossibleAfter(event: CooperativeEvent, state: CooperativeState): void {
  if (event.type === 'AssociateAdmitted') return;
  const date = effectiveDateOf(event);
  for (const id of touchedBy(event, state)) {
    const a = state.associates[id];
    if (!a) continue;
    if (a.shares < 0 || a.subscribedCents < 0 || a.paidUpCents < 0 || a.paidUpCents > a.subscribedCents) {
      throw new RuleViolation('LEDGER-EVERY-DATE-HOLDS', `on ${date} ${id} would hold ${a.shares} shares, ${a.paidUpCents} cents paid up of ${a.subscribedCents} cents subscribed`);
    }
    if (event.type !== 'AssociateWithdrew') requireShareWhileActive(a, date, describeAct(event));
  }
}

function touchedBy(event: CooperativeEvent, state: CooperativeState): string[] {
  switch (event.type) {
    case 'SharesTransferred':
      return [event.data.fromAssociateId, event.data.toAssociateId];
    case 'CapitalMovementCancelled': {
      const m = state.movements[event.data.movementId];
      return m ? [m.associateId, ...(m.toAssociateId ? [m.toAssociateId] : [])] : [];
    }
    case 'StatutsAdopted':
    case 'StatutsAmended':
    case 'OpeningBalancesRecorded':
      return [];
    default:
      return [event.data.associateId];
  }
}

/** How a refusal names an act: its event id when the domain chose it (a movement), else what and whose. */
export function describeAct(event: CooperativeEvent): string {
  const date = effectiveDateOf(event);
  const data = event.data as { movementId?: string; associateId?: string };
  if (event.type === 'CapitalMovementCancelled') return `the cancellation of ${event.data.movementId} (effective ${date})`;
  if (data.movementId) return `${data.movementId} (${event.type}, effective ${date})`;
  return `${event.type}${data.associateId ? ` of ${data.associateId}` : ''} (effective ${date})`;
}

function associateOn(state: CooperativeState, associateId: string, date: IsoDate): AssociateState {
  const a = associateOf(state, associateId);
  if (a) return a;
  throw new DomainError('INVALID_STATE', `${associateId} is not an associate on ${date}`);
}

function activeOn(state: CooperativeState, associateId: string, date: IsoDate): AssociateState {
  const a = associateOn(state, associateId, date);
  if (a.status === 'active') return a;
  throw new DomainError('INVALID_STATE', `${associateId} withdrew on ${a.withdrawnOn}, before this act of ${date}`);
}

function requireHolding(holder: AssociateState, shares: number, nominalCents: number, paidCents: number, date: IsoDate): void {
  const paidLeft = holder.paidUpCents - paidCents;
  const nominalLeft = holder.subscribedCents - nominalCents;
  if (shares <= holder.shares && nominalCents <= holder.subscribedCents && paidCents <= holder.paidUpCents && paidLeft <= nominalLeft) return;
  throw new DomainError(
    'INVALID_STATE',
    `${holder.id} holds ${holder.shares} shares (${holder.paidUpCents} cents paid up of ${holder.subscribedCents}) on ${date}: ${shares} shares carrying ${paidCents} cents paid up of ${nominalCents} cannot leave`,
  );
}
