import { AssemblyKind, Call, ExactFraction, Outcome, ResolutionResult } from '@ledger/domain/assembly/assembly-events';
import { percent } from '@ledger/domain/shared/format';

/**
 * The wording of the minutes, kept apart from both renderers so the Markdown and the HTML
 * say the same thing. French where the law speaks French (a procès-verbal is signed in
 * French), with the English beside it for the readers of this ledger.
 */

export const KIND_LABELS: Record<AssemblyKind, { fr: string; en: string }> = {
  ordinary: { fr: 'Assemblée générale ordinaire', en: 'ordinary general meeting' },
  extraordinary: { fr: 'Assemblée générale extraordinaire', en: 'extraordinary general meeting' },
  combined: { fr: 'Assemblée générale mixte', en: 'combined ordinary and extraordinary general meeting' },
};

export const CALL_LABELS: Record<Call, string> = {
  1: 'première convocation (first call)',
  2: 'deuxième convocation (second call)',
};

export const OUTCOME_LABELS: Record<Outcome, { en: string; fr: string }> = {
  adopted: { en: 'ADOPTED', fr: 'adoptée' },
  rejected: { en: 'REJECTED', fr: 'rejetée' },
};

export const METHOD_LABELS = { ballots: 'ballots', show_of_hands: 'show of hands' } as const;

export const DIGEST_SENTENCE =
  'This is the hash over the heads of all the cooperative’s streams when the assembly closed: ' +
  'any later change to the recorded history is detectable against it.';

export const DRAFT_NOTICE = 'Draft — assembly not closed';

/** 6667 → "66.67 %": basis points, two decimals, computed on integers. */
export const percentBp = percent;

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function parseFraction(f: ExactFraction): { n: bigint; d: bigint } | null {
  try {
    return { n: BigInt(f.numerator), d: BigInt(f.denominator) };
  } catch {
    return null;
  }
}

/**
 * "21"/"24" → "7/8". Reduced because tallies rescaled by collège weights carry denominators
 * no one can read; the value is the recorded one. Unparseable digits are printed verbatim.
 */
export function fractionText(f: ExactFraction): string {
  const parsed = parseFraction(f);
  if (!parsed) return `${f.numerator}/${f.denominator}`;
  const g = gcd(parsed.n, parsed.d);
  if (g <= 1n) return `${parsed.n}/${parsed.d}`;
  return `${parsed.n / g}/${parsed.d / g}`;
}

/** "35/39" → "0.8974", truncated to 4 decimals in BigInt: an aid to the reader, never a figure that decides. */
export function fractionDecimal(f: ExactFraction): string | null {
  const parsed = parseFraction(f);
  if (!parsed || parsed.d === 0n || parsed.n < 0n || parsed.d < 0n) return null;
  const scaled = (parsed.n * 10000n) / parsed.d;
  return `${scaled / 10000n}.${String(scaled % 10000n).padStart(4, '0')}`;
}

export function fractionIsEmpty(f: ExactFraction): boolean {
  const parsed = parseFraction(f);
  return parsed !== null && parsed.d === 0n;
}

/** AG-MAJORITY in words: "more than 1/2" (strict) or "at least 2/3" of the votes cast. */
export function majorityText(m: ResolutionResult['majority']): string {
  return `${m.strict ? 'more than' : 'at least'} ${m.numerator}/${m.denominator} of the votes cast`;
}
