import { addMonths, IsoDate } from '../shared/dates';
import { ceilBpOf } from '../shared/fraction';
import { WithdrawalReason } from './events';
import { CooperativeState } from './state';
import { Statuts } from './statuts';
import { statutsInForce } from './statuts-in-force';

/**
 * COOP-CAPITAL-FLOOR (L1947 art. 13): redemptions may not take the capital below the floor
 * (capitalFloorBp of the highest capital ever reached); a redemption that would is suspended
 * and waits, in order of exit, until new subscriptions make room. This is the one place that
 * says how much room there is and who stands first: the decider refuses with it, the
 * pending-redemptions read model lists with it.
 */
export interface RedemptionQueue {
  /** The least capital allowed: ⌈highest capital × floor⌉, so the comparison stays exact. */
  readonly floorCents: number;
  /** Capital − floor: what may leave now. Negative when an amendment raised the floor above the capital. */
  readonly headroomCents: number;
  /** Withdrawn associates awaiting redemption, in order of exit, with what is owed to those before them. */
  readonly waiting: ReadonlyArray<{ readonly associateId: string; readonly nominalCents: number; readonly owedAheadCents: number }>;
  /** The nominal owed to every withdrawn associate still waiting. */
  readonly owedCents: number;
}

export function redemptionQueue(state: CooperativeState, statuts: Statuts): RedemptionQueue {
  const floorCents = ceilBpOf(state.highestCapitalCents, statuts.capitalFloorBp);
  let owedCents = 0;
  const waiting = state.exitQueue.map((associateId) => {
    const nominalCents = state.associates[associateId].subscribedCents;
    const entry = { associateId, nominalCents, owedAheadCents: owedCents };
    owedCents += nominalCents;
    return entry;
  });
  return { floorCents, headroomCents: state.totals.capitalCents - floorCents, waiting, owedCents };
}

/** What earlier exits are owed before this associate: an active associate stands behind every exit. */
export function owedAheadOf(queue: RedemptionQueue, associateId: string): number {
  return queue.waiting.find((w) => w.associateId === associateId)?.owedAheadCents ?? queue.owedCents;
}

/** Whether `nominalCents` may leave now, the nominal owed to earlier exits leaving first. */
export function fitsAboveFloor(queue: RedemptionQueue, owedAheadCents: number, nominalCents: number): boolean {
  return owedAheadCents + nominalCents <= queue.headroomCents;
}

export interface PendingRedemption {
  readonly associateId: string;
  readonly name: string;
  readonly withdrawnOn: IsoDate;
  readonly reason: WithdrawalReason;
  readonly shares: number;
  readonly nominalCents: number;
  readonly paidUpCents: number;
  /** The whole holding may be redeemed now without breaching the floor. */
  readonly redeemableNow: boolean;
  /** How much of the nominal may leave now (a partial redemption), 0 when nothing may. */
  readonly redeemableNowCents: number;
  /** The nominal owed first to associates who left earlier. */
  readonly owedAheadCents: number;
  readonly waitsFor: 'COOP-CAPITAL-FLOOR' | null;
  /** withdrawnOn + the redemption delay of the statuts in force on the exit (COOP-REDEMPTION-NOMINAL). */
  readonly redemptionDeadline: IsoDate;
}

/**
 * Withdrawn associates' shares not yet redeemed, in order of exit, with why each waits.
 * Give it a state folded up to the date of interest (`stateAsOf`): the floor is the one of the
 * statuts that state holds last.
 */
export function pendingRedemptions(state: CooperativeState): PendingRedemption[] {
  if (!state.statuts) return [];
  const queue = redemptionQueue(state, state.statuts);
  return queue.waiting.map(({ associateId, nominalCents, owedAheadCents }) => {
    const a = state.associates[associateId];
    const withdrawnOn = a.withdrawnOn as IsoDate;
    const redeemableNow = fitsAboveFloor(queue, owedAheadCents, nominalCents);
    const room = Math.max(0, queue.headroomCents - owedAheadCents);
    const delayMonths = (statutsInForce(state, withdrawnOn) ?? (state.statuts as Statuts)).redemptionDelayMonths;
    return {
      associateId,
      name: a.name,
      withdrawnOn,
      reason: a.withdrawalReason as WithdrawalReason,
      shares: a.shares,
      nominalCents,
      paidUpCents: a.paidUpCents,
      redeemableNow,
      redeemableNowCents: Math.min(nominalCents, room),
      owedAheadCents,
      waitsFor: redeemableNow ? null : 'COOP-CAPITAL-FLOOR',
      redemptionDeadline: addMonths(withdrawnOn, delayMonths),
    };
  });
}
