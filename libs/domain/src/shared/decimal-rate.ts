import { Ratio, ratio } from './fraction';

/**
 * Rates in percent as the law and the federations publish them: decimal strings ("3.14",
 * "-0.02", "1.325"), read into exact fractions so that a mean of six half-years plus two points
 * is never rounded before it is compared.
 */
const DECIMAL = /^-?\d{1,3}(\.\d{1,8})?$/;

export function isDecimalRate(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL.test(value);
}

/** "3.14" → 314/100 (percent). */
export function parseRate(value: string): Ratio {
  if (!isDecimalRate(value)) throw new RangeError(`not a decimal rate: ${value}`);
  const negative = value.startsWith('-');
  const [units, decimals = ''] = (negative ? value.slice(1) : value).split('.');
  const numerator = BigInt(units + decimals) * (negative ? -1n : 1n);
  return ratio(numerator, 10n ** BigInt(decimals.length));
}

/**
 * A percent fraction as a decimal string: exact when it terminates within 10 decimals (a mean
 * of six values over decimals usually does not: 1.39 / 6), else cut after 10 decimals and
 * marked with "…" — display only; the fraction decides.
 */
export function formatRate(r: Ratio): string {
  const negative = r.numerator < 0n;
  const n = negative ? -r.numerator : r.numerator;
  const units = n / r.denominator;
  let rest = n % r.denominator;
  let decimals = '';
  for (let i = 0; i < 10 && rest !== 0n; i++) {
    rest *= 10n;
    decimals += String(rest / r.denominator);
    rest %= r.denominator;
  }
  const text = `${negative ? '-' : ''}${units}${decimals ? `.${decimals}` : ''}${rest !== 0n ? '…' : ''}`;
  return text === '-0' ? '0' : text;
}

export function addRatios(a: Ratio, b: Ratio): Ratio {
  return ratio(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
}

/** ⌊amount × rate% ⌋ for amount in cents (any size, BigInt) and a percent fraction. */
export function percentOfFloor(amount: bigint, rate: Ratio): bigint {
  const num = amount * rate.numerator;
  const den = rate.denominator * 100n;
  const q = num / den;
  return num % den !== 0n && num < 0n ? q - 1n : q;
}

/** The largest rate with at most `decimals` decimals (percent) not above `r`. */
export function floorRate(r: Ratio, decimals: number): Ratio {
  const scale = 10n ** BigInt(decimals);
  const num = r.numerator * scale;
  let q = num / r.denominator;
  if (num % r.denominator !== 0n && num < 0n) q -= 1n;
  return ratio(q, scale);
}
