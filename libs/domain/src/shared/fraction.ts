/**
 * Exact comparisons for legal thresholds. Shares, cents and counts are safe integers;
 * products are taken in BigInt so that 51 % of 10^15 cents never loses a digit.
 */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function ratio(numerator: number | bigint, denominator: number | bigint): Ratio {
  const d = BigInt(denominator);
  if (d === 0n) throw new Error('ratio with a zero denominator');
  return d < 0n ? { numerator: -BigInt(numerator), denominator: -d } : { numerator: BigInt(numerator), denominator: d };
}

/** part / whole ≥ bp / 10000, exactly. An empty whole meets any threshold vacuously. */
export function atLeastBp(part: number | bigint, whole: number | bigint, bp: number): boolean {
  return BigInt(part) * 10000n >= BigInt(whole) * BigInt(bp);
}

/** part / whole ≤ bp / 10000, exactly. */
export function atMostBp(part: number | bigint, whole: number | bigint, bp: number): boolean {
  return BigInt(part) * 10000n <= BigInt(whole) * BigInt(bp);
}

/** a ≥ b for fractions (denominators positive). */
export function compareRatios(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** part / whole in basis points, rounded down: for display only, never to decide. */
export function bpFloor(part: number | bigint, whole: number | bigint): number {
  const w = BigInt(whole);
  if (w === 0n) return 0;
  return Number((BigInt(part) * 10000n) / w);
}

/** amount × bp / 10000 rounded up, in cents: the least that satisfies "at least bp of amount". */
export function ceilBpOf(amountCents: number, bp: number): number {
  const product = BigInt(amountCents) * BigInt(bp);
  return Number((product + 9999n) / 10000n);
}

/**
 * part / whole in basis points, rounded up: for displaying an "at most" figure (public bodies
 * ≤ 50 %), so that a displayed 5000 never hides 50.004 %. Display only, never to decide.
 */
export function bpCeil(part: number | bigint, whole: number | bigint): number {
  const w = BigInt(whole);
  if (w === 0n) return 0;
  return Number((BigInt(part) * 10000n + w - 1n) / w);
}

/** ⌊a × b / c⌋ exactly, for pro rata shares of a holding whose product may pass 2^53. */
export function mulDivFloor(a: number, b: number, c: number): number {
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
