import { RuleViolation } from '../rules/errors';
import { addRatios, formatRate, parseRate } from '../shared/decimal-rate';
import { Ratio, ratio } from '../shared/fraction';
import { IsoDate } from '../shared/dates';
import type { CapRate } from '../fiscal-year/fiscal-year-events';
import { PublishedInterestCap, TmoHalfYearRate } from './tmo-events';

/** The TMO values and published caps the ledger knows: the shipped defaults with what the operator loaded over them. */
export interface TmoTable {
  readonly rates: readonly TmoHalfYearRate[];
  readonly caps: readonly PublishedInterestCap[];
}

const ISSUE = "half-year mean of the TMO (taux moyen des emprunts de l'État, Banque de France/INSEE) as given in the ledger's issue #9; check against the published avis before relying on it";

/**
 * Shipped so that a fresh ledger can allocate: 2019–2023 half-years as the project's issue #9
 * states them, and the cap published for AGs held in 2025. Each carries where it comes from;
 * `PUT /v1/reference/tmo` replaces any of them.
 */
export const DEFAULT_TMO: TmoTable = {
  rates: [
    { year: 2019, half: 1, rate: '0.62', source: ISSUE },
    { year: 2019, half: 2, rate: '0.12', source: ISSUE },
    { year: 2020, half: 1, rate: '0.20', source: ISSUE },
    { year: 2020, half: 2, rate: '-0.02', source: ISSUE },
    { year: 2021, half: 1, rate: '0.20', source: ISSUE },
    { year: 2021, half: 2, rate: '0.27', source: ISSUE },
    { year: 2022, half: 1, rate: '1.325', source: ISSUE },
    { year: 2022, half: 2, rate: '2.51', source: ISSUE },
    { year: 2023, half: 1, rate: '3.14', source: ISSUE },
    { year: 2023, half: 2, rate: '3.37', source: ISSUE },
  ],
  caps: [{ assemblyYear: 2025, rate: '4.80', source: "cap on interest on shares published for AGs held in 2025 (TMO 2022-2024 mean + 2 points), as given in the ledger's issue #9" }],
};

/** `over` replaces `base` by (year, half) and by assembly year; sorted. */
export function mergeTmo(base: TmoTable, over: Partial<TmoTable>): TmoTable {
  const rates = new Map(base.rates.map((r) => [`${r.year}.${r.half}`, r]));
  for (const r of over.rates ?? []) rates.set(`${r.year}.${r.half}`, r);
  const caps = new Map(base.caps.map((c) => [c.assemblyYear, c]));
  for (const c of over.caps ?? []) caps.set(c.assemblyYear, c);
  return {
    rates: [...rates.values()].sort((a, b) => a.year - b.year || a.half - b.half),
    caps: [...caps.values()].sort((a, b) => a.assemblyYear - b.assemblyYear),
  };
}

export interface InterestCap {
  readonly rate: Ratio;
  readonly capRate: CapRate;
}

/**
 * COOP-INTEREST-RATE (L1947 art. 14): the mean of the TMO over the 3 calendar years before the
 * AG, plus 2 points, exact. Without the six half-years, a cap published for the AG's year; without
 * either, interest cannot be allocated: refused naming what is missing.
 */
export function interestCapFor(heldOn: IsoDate, table: TmoTable): InterestCap {
  const year = Number(heldOn.slice(0, 4));
  const years = [year - 3, year - 2, year - 1];
  const wanted = years.flatMap((y) => [1, 2].map((half) => ({ y, half })));
  const found = wanted.map(({ y, half }) => table.rates.find((r) => r.year === y && r.half === half));
  if (found.every((r) => r !== undefined)) {
    const sum = found.reduce((acc, r) => addRatios(acc, parseRate(r!.rate)), ratio(0, 1));
    const rate = addRatios(ratio(sum.numerator, sum.denominator * 6n), ratio(2, 1));
    return { rate, capRate: { rate: formatRate(rate), from: 'tmo', years } };
  }
  const published = table.caps.find((c) => c.assemblyYear === year);
  if (published) return { rate: parseRate(published.rate), capRate: { rate: published.rate, from: 'published', years: [year] } };
  const missing = wanted.filter((_, i) => found[i] === undefined).map(({ y, half }) => `${y} H${half}`);
  throw new RuleViolation(
    'COOP-INTEREST-RATE',
    `interest on shares cannot be capped for an AG held on ${heldOn}: the TMO of ${missing.join(', ')} is not loaded and no cap is published for AGs of ${year}; load them with PUT /v1/reference/tmo`,
  );
}
