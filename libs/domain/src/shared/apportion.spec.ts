import fc from 'fast-check';
import { bpCeil } from './fraction';
import { largestRemainderBp } from './apportion';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('largestRemainderBp', () => {
  it('splits a whole in three equal parts into 3334 + 3333 + 3333: the missing basis point goes to the first of the tied parts', () => {
    expect(largestRemainderBp([1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('gives the missing basis points to the largest remainders, whatever their order', () => {
    // 1/7, 2/7, 4/7 = 1428.57, 2857.14, 5714.28 → floors 9999, the one left goes to 1428.57.
    expect(largestRemainderBp([1, 2, 4])).toEqual([1429, 2857, 5714]);
    expect(largestRemainderBp([4, 1, 2])).toEqual([5714, 1429, 2857]);
  });

  it('always sums to exactly 10000 when something is shared', () => {
    for (const parts of [
      [5, 6],
      [1, 1, 1, 1, 1, 1, 1],
      [1, 999_999],
      [17, 23, 29, 31, 37],
      [3, 0, 3, 0, 3],
      [Number.MAX_SAFE_INTEGER, 1, 2],
    ]) {
      expect(sum(largestRemainderBp(parts))).toBe(10000);
    }
  });

  it('gives 0 to an empty part and 10000 to a sole part', () => {
    expect(largestRemainderBp([0, 7, 0])).toEqual([0, 10000, 0]);
  });

  it('gives every part 0 when the total is zero, and nothing for no parts', () => {
    expect(largestRemainderBp([0, 0, 0])).toEqual([0, 0, 0]);
    expect(largestRemainderBp([])).toEqual([]);
  });

  it('keeps a fixed part at its figure and shares the rest of the 10000 among the others', () => {
    // 5/11 = 45.4545 %: pinned up to 4546 as an "at most" check shows it; 6/11 takes the 5454 left.
    expect(largestRemainderBp([5, 6], new Map([[0, bpCeil(5, 11)]]))).toEqual([4546, 5454]);
    // Without the pin, largest remainder alone would give 4545 + 5455.
    expect(largestRemainderBp([5, 6])).toEqual([4545, 5455]);
    const shared = largestRemainderBp([5, 3, 3], new Map([[0, 4546]]));
    expect(shared).toEqual([4546, 2727, 2727]);
    expect(sum(shared)).toBe(10000);
  });

  it('refuses a negative part and fixed parts over 10000 bp', () => {
    expect(() => largestRemainderBp([1, -1])).toThrow(RangeError);
    expect(() =>
      largestRemainderBp(
        [1, 1],
        new Map([
          [0, 6000],
          [1, 6000],
        ]),
      ),
    ).toThrow(RangeError);
  });
});

describe('largestRemainderBp in safe integers', () => {
  it('splits as the exact BigInt method does, ties and all, for any parts a cap table can hold', () => {
    const parts = fc.array(fc.oneof(fc.nat(20), fc.nat(1_000_000), fc.constantFrom(0, 5000, 10000, 123_456_789_012)), { maxLength: 60 });
    fc.assert(
      fc.property(parts, (amounts) => {
        // bigint parts take the BigInt method: the reference.
        expect(largestRemainderBp(amounts)).toEqual(largestRemainderBp(amounts.map(BigInt)));
      }),
      { numRuns: 2000 },
    );
  });

  it('stays exact at the edge of safe integers: a total of 900,719,925,474 cents, the largest the double arithmetic takes', () => {
    const total = Math.floor(Number.MAX_SAFE_INTEGER / 10000);
    for (const parts of [
      [total - 1, 1],
      [1, total - 2, 1],
      [Math.floor(total / 3), Math.floor(total / 3), total - 2 * Math.floor(total / 3)],
    ]) {
      expect(largestRemainderBp(parts)).toEqual(largestRemainderBp(parts.map(BigInt)));
    }
    expect(largestRemainderBp([total - 1, 1])).toEqual([10000, 0]);
    // One cent more and the BigInt method decides alone: the same figures.
    expect(largestRemainderBp([total, 1])).toEqual([10000, 0]);
  });
});
