import { DomainError } from '../../rules/errors';
import { addMonths, IsoDate } from '../../shared/dates';
import { mulDivFloor } from '../../shared/fraction';
import { capitalPicture, Holder } from '../capital-picture';
import { CommandOf } from '../commands';
import { CooperativeEvent, EventOf } from '../events';
import { redeemedCapital } from '../evolve';
import { requireActDate, requireActiveAssociate, requireAssociate, requireCents, requireNewMovement, requireOnOrAfter, requireShareCount } from '../guards';
import { redemptionQueue, owedAheadOf } from '../redemption-queue';
import { requireRoomAboveFloor } from '../rules/capital-floor.rule';
import { requireEmployeeCapitalAfter } from '../rules/employee-capital.rule';
import { requireShareWhileActive } from '../rules/one-share.rule';
import { requireHoldingWithinMaximum } from '../rules/max-holding.rule';
import { paymentDelayMonthsOf, requirePaidAtSubscription } from '../rules/pay-up.rule';
import { requirePublicCapitalAfter } from '../rules/public-capital.rule';
import { requireRefundWithinPaidUpNominal, requireRefundWithinValueAfterLosses } from '../rules/redemption-nominal.rule';
import { surplusTermsOf } from '../statuts-surplus';
import { AssociateState, CooperativeState } from '../state';
import { Statuts } from '../statuts';

interface NewSharesTerms {
  readonly shares: number;
  readonly paidCents?: number;
  readonly effectiveDate: IsoDate;
  readonly movementId: string;
}

/**
 * New shares for `holder` (already in the state, or being admitted), checked against the state
 * as it would be after them. Admission and subscription share it.
 */
export function newShares(state: CooperativeState, statuts: Statuts, holder: Holder, terms: NewSharesTerms): EventOf<'SharesSubscribed'> {
  requireShareCount(terms.shares);
  requireNewMovement(state, terms.movementId);
  const amountCents = terms.shares * statuts.shareValueCents;
  requireCents(amountCents, 'the amount subscribed (shares × share value)');
  const paidCents = terms.paidCents ?? amountCents;
  requireCents(paidCents, 'paidCents');
  if (paidCents > amountCents) {
    throw new DomainError('INVALID_VALUE', `paidCents is ${paidCents} but only ${amountCents} cents are subscribed`);
  }
  requirePaidAtSubscription(statuts, amountCents, paidCents);
  const after = capitalPicture(state, [{ ...holder, subscribedCents: holder.subscribedCents + amountCents }]);
  requireCents(after.capitalCents, 'the capital after this subscription');
  const flow = { from: null, to: holder.category };
  requireEmployeeCapitalAfter(statuts, after, flow, terms.effectiveDate);
  requirePublicCapitalAfter(statuts, after, flow);
  requireHoldingWithinMaximum(statuts, state, { id: holder.id, subscribedCents: holder.subscribedCents + amountCents }, after, terms.effectiveDate);
  return {
    type: 'SharesSubscribed',
    data: {
      movementId: terms.movementId,
      associateId: holder.id,
      shares: terms.shares,
      amountCents,
      paidCents,
      effectiveDate: terms.effectiveDate,
      ...(paidCents < amountCents ? { paymentDueOn: addMonths(terms.effectiveDate, paymentDelayMonthsOf(statuts)) } : {}),
    },
  };
}

export function subscribeShares(cmd: CommandOf<'SubscribeShares'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireActiveAssociate(state, cmd.associateId);
  const statuts = requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.admittedOn, 'effectiveDate', `the admission of ${associate.id}`);
  return [newShares(state, statuts, associate, cmd)];
}

/** A withdrawn associate may still pay what they owe: the balance is set off at redemption otherwise. */
export function payUpShares(cmd: CommandOf<'PayUpShares'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireAssociate(state, cmd.associateId);
  requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.admittedOn, 'effectiveDate', `the admission of ${associate.id}`);
  requireNewMovement(state, cmd.movementId);
  requireCents(cmd.amountCents, 'amountCents', 1);
  const unpaidCents = associate.subscribedCents - associate.paidUpCents;
  if (cmd.amountCents > unpaidCents) {
    throw new DomainError('INVALID_VALUE', `amountCents is ${cmd.amountCents} but ${associate.id} has only ${unpaidCents} cents left to pay up`);
  }
  return [{ type: 'SharesPaidUp', data: { movementId: cmd.movementId, associateId: associate.id, amountCents: cmd.amountCents, effectiveDate: cmd.effectiveDate } }];
}

/**
 * A withdrawn associate's shares, or part of an active associate's (who keeps at least one share
 * to remain an associate). The event records the nominal and paid-up capital that leave, so a
 * replay in another order folds the same facts.
 */
export function redeemShares(cmd: CommandOf<'RedeemShares'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireAssociate(state, cmd.associateId);
  const statuts = requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.withdrawnOn ?? associate.admittedOn, 'effectiveDate', `the ${associate.withdrawnOn ? 'exit' : 'admission'} of ${associate.id}`);
  requireShareCount(cmd.shares);
  requireHeld(associate, cmd.shares, associate.status === 'active' ? 1 : 0);
  requireCents(cmd.amountCents, 'amountCents');
  requireNewMovement(state, cmd.movementId);
  const leaving = redeemedCapital(state, associate.id, cmd.shares);
  requireRefundWithinPaidUpNominal(cmd.amountCents, leaving);
  if (cmd.reservesAsOf) {
    const figures = { shareValueCents: statuts.shareValueCents, capitalCents: state.totals.capitalCents, reserves: cmd.reservesAsOf, method: surplusTermsOf(statuts).lossImputationForRedemption };
    requireRefundWithinValueAfterLosses(cmd.amountCents, { shares: cmd.shares, ...leaving }, figures);
  }
  const queue = redemptionQueue(state, statuts);
  requireRoomAboveFloor(queue, owedAheadOf(queue, associate.id), leaving.nominalCents);
  return [
    {
      type: 'SharesRedeemed',
      data: {
        movementId: cmd.movementId,
        associateId: associate.id,
        shares: cmd.shares,
        amountCents: cmd.amountCents,
        nominalCents: leaving.nominalCents,
        paidCents: leaving.paidCents,
        effectiveDate: cmd.effectiveDate,
      },
    },
  ];
}

export function transferShares(cmd: CommandOf<'TransferShares'>, state: CooperativeState): CooperativeEvent[] {
  if (cmd.fromAssociateId === cmd.toAssociateId) {
    throw new DomainError('INVALID_VALUE', `an associate cannot transfer shares to themselves (${cmd.fromAssociateId})`);
  }
  const seller = requireActiveAssociate(state, cmd.fromAssociateId);
  const buyer = requireActiveAssociate(state, cmd.toAssociateId);
  const statuts = requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, seller.admittedOn, 'effectiveDate', `the admission of ${seller.id}`);
  requireOnOrAfter(cmd.effectiveDate, buyer.admittedOn, 'effectiveDate', `the admission of ${buyer.id}`);
  requireShareCount(cmd.shares);
  requireHeld(seller, cmd.shares, 0);
  requireShareWhileActive({ ...seller, shares: seller.shares - cmd.shares }, cmd.effectiveDate, `the transfer of ${cmd.shares} shares`);
  requireNewMovement(state, cmd.movementId);
  const { amountCents, paidCents } = transferredCapital(seller, cmd.shares);
  const after = capitalPicture(state, [
    { ...seller, subscribedCents: seller.subscribedCents - amountCents },
    { ...buyer, subscribedCents: buyer.subscribedCents + amountCents },
  ]);
  const flow = { from: seller.category, to: buyer.category };
  requireEmployeeCapitalAfter(statuts, after, flow, cmd.effectiveDate);
  requirePublicCapitalAfter(statuts, after, flow);
  requireHoldingWithinMaximum(statuts, state, { id: buyer.id, subscribedCents: buyer.subscribedCents + amountCents }, after, cmd.effectiveDate);
  return [
    {
      type: 'SharesTransferred',
      data: { movementId: cmd.movementId, fromAssociateId: seller.id, toAssociateId: buyer.id, shares: cmd.shares, amountCents, paidCents, effectiveDate: cmd.effectiveDate },
    },
  ];
}

/**
 * The nominal and paid-up capital that go with `shares`: pro rata of the seller's holding, whole
 * holding exactly. The paid-up part is rounded down, so the buyer never receives more paid-up
 * capital than proportional and the seller keeps the odd cent (which never exceeds what their
 * remaining shares can carry, since paid-up ≤ nominal).
 */
function transferredCapital(seller: AssociateState, shares: number): { amountCents: number; paidCents: number } {
  if (shares === seller.shares) return { amountCents: seller.subscribedCents, paidCents: seller.paidUpCents };
  return {
    amountCents: mulDivFloor(seller.subscribedCents, shares, seller.shares),
    paidCents: mulDivFloor(seller.paidUpCents, shares, seller.shares),
  };
}

function requireHeld(associate: AssociateState, shares: number, mustKeep: number): void {
  if (shares <= associate.shares - mustKeep) return;
  throw new DomainError(
    'INVALID_VALUE',
    mustKeep > 0
      ? `${associate.id} holds ${associate.shares} shares and, still an associate, must keep at least ${mustKeep}: withdraw first to redeem them all`
      : `${associate.id} holds ${associate.shares} shares, fewer than the ${shares} asked for`,
  );
}
