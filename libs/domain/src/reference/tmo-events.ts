/**
 * Events of the `reference-tmo` stream: the TMO (taux moyen de rendement des obligations) as the
 * operator loads it, half-year by half-year, and the caps a federation published for the AGs of a
 * year (COOP-INTEREST-RATE). Rates are decimal strings in percent ("3.14", "-0.02"); every value
 * names its source. A later load replaces a value of the same (year, half) or assembly year.
 */
export type TmoEvent = {
  type: 'TmoRatesLoaded';
  data: { rates: TmoHalfYearRate[]; caps: PublishedInterestCap[] };
};

export interface TmoHalfYearRate {
  readonly year: number;
  readonly half: 1 | 2;
  readonly rate: string;
  readonly source: string;
}

export interface PublishedInterestCap {
  readonly assemblyYear: number;
  readonly rate: string;
  readonly source: string;
}

export type TmoEventType = TmoEvent['type'];

/** Every event type of the `reference-tmo` stream. */
export const TMO_EVENT_TYPES: readonly TmoEventType[] = ['TmoRatesLoaded'];
