import { RULES, RuleId } from '../rules/rule-catalogue';
import { interestCapFor, InterestCap } from '../reference/tmo';
import { RuleViolation } from '../rules/errors';
import { floorRate, formatRate } from '../shared/decimal-rate';
import { Ratio, ratio } from '../shared/fraction';
import { IsoDate } from '../shared/dates';
import { AllocationFacts, Closing } from './allocation-facts';
import { capSource } from './allocation.decision';
import type { AllocationBase, CapRate } from './fiscal-year-events';
import { interestRowsAtRate, totalGross } from './share-interest';
import { allocationFrame, AllocationFrame } from './surplus-minimums';

export interface AllocationCheck {
  readonly rule: RuleId;
  readonly article: string;
  readonly figureCents: number | null;
  readonly detail: string;
}

export interface AllocationProposal {
  readonly base: AllocationBase;
  readonly minimums: AllocationFrame['minimums'];
  readonly maxima: { readonly shareInterestCents: number; readonly shareInterestRate: string | null };
  readonly capRate: CapRate | null;
  readonly checks: AllocationCheck[];
  /** The lines of the draft: the minimums, the most interest, the rest to the statutory reserve (SCOP: fonds de développement). */
  readonly draft: { legalReserveCents: number; statutoryReserveCents: number; workerShareCents: number | null; shareInterestCents: number; shareInterestRate: string | null; retainedEarningsCents: number };
  readonly draftResolution: string;
}

/**
 * What the gérant needs to write the allocation resolution of an AG held on `heldOn`: the base,
 * every legal minimum, the most interest the law allows (by amount and by rate) with the rule and
 * the figure behind each, and a draft resolution in French. The figures are the decider's own
 * (surplus-minimums.ts), so the draft, voted as is, is accepted.
 */
export function allocationProposal(closing: Closing, facts: AllocationFacts, heldOn: IsoDate): AllocationProposal {
  const frame = allocationFrame(closing, facts);
  const scop = facts.legalForm === 'SCOP';
  const checks: AllocationCheck[] = [];
  const check = (rule: RuleId, figureCents: number | null, detail: string) => checks.push({ rule, article: RULES[rule].article, figureCents, detail });
  const base = frame.base;
  check(
    'COOP-ALLOCATION-SUM',
    frame.toAllocateCents,
    `the lines sum exactly to the net result less prior losses: ${base.distributableCents} cents distributable${frame.gainsCents > 0 ? ` + ${frame.gainsCents} cents of art. 32 gains` : ''}`,
  );
  if (scop) {
    check(
      'SCOP-EXCLUDED-GAINS',
      frame.gainsCents,
      `art. 32 gains, out of the base: ${frame.legalFromGainsCents} cents to the legal reserve up to its ceiling, ${frame.gainsToFundCents} cents to the fonds de développement`,
    );
    check(
      'SCOP-LEGAL-RESERVE',
      frame.minimums.legalReserveCents,
      `${facts.terms.legalReserveBp / 100} % of the net surplus (${frame.legalRateCents} cents), within the ${frame.legalRoomCents} cents between the legal reserve and the highest capital reached (${facts.highestCapitalCents} cents)${frame.legalFromGainsCents > 0 ? `, plus ${frame.legalFromGainsCents} cents of art. 32 gains` : ''}`,
    );
    check(
      'SCOP-WORKER-SHARE',
      frame.minimums.workerShareCents,
      `${facts.terms.workerShareBp / 100} % of the net surplus (${base.distributableCents} cents), to every employee with 3 months' presence or 6 months' seniority`,
    );
    check(
      'SCOP-DEVELOPMENT-FUND',
      frame.minimums.developmentFundCents,
      `a part of the net surplus every year${facts.terms.developmentFundMinBp > 0 ? ` (the statuts: ${facts.terms.developmentFundMinBp / 100} %)` : ''}${frame.redirectedCents > 0 ? `, the ${frame.redirectedCents} cents the full legal reserve does not take` : ''}${frame.gainsToFundCents > 0 ? `, the ${frame.gainsToFundCents} cents of gains beyond the legal reserve's ceiling` : ''}`,
    );
    check('SCOP-INTEREST-CAP', frame.interestAmountCapCents, 'interest ≤ the worker share and ≤ the legal reserve and fonds de développement out of the net surplus: at most a third of it');
  } else {
    const ceiling = facts.terms.legalReserveCeiling === 'allReserves' ? 'the reserves' : 'the legal reserve';
    check(
      'COOP-LEGAL-RESERVE',
      frame.minimums.legalReserveCents,
      `${facts.terms.legalReserveBp / 100} % of the surplus (${frame.legalRateCents} cents) while ${ceiling} stay below the capital (${facts.capitalCents} cents): ${frame.legalRoomCents} cents of room`,
    );
    check(
      'SCIC-STATUTORY-RESERVE',
      frame.minimums.statutoryReserveCents,
      `${facts.statutoryReserveBp / 100} % of what the legal reserve leaves${frame.redirectedCents > 0 ? `, plus the ${frame.redirectedCents} cents the full legal reserve sends on` : ''}`,
    );
    check('SCIC-SUBSIDIES', frame.interestAmountCapCents, `interest ≤ what the minimum reserves leave less the year's subsidies (${base.subsidiesCents} cents); the subsidies' equivalent goes to the statutory reserve`);
  }
  const { maxima, cap } = interestMaxima(frame, facts, heldOn, check);
  const draft = draftLines(frame, facts, maxima);
  return { base, minimums: frame.minimums, maxima, capRate: cap?.capRate ?? null, checks, draft, draftResolution: draftResolution(closing, facts, heldOn, draft, cap?.capRate ?? null) };
}

function interestMaxima(frame: AllocationFrame, facts: AllocationFacts, heldOn: IsoDate, check: (rule: RuleId, figure: number | null, detail: string) => void) {
  const none = { maxima: { shareInterestCents: 0, shareInterestRate: null as string | null }, cap: null as InterestCap | null };
  if (!facts.terms.shareInterest.allowed) return none;
  let cap: InterestCap | null = null;
  if (facts.legalForm !== 'SCOP') {
    try {
      cap = interestCapFor(heldOn, facts.tmo);
    } catch (error) {
      if (!(error instanceof RuleViolation)) throw error;
      check('COOP-INTEREST-RATE', null, error.detail);
      return none;
    }
  }
  const days = BigInt(facts.interest.days);
  const capitalDays = facts.interest.rows.reduce((sum, r) => sum + BigInt(r.capitalDays), 0n);
  if (capitalDays === 0n) return { ...none, cap };
  const amountCap = frame.interestAmountCapCents;
  // The rate that brings the amount cap (percent, 4 decimals, rounded down): the sum of floors at it never passes the cap.
  const byAmount: Ratio = floorRate(ratio(BigInt(amountCap) * 100n * days, capitalDays), 4);
  const atCap = cap ? totalGross(interestRowsAtRate(facts.interest, cap.rate)) : Number.POSITIVE_INFINITY;
  // The cap is exact (mean + 2 points) and may not end (1.39 / 6 = 0.2316…): the rate proposed is one
  // an AG can vote as written, the cap floored to 4 decimals, never above it.
  const rate = cap && atCap <= amountCap ? floorRate(cap.rate, 4) : byAmount;
  const cents = totalGross(interestRowsAtRate(facts.interest, rate));
  if (cap) check('COOP-INTEREST-RATE', atCap, `at most ${cap.capRate.rate} % (${capSource(cap.capRate)}): ${atCap} cents on the associates' paid-up capital`);
  return { maxima: { shareInterestCents: cents, shareInterestRate: formatRate(rate) }, cap };
}

function draftLines(frame: AllocationFrame, facts: AllocationFacts, maxima: AllocationProposal['maxima']): AllocationProposal['draft'] {
  const legal = frame.minimums.legalReserveCents;
  const worker = facts.legalForm === 'SCOP' ? (frame.minimums.workerShareCents ?? 0) : null;
  const interest = maxima.shareInterestCents;
  return {
    legalReserveCents: legal,
    workerShareCents: worker,
    shareInterestCents: interest,
    shareInterestRate: maxima.shareInterestRate,
    retainedEarningsCents: 0,
    statutoryReserveCents: frame.toAllocateCents - legal - (worker ?? 0) - interest,
  };
}

/** 123456 → "1 234,56 €" (French typography, a plain space for thousands). */
export function eurosFr(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const units = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${units},${String(abs % 100).padStart(2, '0')} €`;
}

function dateFr(date: IsoDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

function draftResolution(closing: Closing, facts: AllocationFacts, heldOn: IsoDate, draft: AllocationProposal['draft'], cap: CapRate | null): string {
  const scop = facts.legalForm === 'SCOP';
  if (closing.netResultCents < 0) {
    return `L'assemblée générale, après avoir pris connaissance des comptes de l'exercice clos le ${dateFr(closing.endsOn)}, qui font apparaître une perte de ${eurosFr(-closing.netResultCents)}, décide de l'affecter au report à nouveau.`;
  }
  const lines = [
    `– à la réserve légale : ${eurosFr(draft.legalReserveCents)} ;`,
    ...(scop ? [`– à la part travail des salariés : ${eurosFr(draft.workerShareCents ?? 0)} ;`] : []),
    `– ${scop ? 'au fonds de développement' : 'à la réserve statutaire impartageable'} : ${eurosFr(draft.statutoryReserveCents)} ;`,
    `– aux intérêts aux parts sociales : ${eurosFr(draft.shareInterestCents)}${draft.shareInterestRate ? ` (taux de ${draft.shareInterestRate.replace('.', ',')} % du capital libéré${cap ? `, dans la limite de ${cap.rate.replace('.', ',')} %` : ''})` : ''} ;`,
    `– au report à nouveau : ${eurosFr(draft.retainedEarningsCents)}.`,
  ];
  const prior = closing.netResultCents - (draft.legalReserveCents + draft.statutoryReserveCents + (draft.workerShareCents ?? 0) + draft.shareInterestCents + draft.retainedEarningsCents);
  return [
    `L'assemblée générale ordinaire du ${dateFr(heldOn)}, après avoir pris connaissance des comptes de l'exercice clos le ${dateFr(closing.endsOn)}, qui font apparaître un excédent net de ${eurosFr(closing.netResultCents)}${prior > 0 ? `, dont ${eurosFr(prior)} apurent le report à nouveau débiteur` : ''}, décide de l'affecter comme suit :`,
    ...lines,
  ].join('\n');
}
