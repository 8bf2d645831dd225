import type { ResolutionRecord } from '../assembly/adopted-resolution';
import type { ResolutionRef } from '../cooperative/events';
import type { LegalForm } from '../cooperative/statuts';
import { IsoDate } from '../shared/dates';
import type { AllocationFacts } from './allocation-facts';
import type { FiscalPeriod } from './fiscal-period';
import type { LossTreatment, WorkerShareEmployee } from './fiscal-year-events';

/** The fiscal year a command is about: its stream is `fiscalyear-<coopId>.<year>`. */
export interface FiscalYearKey {
  readonly coopId: string;
  readonly year: number;
}

/**
 * Commands of the `fiscalyear-<coopId>.<year>` stream. What they need from other streams (the
 * period the statuts draw, the legal form, the adopting resolution, the allocation's figures)
 * comes in with them as data, loaded by the write path.
 */
export type FiscalYearCommand =
  | {
      type: 'CloseFiscalYear';
      coopId: string;
      year: number;
      closedOn: IsoDate;
      netResultCents: number;
      subsidiesCents?: number;
      excludedGainsCents?: number;
      /** Facts: the fiscal year as the statuts draw it, and the legal form. */
      period: FiscalPeriod;
      legalForm: LegalForm;
    }
  | { type: 'RecordWorkerShareInputs'; year: number; employees: WorkerShareEmployee[]; legalForm: LegalForm }
  | {
      type: 'AllocateSurplus';
      coopId: string;
      year: number;
      resolution: ResolutionRef;
      /** What the named assembly says of the resolution (assembly/adopted-resolution.ts). */
      adoption: ResolutionRecord | null;
      legalReserveCents?: number;
      workerShareCents?: number;
      /** Percent, decimal string ("2.5"); or an envelope in cents. */
      shareInterestRate?: string;
      shareInterestCents?: number;
      retainedEarningsCents?: number;
      /** When given, must equal what the other lines leave (COOP-ALLOCATION-SUM). */
      statutoryReserveCents?: number;
      /** Not in a SCIC (SCIC-NO-RISTOURNE); here so that a request naming one is refused, not ignored. */
      ristourneCents?: number;
      /** A loss year: where the loss goes. */
      loss?: LossTreatment;
      facts: AllocationFacts;
    };

export type FiscalYearCommandOf<T extends FiscalYearCommand['type']> = Extract<FiscalYearCommand, { type: T }>;
