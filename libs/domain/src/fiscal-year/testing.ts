/**
 * Builders for fiscal-year specs: a closing, the facts an allocation carries, the resolution
 * record of an adopting AG. For specs only; not exported from the package index.
 */
import { ResolutionRecord } from '../assembly/adopted-resolution';
import { defaultSurplusTerms, SurplusTerms, SurplusTermsInput, resolveSurplusTerms } from '../cooperative/statuts-surplus';
import { LegalForm } from '../cooperative/statuts';
import { DEFAULT_TMO } from '../reference/tmo';
import { givenFor } from '../testing/given-when-then';
import { AllocationFacts, NO_RESERVES } from './allocation-facts';
import { FiscalPeriod } from './fiscal-period';
import { FiscalYearCommand, FiscalYearCommandOf } from './fiscal-year-commands';
import { FiscalYearEvent, WorkerShareEmployee } from './fiscal-year-events';
import { fiscalYearDecider } from './fiscal-year.decider';
import { InterestBases } from './share-interest';

export { domainError, rule } from '../testing/given-when-then';

export const given = givenFor<FiscalYearCommand, FiscalYearEvent, ReturnType<typeof fiscalYearDecider.initialState>>(fiscalYearDecider);

export const YEAR_2024: FiscalPeriod = { year: 2024, startsOn: '2024-01-01', endsOn: '2024-12-31', days: 366 };
export const YEAR_2025: FiscalPeriod = { year: 2025, startsOn: '2025-01-01', endsOn: '2025-12-31', days: 365 };

export function closed(legalForm: LegalForm, netResultCents: number, options: { subsidiesCents?: number; excludedGainsCents?: number; period?: FiscalPeriod } = {}): FiscalYearEvent {
  const period = options.period ?? YEAR_2025;
  return {
    type: 'FiscalYearClosed',
    data: {
      coopId: 'coop',
      year: period.year,
      legalForm,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      closedOn: `${period.year + 1}-03-31`,
      netResultCents,
      subsidiesCents: options.subsidiesCents ?? 0,
      excludedGainsCents: options.excludedGainsCents ?? 0,
    },
  };
}

export function employeesRecorded(employees: WorkerShareEmployee[], year = 2025): FiscalYearEvent {
  return { type: 'WorkerShareInputsRecorded', data: { year, employees } };
}

/** Paid-up capital at the year's end, one row per associate (yearEnd mode). */
export function yearEndBases(holdings: Record<string, number>): InterestBases {
  return { mode: 'yearEnd', days: 1, rows: Object.entries(holdings).map(([id, cents]) => ({ associateId: id, name: `Associate ${id}`, personType: 'natural' as const, capitalDays: cents })) };
}

export function factsFor(legalForm: LegalForm, overrides: Partial<Omit<AllocationFacts, 'terms'>> & { terms?: SurplusTermsInput } = {}): AllocationFacts {
  const { terms, ...rest } = overrides;
  const resolved: SurplusTerms = resolveSurplusTerms(legalForm, terms ?? {}, defaultSurplusTerms(legalForm));
  return {
    legalForm,
    terms: resolved,
    statutoryReserveBp: legalForm === 'SCIC' ? 5000 : 0,
    period: YEAR_2025,
    capitalCents: 0,
    highestCapitalCents: 0,
    reservesBefore: NO_RESERVES,
    interest: yearEndBases({}),
    tmo: DEFAULT_TMO,
    ...rest,
  };
}

export function adoptedOn(heldOn: string, overrides: Partial<ResolutionRecord> = {}): ResolutionRecord {
  return { coopId: 'coop', assemblyId: 'ag', assemblyStatus: 'closed', heldOn, resolutionId: 'r1', kind: 'ordinary', outcome: 'adopted', ...overrides };
}

export function allocate(facts: AllocationFacts, lines: Partial<FiscalYearCommandOf<'AllocateSurplus'>>, heldOn = '2026-06-15'): FiscalYearCommandOf<'AllocateSurplus'> {
  return { type: 'AllocateSurplus', coopId: 'coop', year: facts.period.year, resolution: { assemblyId: 'ag', resolutionId: 'r1' }, adoption: adoptedOn(heldOn), facts, ...lines };
}
