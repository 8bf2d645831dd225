import { Decider } from '../decider';
import { DomainError } from '../rules/errors';
import { isDecimalRate } from '../shared/decimal-rate';
import { referenceStreamId } from '../streams/stream-ids';
import { mergeTmo, TmoTable } from './tmo';
import { PublishedInterestCap, TmoEvent, TmoHalfYearRate } from './tmo-events';

export type TmoCommand = { type: 'LoadTmoRates'; rates: TmoHalfYearRate[]; caps: PublishedInterestCap[] };

/** What the operator loaded, over nothing: the shipped defaults are laid under it when read (tmo.ts). */
export type TmoState = TmoTable;

/**
 * The TMO reference data as a stream of its own (`reference-tmo`), so that every value an
 * allocation was capped with can be audited like the rest of the ledger. It belongs to no
 * cooperative.
 */
export const tmoDecider: Decider<TmoCommand, TmoEvent, TmoState, 'tmo'> = {
  kind: 'reference',
  streamId: () => referenceStreamId('tmo'),
  initialState: () => ({ rates: [], caps: [] }),
  decide: (command) => [{ type: 'TmoRatesLoaded', data: requireTmoValues(command) }],
  evolve: (state, event) => Object.assign(state, mergeTmo(state, event.data)),
  creates: () => true,
  notFound: () => 'No TMO values were loaded',
};

function requireTmoValues(cmd: TmoCommand): { rates: TmoHalfYearRate[]; caps: PublishedInterestCap[] } {
  const invalid = (detail: string) => new DomainError('INVALID_VALUE', detail);
  const rates = cmd.rates ?? [];
  const caps = cmd.caps ?? [];
  if (rates.length + caps.length === 0) throw invalid('give at least one TMO rate or published cap');
  const seen = new Set<string>();
  rates.forEach((r, i) => {
    if (!Number.isInteger(r?.year) || r.year < 1900 || r.year > 2999) throw invalid(`rates[${i}].year must be a calendar year`);
    if (r.half !== 1 && r.half !== 2) throw invalid(`rates[${i}].half must be 1 or 2`);
    if (!isDecimalRate(r.rate)) throw invalid(`rates[${i}].rate must be a percentage as a decimal string such as "3.14", not ${String(r.rate)}`);
    if (typeof r.source !== 'string' || r.source.trim() === '') throw invalid(`rates[${i}].source must say where the value comes from`);
    if (seen.has(`${r.year}.${r.half}`)) throw invalid(`rates lists ${r.year} H${r.half} twice`);
    seen.add(`${r.year}.${r.half}`);
  });
  caps.forEach((c, i) => {
    if (!Number.isInteger(c?.assemblyYear) || c.assemblyYear < 1900 || c.assemblyYear > 2999) throw invalid(`caps[${i}].assemblyYear must be a calendar year`);
    if (!isDecimalRate(c.rate) || c.rate.startsWith('-')) throw invalid(`caps[${i}].rate must be a percentage of at least 0 as a decimal string, not ${String(c.rate)}`);
    if (typeof c.source !== 'string' || c.source.trim() === '') throw invalid(`caps[${i}].source must say where the value comes from`);
  });
  return {
    rates: rates.map((r) => ({ year: r.year, half: r.half, rate: r.rate, source: r.source })),
    caps: caps.map((c) => ({ assemblyYear: c.assemblyYear, rate: c.rate, source: c.source })),
  };
}
