import type { LegalForm } from '../cooperative/statuts';
import { compareRatios, Ratio, ratio } from '../shared/fraction';
import { ExactFraction } from './assembly-events';
import { exactFraction, reduced } from './exact';

/**
 * SCOP-VOTES-65 (L1947 art. 3 bis; docs/rules.md): non-cooperator associates hold together at
 * most 35 % of the total voting rights — at most 49 % when some of them are cooperative
 * societies, the non-cooperatives among them still at most 35 %. The base is the voting rights
 * on the register, i.e. the voter list fixed at the record date (AG-VOTERS), not the votes cast:
 * the weights are fixed here, once, and every tally and quorum of the assembly uses them,
 * whoever turns out.
 *
 * Cooperators (active employee-associates, and former employees still associates: category
 * `employee`) weigh 1. When outsiders exceed the cap, each of their votes is reduced in the same
 * proportion, k = N′ ÷ N with N′ = 35/65 × C, so that N′ ÷ (C + N′) = 35 % exactly. Two tiers
 * when cooperative societies are among the outsiders: first every outsider is scaled to
 * 49/51 × C (the 49 % cap), then, if the non-cooperative outsiders still exceed 35 % of the new
 * total, they alone are scaled further.
 */
export interface ScopVoteWeights {
  /** Cooperators on the list (weight 1). */
  cooperators: number;
  /** Non-cooperators on the list, cooperative societies included. */
  outsiders: number;
  /** Outsiders that are themselves cooperative societies. */
  cooperativeSocieties: number;
  /** The weight of one non-cooperative outsider's vote (1 when not reduced). */
  outsider: Ratio;
  /** The weight of one cooperative society's vote (1 when not reduced). */
  cooperativeSociety: Ratio;
}

/** What the weights are computed from: the voter list's cooperator and cooperative-society marks. */
export interface WeighedVoter {
  employee: boolean;
  cooperativeSociety?: boolean;
}

export const ONE: Ratio = { numerator: 1n, denominator: 1n };

/** All outsiders together, when cooperative societies are among them: at most 49 %. */
const ALL_OUTSIDERS_MAX = { part: 49n, rest: 51n };
/** Non-cooperative outsiders: at most 35 %. */
const NON_COOPERATIVES_MAX = { part: 35n, rest: 65n };

export function scopVoteWeights(legalForm: LegalForm, voters: readonly WeighedVoter[]): ScopVoteWeights {
  let cooperators = 0;
  let cooperativeSocieties = 0;
  let others = 0;
  for (const v of voters) {
    if (v.employee) cooperators += 1;
    else if (v.cooperativeSociety === true) cooperativeSocieties += 1;
    else others += 1;
  }
  const counts = { cooperators, outsiders: cooperativeSocieties + others, cooperativeSocieties };
  // Without a cooperator no reduction can bring outsiders to 35 %: convening refuses that list.
  if (legalForm !== 'SCOP' || cooperators === 0) return { ...counts, outsider: ONE, cooperativeSociety: ONE };
  const c = BigInt(cooperators);
  const nc = BigInt(cooperativeSocieties);
  const nn = BigInt(others);
  // Tier 1 (cooperative societies among the outsiders): all outsiders ≤ 49/51 × C.
  const k1 = nc > 0n ? capped(ALL_OUTSIDERS_MAX, c, nc + nn) : ONE;
  // Tier 2: the non-cooperatives ≤ 35/65 × (C + k1 × Nc), the rest of the new total.
  const rest = reduced({ numerator: c * k1.denominator + k1.numerator * nc, denominator: k1.denominator });
  const k2 = nn > 0n ? minRatio(k1, cappedRatio(NON_COOPERATIVES_MAX, rest, nn)) : k1;
  return { ...counts, outsider: k2, cooperativeSociety: k1 };
}

/** min(1, part/rest × base ÷ n): the weight that makes n votes weigh part/(part + rest) beside `base`. */
function capped(max: { part: bigint; rest: bigint }, base: bigint, n: bigint): Ratio {
  return cappedRatio(max, ratio(base, 1), n);
}

function cappedRatio(max: { part: bigint; rest: bigint }, base: Ratio, n: bigint): Ratio {
  const k = reduced(ratio(max.part * base.numerator, max.rest * base.denominator * n));
  return minRatio(ONE, k);
}

function minRatio(a: Ratio, b: Ratio): Ratio {
  return compareRatios(a, b) <= 0 ? a : b;
}

/** The weight SCOP-VOTES-65 gives one voter of the list. */
export function weightOf(weights: ScopVoteWeights, voter: WeighedVoter): Ratio {
  if (voter.employee) return ONE;
  return voter.cooperativeSociety === true ? weights.cooperativeSociety : weights.outsider;
}

/** As the voter list records it: `{ numerator, denominator }`, digits as strings. */
export function weightFraction(weight: Ratio): ExactFraction {
  return weight.numerator === 0n ? { numerator: '0', denominator: '1' } : exactFraction(weight);
}

/** Whether any weight of the list is below 1: the reduction is in force for this assembly. */
export function isReduced(weights: ScopVoteWeights): boolean {
  return (weights.outsiders - weights.cooperativeSocieties > 0 && compareRatios(weights.outsider, ONE) < 0) || (weights.cooperativeSocieties > 0 && compareRatios(weights.cooperativeSociety, ONE) < 0);
}
