import type { LegalForm } from '../cooperative/statuts';
import type { SurplusTerms } from '../cooperative/statuts-surplus';
import type { TmoTable } from '../reference/tmo';
import type { FiscalPeriod } from './fiscal-period';
import type { FiscalYearEvent, ReserveBalances } from './fiscal-year-events';
import type { InterestBases } from './share-interest';

/**
 * What an allocation is decided on besides the fiscal year's own stream: the statuts in force at
 * the year's end, the cooperative's capital and reserves, each associate's interest basis, the TMO
 * the operator loaded. The write path loads them (apps/ledger-api/src/write/cross-stream-facts.ts)
 * and hands them over in the command; the decider never reads another stream.
 */
export interface AllocationFacts {
  readonly legalForm: LegalForm;
  readonly terms: SurplusTerms;
  /** SCIC-STATUTORY-RESERVE: the statuts' rate of what the legal reserve leaves. */
  readonly statutoryReserveBp: number;
  readonly period: FiscalPeriod;
  readonly capitalCents: number;
  readonly highestCapitalCents: number;
  readonly reservesBefore: ReserveBalances;
  readonly interest: InterestBases;
  readonly tmo: TmoTable;
}

export const NO_RESERVES: ReserveBalances = { legalReserveCents: 0, statutoryReserveCents: 0, retainedEarningsCents: 0 };

/** The closing as the allocation reads it. */
export type Closing = Extract<FiscalYearEvent, { type: 'FiscalYearClosed' }>['data'];
