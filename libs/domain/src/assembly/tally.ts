import { College, CollegeCounting, LegalForm, Majority } from '../cooperative/statuts';
import { FULL_BP, LEGAL } from '../cooperative/thresholds';
import { compareRatios, Ratio, ratio } from '../shared/fraction';
import { CollegeResult, Outcome, ResolutionResult, VoteCounts } from './assembly-events';
import { addRatios, ceilBp, divideBy, exactFraction, floorBp, reduced, weighted, ZERO } from './exact';

/**
 * The votes of one collège (code null: no collèges, everyone in one), as the assembly gathered
 * them: ballots or hands, plus the blank proxies that vote on this resolution.
 */
export interface CollegeVotes {
  code: string | null;
  votes: VoteCounts;
  /** SCOP-VOTES-65: the part of `votes` cast by non-employee associates. Read for a SCOP only. */
  nonEmployeeVotes: VoteCounts;
  /** AG-BLANK-PROXY: blank proxies of this collège that vote, and how many are non-employees. */
  blankProxies: number;
  nonEmployeeBlankProxies: number;
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
}

export interface Tally {
  outcome: Outcome;
  result: ResolutionResult;
}

/** One collège's for and against, split employee / non-employee (all "employee" outside a SCOP). */
interface Side {
  code: string | null;
  weightBp: number;
  counts: VoteCounts;
  blankProxies: number;
  forE: bigint;
  againstE: bigint;
  forN: bigint;
  againstN: bigint;
}

/**
 * The outcome of a resolution, decided exactly (AG-MAJORITY, AG-COLLEGE-TALLY, COOP-ONE-VOTE,
 * SCOP-VOTES-65, AG-BLANK-PROXY). Pure, O(collèges). Votes cast are for + against: abstentions
 * and blank ballots are not votes cast (C.com. L.225-96/98 as amended by loi 2019-744).
 *
 * - No collèges: for ÷ cast.
 * - Collèges, proportional: Σ w × for/cast over the collèges with votes cast, ÷ Σ of their w.
 * - Collèges, majority: Σ w of the collèges where for > against, ÷ Σ w of those with votes cast.
 *   A tie inside a collège gives its weight to neither side, yet it still counts in the
 *   denominator: a divided collège has voted, it has not abstained, so it is not dropped.
 * - In both modes a collège with no vote cast drops out and the others are rescaled pro rata.
 * - SCOP: when non-employee votes cast exceed 35 % of the votes cast, each is multiplied by
 *   k = 35 × employee cast ÷ (65 × non-employee cast), so that they weigh exactly 35 %.
 */
export function tallyResolution(input: TallyInput): Tally {
  const sides = sidesOf(input);
  const employeeCast = sides.reduce((sum, s) => sum + s.forE + s.againstE, 0n);
  const nonEmployeeCast = sides.reduce((sum, s) => sum + s.forN + s.againstN, 0n);
  const reduction = input.legalForm === 'SCOP' && exceedsNonEmployeeShare(employeeCast, nonEmployeeCast);
  // Scaling both groups by 65 × N and 35 × E instead of multiplying by k keeps every figure whole.
  const [scaleE, scaleN] = reduction ? [BigInt(LEGAL.scopEmployeeVotesMinBp) * nonEmployeeCast, BigInt(NON_EMPLOYEE_MAX_BP) * employeeCast] : [1n, 1n];
  const scaled = sides.map((s) => ({ side: s, for: scaleE * s.forE + scaleN * s.forN, against: scaleE * s.againstE + scaleN * s.againstN }));
  const counted = scaled.filter((s) => s.for + s.against > 0n);
  const countedWeight = counted.reduce((sum, s) => sum + BigInt(s.side.weightBp), 0n);

  // Without collèges there is nothing to give "a collège's whole weight" to: for ÷ cast.
  const counting: CollegeCounting = input.colleges.length === 0 ? 'proportional' : input.collegeCounting;
  const share = countedWeight === 0n ? ZERO : divideBy(counted.reduce((sum, s) => addRatios(sum, collegeShare(counting, BigInt(s.side.weightBp), s.for, s.against)), ZERO), countedWeight);
  const required = ratio(input.majority.numerator, input.majority.denominator);
  const adopted = countedWeight > 0n && meetsMajority(share, input.majority);
  const colleges: CollegeResult[] = scaled.map((s) => {
    const dropped = s.for + s.against === 0n;
    return {
      code: s.side.code,
      weightBp: s.side.weightBp,
      effectiveWeightBp: dropped ? 0 : Number((BigInt(s.side.weightBp) * BigInt(FULL_BP)) / countedWeight),
      ...s.side.counts,
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
      scopReduction: reduction
        ? {
            factor: exactFraction(reduced(ratio(BigInt(NON_EMPLOYEE_MAX_BP) * employeeCast, BigInt(LEGAL.scopEmployeeVotesMinBp) * nonEmployeeCast))),
            nonEmployeeVotesCast: Number(nonEmployeeCast),
            employeeVotesCast: Number(employeeCast),
          }
        : null,
      votesCast: Number(employeeCast + nonEmployeeCast),
      quorumMet: input.quorumMet !== false,
    },
  };
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
function collegeShare(counting: CollegeCounting, weight: bigint, votesFor: bigint, votesAgainst: bigint): Ratio {
  if (counting === 'majority') return votesFor > votesAgainst ? ratio(weight, 1) : ZERO;
  return weighted(weight, votesFor, votesFor + votesAgainst);
}

function sidesOf(input: TallyInput): Side[] {
  const byCode = new Map<string | null, CollegeVotes>(input.votes.map((v) => [v.code, v]));
  const entries: Array<{ code: string | null; weightBp: number }> = input.colleges.length === 0 ? [{ code: null, weightBp: FULL_BP }] : input.colleges.map((c) => ({ code: c.code, weightBp: c.weightBp }));
  const scop = input.legalForm === 'SCOP';
  return entries.map(({ code, weightBp }) => {
    const v = input.quorumMet === false ? undefined : byCode.get(code);
    if (!v) return { code, weightBp, counts: { for: 0, against: 0, abstain: 0, blank: 0 }, blankProxies: 0, forE: 0n, againstE: 0n, forN: 0n, againstN: 0n };
    const blankFor = input.boardApproved ? v.blankProxies : 0;
    const blankAgainst = input.boardApproved ? 0 : v.blankProxies;
    const counts = { for: v.votes.for + blankFor, against: v.votes.against + blankAgainst, abstain: v.votes.abstain, blank: v.votes.blank };
    const forN = scop ? v.nonEmployeeVotes.for + (input.boardApproved ? v.nonEmployeeBlankProxies : 0) : 0;
    const againstN = scop ? v.nonEmployeeVotes.against + (input.boardApproved ? 0 : v.nonEmployeeBlankProxies) : 0;
    return {
      code,
      weightBp,
      counts,
      blankProxies: v.blankProxies,
      forE: BigInt(counts.for - forN),
      againstE: BigInt(counts.against - againstN),
      forN: BigInt(forN),
      againstN: BigInt(againstN),
    };
  });
}
