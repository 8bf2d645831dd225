import { Ratio, ratio } from '../shared/fraction';
import { ExactFraction } from './assembly-events';

/**
 * Exact rational arithmetic for tallies (AG-COLLEGE-TALLY: "exact rational arithmetic, no
 * floats"), on top of shared/fraction.ts. Every ratio here has a positive denominator.
 */

export const ZERO: Ratio = { numerator: 0n, denominator: 1n };

export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function reduced(r: Ratio): Ratio {
  if (r.numerator === 0n) return ZERO;
  const g = gcd(r.numerator, r.denominator);
  return { numerator: r.numerator / g, denominator: r.denominator / g };
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return reduced({ numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator });
}

/** w × part / whole, reduced. */
export function weighted(weight: bigint, part: bigint, whole: bigint): Ratio {
  return reduced(ratio(weight * part, whole));
}

export function divideBy(r: Ratio, divisor: bigint): Ratio {
  return reduced(ratio(r.numerator, r.denominator * divisor));
}

/** As JSON: the reduced fraction, digits as strings. */
export function exactFraction(r: Ratio): ExactFraction {
  const { numerator, denominator } = reduced(r);
  return { numerator: numerator.toString(), denominator: denominator.toString() };
}

/** r in basis points rounded down: for display only, never to decide. */
export function floorBp(r: Ratio): number {
  return Number((r.numerator * 10000n) / r.denominator);
}

/** r in basis points rounded up: for display only (a required 2/3 shows as 6667). */
export function ceilBp(r: Ratio): number {
  return Number((r.numerator * 10000n + r.denominator - 1n) / r.denominator);
}
