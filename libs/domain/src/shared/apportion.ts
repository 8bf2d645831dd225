/**
 * Parts of one whole in basis points that add up to exactly 10000: Hamilton's largest remainder
 * method. Each part gets its quota rounded down, then the basis points still missing go one each
 * to the largest remainders, ties to the earlier part — so a column of a cap table never reads
 * 99.99 % or 100.01 %. Display only: no rule is decided on these figures (see fraction.ts).
 *
 * `fixed` pins some parts to a basis-point figure already shown elsewhere (a legal check's
 * value, rounded the way that check rounds it): the other parts share what is left of the
 * 10000 in proportion to their amounts, by the same method. A zero total gives every part 0.
 */
export function largestRemainderBp(parts: ReadonlyArray<number | bigint>, fixed: ReadonlyMap<number, number> = new Map()): number[] {
  const amounts = parts.map((p) => BigInt(p));
  if (amounts.some((a) => a < 0n)) throw new RangeError('largestRemainderBp: parts must not be negative');
  const total = amounts.reduce((sum, a) => sum + a, 0n);
  const shares = amounts.map(() => 0);
  if (total === 0n) return shares;
  let budget = 10000n;
  let restTotal = 0n;
  amounts.forEach((amount, i) => {
    const pinned = fixed.get(i);
    if (pinned === undefined) restTotal += amount;
    else {
      if (!Number.isInteger(pinned) || pinned < 0) throw new RangeError(`largestRemainderBp: fixed part ${i} must be a whole number of basis points`);
      shares[i] = pinned;
      budget -= BigInt(pinned);
    }
  });
  if (budget < 0n) throw new RangeError('largestRemainderBp: the fixed parts exceed 10000 bp');
  if (restTotal === 0n) return shares;
  const remainders: Array<{ index: number; remainder: bigint }> = [];
  let given = 0n;
  amounts.forEach((amount, i) => {
    if (fixed.has(i)) return;
    const quota = amount * budget;
    shares[i] = Number(quota / restTotal);
    given += quota / restTotal;
    remainders.push({ index: i, remainder: quota % restTotal });
  });
  // Sort is stable: equal remainders keep the parts' order.
  remainders.sort((a, b) => (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; k < Number(budget - given); k++) shares[remainders[k].index] += 1;
  return shares;
}
