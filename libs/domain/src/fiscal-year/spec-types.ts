import type { FiscalYearEvent } from './fiscal-year-events';

/** For specs: the data of the two allocation events. */
export type SurplusAllocatedData = Extract<FiscalYearEvent, { type: 'SurplusAllocated' }>['data'];
export type LossAllocatedData = Extract<FiscalYearEvent, { type: 'LossAllocated' }>['data'];
