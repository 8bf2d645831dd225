import { FiscalYearEventType } from './fiscal-year-events';

/* Checked both ways by the compiler, as cooperative/event-types.ts: docs/events.md is checked against this list. */
const TYPES = {
  FiscalYearClosed: true,
  WorkerShareInputsRecorded: true,
  SurplusAllocated: true,
  LossAllocated: true,
} as const satisfies Record<FiscalYearEventType, true>;

/** Every event type of the `fiscalyear-<coopId>.<year>` stream. */
export const FISCAL_YEAR_EVENT_TYPES: readonly FiscalYearEventType[] = Object.keys(TYPES) as FiscalYearEventType[];
