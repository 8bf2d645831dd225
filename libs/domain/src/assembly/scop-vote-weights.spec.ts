import fc from 'fast-check';
import { compareRatios, Ratio, ratio } from '../shared/fraction';
import { isReduced, ONE, scopVoteWeights, weightFraction, WeighedVoter } from './scop-vote-weights';

/** `c` cooperators, `n` non-cooperative outsiders, `s` cooperative societies among the outsiders. */
function list(c: number, n: number, s = 0): WeighedVoter[] {
  return [...Array.from({ length: c }, () => ({ employee: true })), ...Array.from({ length: n }, () => ({ employee: false })), ...Array.from({ length: s }, () => ({ employee: false, cooperativeSociety: true }))];
}

const fraction = (r: Ratio) => weightFraction(r);
/** Σ weights of one group: count × weight. */
const times = (count: number, w: Ratio): Ratio => ({ numerator: BigInt(count) * w.numerator, denominator: w.denominator });
const plus = (a: Ratio, b: Ratio): Ratio => ({ numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator });
/** part ÷ whole compared with bp/100 as an exact fraction: -1, 0, 1. */
const shareVs = (part: Ratio, whole: Ratio, percent: number) => compareRatios({ numerator: part.numerator * whole.denominator, denominator: part.denominator * whole.numerator }, ratio(percent, 100));

describe('SCOP-VOTES-65: scopVoteWeights, the weights fixed on the voter list', () => {
  it('SCOP-VOTES-65 leaves every vote at 1 when outsiders hold exactly 35 % of the voting rights (13 cooperators, 7 outsiders)', () => {
    const w = scopVoteWeights('SCOP', list(13, 7));
    expect(fraction(w.outsider)).toEqual({ numerator: '1', denominator: '1' });
    expect(isReduced(w)).toBe(false);
  });

  it('SCOP-VOTES-65 reduces each outsider as soon as they hold more than 35 % (13 cooperators, 8 outsiders → 91/104 = 7/8)', () => {
    // N′ = 35/65 × 13 = 7; k = 7/8.
    const w = scopVoteWeights('SCOP', list(13, 8));
    expect(fraction(w.outsider)).toEqual({ numerator: '7', denominator: '8' });
    expect(isReduced(w)).toBe(true);
  });

  it('SCOP-VOTES-65: 13 cooperators and 10 outsiders → each outsider weighs 7/10 (docs/rules.md)', () => {
    expect(fraction(scopVoteWeights('SCOP', list(13, 10)).outsider)).toEqual({ numerator: '7', denominator: '10' });
  });

  it('SCOP-VOTES-65: 5 cooperators and 4 outsiders → 35/52, measured on the list whoever turns out', () => {
    const w = scopVoteWeights('SCOP', list(5, 4));
    expect(fraction(w.outsider)).toEqual({ numerator: '35', denominator: '52' });
    expect({ cooperators: w.cooperators, outsiders: w.outsiders, cooperativeSocieties: w.cooperativeSocieties }).toEqual({ cooperators: 5, outsiders: 4, cooperativeSocieties: 0 });
  });

  it('SCOP-VOTES-65 two tiers: cooperative societies may bring outsiders to 49 %, the non-cooperatives among them still 35 %', () => {
    // 10 cooperators, 1 cooperative society, 8 others: 9/19 = 47.4 % ≤ 49 %, the society keeps 1;
    // the others are scaled to 35/65 × (10 + 1) ÷ 8 = 385/520 = 77/104.
    const w = scopVoteWeights('SCOP', list(10, 8, 1));
    expect([fraction(w.cooperativeSociety), fraction(w.outsider)]).toEqual([
      { numerator: '1', denominator: '1' },
      { numerator: '77', denominator: '104' },
    ]);
    const others = times(8, w.outsider);
    const total = plus(plus(ratio(10, 1), times(1, w.cooperativeSociety)), others);
    expect(shareVs(others, total, 35)).toBe(0);
  });

  it('SCOP-VOTES-65 two tiers: above 49 % every outsider is scaled to 49/51 × C first', () => {
    // 10 cooperators, 6 societies, 6 others: 12/22 > 49 % → k1 = 490/612 = 245/306 for all;
    // the 6 others then weigh 245/51 of 1000/51 = 24.5 % ≤ 35 %: no second tier.
    const w = scopVoteWeights('SCOP', list(10, 6, 6));
    expect([fraction(w.cooperativeSociety), fraction(w.outsider)]).toEqual([
      { numerator: '245', denominator: '306' },
      { numerator: '245', denominator: '306' },
    ]);
  });

  it('SCOP-VOTES-65 two tiers at the edge: outsiders at exactly 49 % with societies among them keep 1', () => {
    // 51 cooperators, 20 societies, 29 others: 49/100 exactly; others 29 % ≤ 35 %.
    const w = scopVoteWeights('SCOP', list(51, 29, 20));
    expect([w.cooperativeSociety, w.outsider]).toEqual([ONE, ONE]);
    // One more society: 50/101 > 49 % → reduced.
    expect(isReduced(scopVoteWeights('SCOP', list(51, 29, 21)))).toBe(true);
  });

  it('SCOP-VOTES-65 does not apply to a SCIC: every vote weighs 1', () => {
    const w = scopVoteWeights('SCIC', list(1, 10));
    expect([w.outsider, w.cooperativeSociety]).toEqual([ONE, ONE]);
  });

  it('SCOP-VOTES-65 property: once weighed, non-cooperatives hold at most 35 % and all outsiders at most 49 % (35 % without societies), exactly at the cap when reduced', () =>
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.nat({ max: 60 }), fc.nat({ max: 60 }), (c, n, s) => {
        const w = scopVoteWeights('SCOP', list(c, n, s));
        const others = times(n, w.outsider);
        const societies = times(s, w.cooperativeSociety);
        const total = plus(plus(ratio(c, 1), societies), others);
        expect(shareVs(others, total, 35)).toBeLessThanOrEqual(0);
        expect(shareVs(plus(others, societies), total, s > 0 ? 49 : 35)).toBeLessThanOrEqual(0);
        if (n > 0 && compareRatios(w.outsider, w.cooperativeSociety) < 0) expect(shareVs(others, total, 35)).toBe(0);
        if (s > 0 && compareRatios(w.cooperativeSociety, ONE) < 0) expect(shareVs(plus(times(n + s, w.cooperativeSociety), ratio(0, 1)), plus(ratio(c, 1), times(n + s, w.cooperativeSociety)), 49)).toBe(0);
      }),
      { numRuns: 500 },
    ));
});
