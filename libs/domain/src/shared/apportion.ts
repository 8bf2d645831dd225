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
  if (fixed.size === 0) {
    const split = splitOfSafeIntegers(parts);
    if (split) return split;
  }
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

/**
 * The same split in integers that doubles hold exactly: while every amount × 10000 is a safe
 * integer (a capital under 900 billion euros), quotient and remainder are exact, so the result
 * is the BigInt method's. The largest remainders are found by the remainder that ranks
 * `missing`-th (one native sort of numbers) instead of a sort of every part by comparator: a cap
 * table of 100,000 rows splits in milliseconds. Undefined when the parts fall outside it (bigint,
 * negative, unsafe): the BigInt method then decides, or refuses.
 */
function splitOfSafeIntegers(parts: ReadonlyArray<number | bigint>): number[] | undefined {
  let total = 0;
  for (const part of parts) {
    if (typeof part !== 'number' || !Number.isSafeInteger(part) || part < 0) return undefined;
    total += part;
  }
  if (!Number.isSafeInteger(total * 10000)) return undefined;
  const shares = new Array<number>(parts.length).fill(0);
  if (total === 0) return shares;
  const remainders = new Float64Array(parts.length);
  let given = 0;
  parts.forEach((part, i) => {
    const quota = (part as number) * 10000;
    // A quotient rounded up by the division is put back: quota - share × total is exact.
    let share = Math.floor(quota / total);
    let remainder = quota - share * total;
    if (remainder < 0) [share, remainder] = [share - 1, remainder + total];
    else if (remainder >= total) [share, remainder] = [share + 1, remainder - total];
    shares[i] = share;
    remainders[i] = remainder;
    given += share;
  });
  const missing = 10000 - given;
  if (missing === 0) return shares;
  // Every part above the missing-th largest remainder gets a point; of those equal to it, the earliest.
  const threshold = remainders.slice().sort()[parts.length - missing];
  let tied = missing;
  for (const remainder of remainders) if (remainder > threshold) tied--;
  remainders.forEach((remainder, i) => {
    if (remainder > threshold || (remainder === threshold && tied-- > 0)) shares[i] += 1;
  });
  return shares;
}
