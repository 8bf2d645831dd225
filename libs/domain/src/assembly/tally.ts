import { College, CollegeCounting, LegalForm, Majority } from '../cooperative/statuts';
import { FULL_BP, LEGAL } from '../cooperative/thresholds';
import { compareRatios, Ratio, ratio } from '../shared/fraction';
import { CollegeResult, ExactFraction, Outcome, ResolutionResult, ScopReduction, VoteCounts } from './assembly-events';
import type { ScopList } from './assembly-state';
import { addRatios, ceilBp, divideBy, exactFraction, floorBp, reduced, weighted, ZERO } from './exact';

/**
 * The votes of one collège (code null: no collèges, everyone in one), as the assembly gathered
 * them: ballots or hands, plus the blank proxies that vote on this resolution.
 */
export interface CollegeVotes {
  code: string | null;
  votes: VoteCounts;
  /** The part of `votes` cast by non-employee associates (the legacy SCOP-VOTES-65 reduction reads it). */
  nonEmployeeVotes: VoteCounts;
  /** AG-BLANK-PROXY: blank proxies of this collège that vote, and how many are non-employees. */
  blankProxies: number;
  nonEmployeeBlankProxies: number;
  /**
   * SCOP-VOTES-65 on the register: the sum of the weights (fixed on the voter list) of the votes
   * for and against, blank proxies included. Absent: every vote weighs 1 (COOP-ONE-VOTE).
   */
  weighted?: { for: Ratio; against: Ratio };
}

export interface TallyInput {
  method: 'ballots' | 'show_of_hands';
  /** AG-MAJORITY for the resolution's kind. */
  majority: Majority;
  legalForm: LegalForm;
  /** Empty: no collèges, one associate one vote (COOP-ONE-VOTE). */
  colleges: readonly College[];
  collegeCounting: CollegeCounting;
  /** AG-BLANK-PROXY: blank proxies vote for what the board approves, against the rest. */
  boardApproved: boolean;
  votes: readonly CollegeVotes[];
  /** false: the assembly could not vote on it (AG-QUORUM); the votes are ignored. Default true. */
  quorumMet?: boolean;
  /**
   * SCOP-VOTES-65. `register` (default, edition 2026-12): the weights fixed on the voter list,
   * given in `votes[].weighted`. `votesCast`: an assembly convened before weights were recorded
   * keeps the reduction as it was then computed, on the votes cast.
   */
  reductionBase?: 'register' | 'votesCast';
  /** SCOP-VOTES-65 on the register: who is on the list and their weights, for the result. */
  scopList?: ScopList | null;
}

export interface Tally {
  outcome: Outcome;
  result: ResolutionResult;
}

/** One collège's for and against, weighed, with its head counts. */
interface Side {
  code: string | null;
  weightBp: number;
  counts: VoteCounts;
  blankProxies: number;
  employeeCast: bigint;
  nonEmployeeCast: bigint;
  for: Ratio;
  against: Ratio;
}

/**
 * The outcome of a resolution, decided exactly (AG-MAJORITY, AG-COLLEGE-TALLY, COOP-ONE-VOTE,
 * SCOP-VOTES-65, AG-BLANK-PROXY). Pure, O(collèges). Votes cast are for + against: abstentions
 * and blank ballots are not votes cast (C.com. L.225-96/98 as amended by loi 2019-744).
 *
 * - No collèges: for ÷ cast, each vote with its weight (1, or a SCOP outsider's reduced weight).
 * - Collèges, proportional: Σ w × for/cast over the collèges with votes cast, ÷ Σ of their w.
 * - Collèges, majority: Σ w of the collèges where for > against, ÷ Σ w of those with votes cast.
 *   A tie inside a collège gives its weight to neither side, yet it still counts in the
 *   denominator: a divided collège has voted, it has not abstained, so it is not dropped.
 * - In both modes a collège with no vote cast drops out and the others are rescaled pro rata.
 * - SCOP: the weights are those fixed on the voter list (scop-vote-weights.ts), whoever turns
 *   out. An assembly convened before they were recorded reduces as it then did: when
 *   non-employee votes cast exceed 35 % of the votes cast, each is multiplied by
 *   k = 35 × employee cast ÷ (65 × non-employee cast).
 */
export function tallyResolution(input: TallyInput): Tally {
  const raw = sidesOf(input);
  const employeeCast = raw.reduce((sum, s) => sum + s.employeeCast, 0n);
  const nonEmployeeCast = raw.reduce((sum, s) => sum + s.nonEmployeeCast, 0n);
  const legacy = input.legalForm === 'SCOP' && input.reductionBase === 'votesCast';
  const legacyReduction = legacy && exceedsNonEmployeeShare(employeeCast, nonEmployeeCast);
  const sides = legacyReduction ? raw.map((s) => reducedOnVotesCast(s, input, employeeCast, nonEmployeeCast)) : raw;
  const counted = sides.filter((s) => isPositive(s.for) || isPositive(s.against));
  const countedWeight = counted.reduce((sum, s) => sum + BigInt(s.weightBp), 0n);

  // Without collèges there is nothing to give "a collège's whole weight" to: for ÷ cast.
  const counting: CollegeCounting = input.colleges.length === 0 ? 'proportional' : input.collegeCounting;
  const share =
    countedWeight === 0n
      ? ZERO
      : divideBy(
          counted.reduce((sum, s) => addRatios(sum, collegeShare(counting, BigInt(s.weightBp), s.for, s.against)), ZERO),
          countedWeight,
        );
  const required = ratio(input.majority.numerator, input.majority.denominator);
  const adopted = countedWeight > 0n && meetsMajority(share, input.majority);
  const colleges: CollegeResult[] = sides.map((s) => {
    const dropped = !isPositive(s.for) && !isPositive(s.against);
    return {
      code: s.code,
      weightBp: s.weightBp,
      effectiveWeightBp: dropped ? 0 : Number((BigInt(s.weightBp) * BigInt(FULL_BP)) / countedWeight),
      ...s.counts,
      dropped,
    };
  });
  return {
    outcome: adopted ? 'adopted' : 'rejected',
    result: {
      method: input.method,
      forBp: floorBp(share),
      requiredBp: ceilBp(required),
      majority: { numerator: input.majority.numerator, denominator: input.majority.denominator, strict: input.majority.strict },
      exact: exactFraction(share),
      colleges,
      droppedColleges: colleges.filter((c) => c.dropped && c.code !== null).map((c) => c.code as string),
      blankProxies: sides.reduce((sum, s) => sum + s.blankProxies, 0),
      scopReduction: legacy
        ? legacyReduction
          ? {
              factor: exactFraction(reduced(ratio(BigInt(NON_EMPLOYEE_MAX_BP) * employeeCast, BigInt(LEGAL.scopEmployeeVotesMinBp) * nonEmployeeCast))),
              nonEmployeeVotesCast: Number(nonEmployeeCast),
              employeeVotesCast: Number(employeeCast),
            }
          : null
        : registerReduction(input, employeeCast, nonEmployeeCast),
      votesCast: Number(employeeCast + nonEmployeeCast),
      quorumMet: input.quorumMet !== false,
    },
  };
}

/** SCOP-VOTES-65 on the register: the weights the list fixed, when any is below 1. */
function registerReduction(input: TallyInput, employeeCast: bigint, nonEmployeeCast: bigint): ScopReduction | null {
  const list = input.scopList;
  if (input.legalForm !== 'SCOP' || !list) return null;
  const others = list.outsiders - list.cooperativeSocieties;
  const below = (w: ExactFraction) => BigInt(w.numerator) < BigInt(w.denominator);
  if (!((others > 0 && below(list.outsiderWeight)) || (list.cooperativeSocieties > 0 && below(list.cooperativeSocietyWeight)))) return null;
  return {
    factor: others > 0 ? list.outsiderWeight : list.cooperativeSocietyWeight,
    nonEmployeeVotesCast: Number(nonEmployeeCast),
    employeeVotesCast: Number(employeeCast),
    base: 'register',
    cooperatorsOnList: list.cooperators,
    outsidersOnList: list.outsiders,
    cooperativeSocietyFactor: list.cooperativeSocieties > 0 ? list.cooperativeSocietyWeight : null,
  };
}

/** The legacy reduction: scaling both groups by 65 × N and 35 × E instead of multiplying by k keeps every figure whole. */
function reducedOnVotesCast(s: Side, input: TallyInput, employeeCast: bigint, nonEmployeeCast: bigint): Side {
  const scaleE = BigInt(LEGAL.scopEmployeeVotesMinBp) * nonEmployeeCast;
  const scaleN = BigInt(NON_EMPLOYEE_MAX_BP) * employeeCast;
  const v = input.votes.find((x) => x.code === s.code);
  const blankFor = v && input.boardApproved ? v.nonEmployeeBlankProxies : 0;
  const blankAgainst = v && !input.boardApproved ? v.nonEmployeeBlankProxies : 0;
  const forN = BigInt(v && input.quorumMet !== false ? v.nonEmployeeVotes.for + blankFor : 0);
  const againstN = BigInt(v && input.quorumMet !== false ? v.nonEmployeeVotes.against + blankAgainst : 0);
  const forE = BigInt(s.counts.for) - forN;
  const againstE = BigInt(s.counts.against) - againstN;
  return { ...s, for: ratio(scaleE * forE + scaleN * forN, 1), against: ratio(scaleE * againstE + scaleN * againstN, 1) };
}

function isPositive(r: Ratio): boolean {
  return r.numerator > 0n;
}

/** SCOP-VOTES-65: non-employees may weigh at most 35 % of the votes. */
const NON_EMPLOYEE_MAX_BP = FULL_BP - LEGAL.scopEmployeeVotesMinBp;

/** N ÷ (E + N) > 35 %, exactly. */
export function exceedsNonEmployeeShare(employeeCast: bigint, nonEmployeeCast: bigint): boolean {
  return nonEmployeeCast * BigInt(FULL_BP) > (employeeCast + nonEmployeeCast) * BigInt(NON_EMPLOYEE_MAX_BP);
}

/** AG-MAJORITY: share > n/d when strict ("more than half"), share ≥ n/d otherwise ("two thirds"). */
export function meetsMajority(share: Ratio, majority: Majority): boolean {
  const c = compareRatios(share, ratio(majority.numerator, majority.denominator));
  return majority.strict ? c > 0 : c >= 0;
}

/** AG-COLLEGE-TALLY: what one collège with votes cast brings to the weighted sum. */
function collegeShare(counting: CollegeCounting, weight: bigint, votesFor: Ratio, votesAgainst: Ratio): Ratio {
  // Over a common denominator the weighed votes compare, and divide, as whole numbers.
  const f = votesFor.numerator * votesAgainst.denominator;
  const a = votesAgainst.numerator * votesFor.denominator;
  if (counting === 'majority') return f > a ? ratio(weight, 1) : ZERO;
  return weighted(weight, f, f + a);
}

function sidesOf(input: TallyInput): Side[] {
  const byCode = new Map<string | null, CollegeVotes>(input.votes.map((v) => [v.code, v]));
  const entries: Array<{ code: string | null; weightBp: number }> = input.colleges.length === 0 ? [{ code: null, weightBp: FULL_BP }] : input.colleges.map((c) => ({ code: c.code, weightBp: c.weightBp }));
  return entries.map(({ code, weightBp }) => {
    const v = input.quorumMet === false ? undefined : byCode.get(code);
    if (!v) return { code, weightBp, counts: { for: 0, against: 0, abstain: 0, blank: 0 }, blankProxies: 0, employeeCast: 0n, nonEmployeeCast: 0n, for: ZERO, against: ZERO };
    const blankFor = input.boardApproved ? v.blankProxies : 0;
    const blankAgainst = input.boardApproved ? 0 : v.blankProxies;
    const counts = { for: v.votes.for + blankFor, against: v.votes.against + blankAgainst, abstain: v.votes.abstain, blank: v.votes.blank };
    const nonEmployeeCast = v.nonEmployeeVotes.for + v.nonEmployeeVotes.against + v.nonEmployeeBlankProxies;
    return {
      code,
      weightBp,
      counts,
      blankProxies: v.blankProxies,
      employeeCast: BigInt(counts.for + counts.against - nonEmployeeCast),
      nonEmployeeCast: BigInt(nonEmployeeCast),
      for: v.weighted ? v.weighted.for : ratio(counts.for, 1),
      against: v.weighted ? v.weighted.against : ratio(counts.against, 1),
    };
  });
}
