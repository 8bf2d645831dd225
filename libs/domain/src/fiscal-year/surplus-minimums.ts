import { FULL_BP } from '../cooperative/thresholds';
import { ceilBpOf } from '../shared/fraction';
import { AllocationFacts, Closing } from './allocation-facts';
import type { AllocationBase } from './fiscal-year-events';

/**
 * The legal frame of one year's allocation, from the closing and the facts: the base the
 * percentages apply to and every minimum, each rounded up to the cent (the least that meets "at
 * least"). One function for the proposal and for the decider, so that what is proposed is what
 * the decider accepts.
 *
 * - base: distributable = net result − prior losses (report à nouveau débiteur) − art. 32 gains
 *   (SCOP-EXCLUDED-GAINS); the lines sum to distributable + those gains (COOP-ALLOCATION-SUM).
 * - legal reserve (COOP-LEGAL-RESERVE, SCOP-LEGAL-RESERVE): 15 % (the statuts' rate) of the
 *   distributable, no more than what the ceiling leaves; a SCOP's art. 32 gains then fill it up to
 *   the ceiling, the rest of them goes to the fonds de développement.
 * - SCIC statutory reserve (SCIC-STATUTORY-RESERVE): the statuts' rate (≥ 50 %) of what the legal
 *   reserve leaves; when the statuts redirect the 15 % of a full legal reserve, that part too.
 * - SCOP: worker share ≥ 25 % (SCOP-WORKER-SHARE), fonds de développement > 0 and ≥ the statuts'
 *   minimum (SCOP-DEVELOPMENT-FUND).
 */
export interface AllocationFrame {
  readonly base: AllocationBase;
  /** What the lines sum to: distributable + the art. 32 gains the result carries. */
  readonly toAllocateCents: number;
  /** The gains counted (at most what the result leaves after prior losses). */
  readonly gainsCents: number;
  /** Room under the legal reserve's ceiling. */
  readonly legalRoomCents: number;
  /** legalReserveBp of the distributable, before the ceiling. */
  readonly legalRateCents: number;
  readonly legalFromSurplusCents: number;
  readonly legalFromGainsCents: number;
  readonly gainsToFundCents: number;
  /** The part of legalRateCents a full legal reserve sends to the statutory reserve (redirectLegalReserveWhenFull). */
  readonly redirectedCents: number;
  readonly minimums: {
    readonly legalReserveCents: number;
    readonly statutoryReserveCents: number | null;
    readonly workerShareCents: number | null;
    readonly developmentFundCents: number | null;
  };
  /** SCIC-SUBSIDIES / SCOP-INTEREST-CAP: the most interest the minimums leave room for. */
  readonly interestAmountCapCents: number;
}

export function allocationFrame(closing: Closing, facts: AllocationFacts): AllocationFrame {
  const scop = facts.legalForm === 'SCOP';
  const t = facts.terms;
  const before = facts.reservesBefore;
  const net = closing.netResultCents;
  const priorLosses = Math.max(0, -before.retainedEarningsCents);
  const afterLosses = Math.max(0, net - priorLosses);
  const gains = Math.min(closing.excludedGainsCents, afterLosses);
  const distributable = afterLosses - gains;
  const legalRoom = scop
    ? Math.max(0, facts.highestCapitalCents - before.legalReserveCents)
    : Math.max(0, facts.capitalCents - before.legalReserveCents - (t.legalReserveCeiling === 'allReserves' ? before.statutoryReserveCents : 0));
  const legalRate = ceilBpOf(distributable, t.legalReserveBp);
  const legalFromSurplus = Math.min(legalRate, legalRoom);
  const legalFromGains = scop ? Math.min(gains, legalRoom - legalFromSurplus) : 0;
  const gainsToFund = gains - legalFromGains;
  const redirected = t.redirectLegalReserveWhenFull ? legalRate - legalFromSurplus : 0;
  const legalMin = legalFromSurplus + legalFromGains;
  const base: AllocationBase = { netResultCents: net, priorLossesCents: priorLosses, excludedGainsCents: closing.excludedGainsCents, subsidiesCents: closing.subsidiesCents, distributableCents: distributable };
  if (!scop) {
    const statutoryMin = scicStatutoryMinimum(distributable, legalMin, legalRate, facts);
    const interestCap = Math.max(0, distributable - legalMin - statutoryMin - closing.subsidiesCents);
    return {
      base,
      toAllocateCents: afterLosses,
      gainsCents: gains,
      legalRoomCents: legalRoom,
      legalRateCents: legalRate,
      legalFromSurplusCents: legalFromSurplus,
      legalFromGainsCents: 0,
      gainsToFundCents: gainsToFund,
      redirectedCents: redirected,
      minimums: { legalReserveCents: legalMin, statutoryReserveCents: statutoryMin, workerShareCents: null, developmentFundCents: null },
      interestAmountCapCents: interestCap,
    };
  }
  const workerMin = ceilBpOf(distributable, t.workerShareBp);
  const fundFromSurplus = Math.max(ceilBpOf(distributable, t.developmentFundMinBp), distributable > 0 ? 1 : 0);
  const reservesFromSurplusMin = legalFromSurplus + redirected + fundFromSurplus;
  // SCOP-INTEREST-CAP: I ≤ W and I ≤ reserves out of the net surplus, with W ≥ its minimum, the
  // reserves ≥ theirs, and I + W + reserves ≤ distributable: every pairing of the two maxima.
  const interestCap = Math.max(
    0,
    Math.min(distributable - workerMin - reservesFromSurplusMin, Math.floor((distributable - reservesFromSurplusMin) / 2), Math.floor((distributable - workerMin) / 2), Math.floor(distributable / 3)),
  );
  return {
    base,
    toAllocateCents: afterLosses,
    gainsCents: gains,
    legalRoomCents: legalRoom,
    legalRateCents: legalRate,
    legalFromSurplusCents: legalFromSurplus,
    legalFromGainsCents: legalFromGains,
    gainsToFundCents: gainsToFund,
    redirectedCents: redirected,
    minimums: { legalReserveCents: legalMin, statutoryReserveCents: null, workerShareCents: workerMin, developmentFundCents: gainsToFund + redirected + fundFromSurplus },
    interestAmountCapCents: interestCap,
  };
}

/**
 * SCIC-STATUTORY-RESERVE for a legal reserve of `legal`: the statuts' rate of what remains after
 * it; with redirectLegalReserveWhenFull, the part of the 15 % the legal reserve did not take too
 * (so 15 % + 50 % of the other 85 % = 57.5 % whether the legal reserve is full or not).
 */
export function scicStatutoryMinimum(distributable: number, legal: number, legalRate: number, facts: AllocationFacts): number {
  const redirected = facts.terms.redirectLegalReserveWhenFull ? Math.max(0, legalRate - legal) : 0;
  const remaining = Math.max(0, distributable - Math.min(distributable, legal + redirected));
  return redirected + ceilBpOf(remaining, Math.min(facts.statutoryReserveBp, FULL_BP));
}
