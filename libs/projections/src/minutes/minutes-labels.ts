import { AssemblyKind, ExactFraction, ResolutionResult } from '@ledger/domain/assembly/assembly-events';
import { percent } from '@ledger/domain/shared/format';

/**
 * The wording of the minutes, kept apart from both renderers so the Markdown and the HTML say
 * the same thing. A procès-verbal is signed in French: French is the default, English a reading
 * aid (`?lang=en`). Figures are printed from integers, never from floats.
 */

export type Lang = 'fr' | 'en';

/** 6667 → "66,67 %" (fr) or "66.67 %" (en): basis points, two decimals, computed on integers. */
export function percentBp(bp: number, lang: Lang = 'en'): string {
  const text = percent(bp);
  return lang === 'fr' ? text.replace('.', ',') : text;
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-06-05" → "5 juin 2025" (fr, "1er" for the first) or "5 June 2025" (en). Anything else is printed as given. */
export function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  const month = (lang === 'fr' ? MONTHS_FR : MONTHS_EN)[Number(m[2]) - 1];
  if (month === undefined) return iso;
  return `${lang === 'fr' && day === 1 ? '1er' : day} ${month} ${m[1]}`;
}

export const KIND_NAMES: Record<AssemblyKind, Record<Lang, string>> = {
  ordinary: { fr: 'assemblée générale ordinaire', en: 'ordinary general meeting' },
  extraordinary: { fr: 'assemblée générale extraordinaire', en: 'extraordinary general meeting' },
  combined: { fr: 'assemblée générale mixte', en: 'combined general meeting' },
};

const LEGAL_FORMS: Record<string, Record<Lang, string>> = {
  SCIC: { fr: 'Société coopérative d’intérêt collectif', en: 'Société coopérative d’intérêt collectif (SCIC)' },
  SCOP: { fr: 'Société coopérative de production', en: 'Société coopérative de production (SCOP)' },
};

const COMPANY_FORMS: Record<string, Record<Lang, string>> = {
  SA: { fr: 'société anonyme', en: 'société anonyme (SA)' },
  SAS: { fr: 'société par actions simplifiée', en: 'société par actions simplifiée (SAS)' },
  SARL: { fr: 'société à responsabilité limitée', en: 'société à responsabilité limitée (SARL)' },
};

/** "Société coopérative d’intérêt collectif, société par actions simplifiée à capital variable". */
export function legalFormLine(legalForm: string, companyForm: string, lang: Lang): string {
  const coop = LEGAL_FORMS[legalForm]?.[lang] ?? legalForm;
  const company = COMPANY_FORMS[companyForm]?.[lang] ?? companyForm;
  return lang === 'fr' ? `${coop} (${legalForm}), ${company} (${companyForm}) à capital variable` : `${coop}, ${company}, with variable capital (à capital variable)`;
}

const ORDINALS_FR = [
  'Première',
  'Deuxième',
  'Troisième',
  'Quatrième',
  'Cinquième',
  'Sixième',
  'Septième',
  'Huitième',
  'Neuvième',
  'Dixième',
  'Onzième',
  'Douzième',
  'Treizième',
  'Quatorzième',
  'Quinzième',
  'Seizième',
  'Dix-septième',
  'Dix-huitième',
  'Dix-neuvième',
  'Vingtième',
];
const ORDINALS_EN = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth', 'Eleventh', 'Twelfth'];

/** "Première résolution" … "Vingtième résolution", then "Résolution n° 21"; "First resolution"… in English. */
export function resolutionOrdinal(n: number, lang: Lang): string {
  if (lang === 'fr') return n <= ORDINALS_FR.length ? `${ORDINALS_FR[n - 1]} résolution` : `Résolution n° ${n}`;
  return n <= ORDINALS_EN.length ? `${ORDINALS_EN[n - 1]} resolution` : `Resolution no. ${n}`;
}

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

/** "35/39" → "0.8974" ("0,8974" in French), truncated to 4 decimals in BigInt: an aid to the reader, never a figure that decides. */
export function fractionDecimal(f: ExactFraction, lang: Lang = 'en'): string | null {
  const parsed = parseFraction(f);
  if (!parsed || parsed.d === 0n || parsed.n < 0n || parsed.d < 0n) return null;
  const scaled = (parsed.n * 10000n) / parsed.d;
  return `${scaled / 10000n}${lang === 'fr' ? ',' : '.'}${String(scaled % 10000n).padStart(4, '0')}`;
}

export function fractionIsEmpty(f: ExactFraction): boolean {
  const parsed = parseFraction(f);
  return parsed !== null && parsed.d === 0n;
}

/** AG-MAJORITY in words: "more than 1/2" (strict) or "at least 2/3" of the votes cast. */
export function majorityText(m: ResolutionResult['majority'], lang: Lang = 'en'): string {
  if (lang === 'fr') return `${m.strict ? 'plus de' : 'au moins'} ${m.numerator}/${m.denominator} des suffrages exprimés`;
  return `${m.strict ? 'more than' : 'at least'} ${m.numerator}/${m.denominator} of the votes cast`;
}
