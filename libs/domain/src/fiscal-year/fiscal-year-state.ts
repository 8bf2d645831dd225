import type { FiscalYearEvent, WorkerShareEmployee } from './fiscal-year-events';

type DataOf<T extends FiscalYearEvent['type']> = Extract<FiscalYearEvent, { type: T }>['data'];

/**
 * A fiscal year as its stream makes it. `open`: worker-share inputs recorded, not closed yet;
 * `closed`: the accounts are closed; `allocated`: the AG's allocation (or loss treatment) recorded.
 */
export interface FiscalYearState {
  status: 'none' | 'open' | 'closed' | 'allocated';
  closing: DataOf<'FiscalYearClosed'> | null;
  employees: WorkerShareEmployee[] | null;
  allocation: DataOf<'SurplusAllocated'> | null;
  lossAllocation: DataOf<'LossAllocated'> | null;
}

export function initialFiscalYearState(): FiscalYearState {
  return { status: 'none', closing: null, employees: null, allocation: null, lossAllocation: null };
}

export function evolveFiscalYear(state: FiscalYearState, event: FiscalYearEvent): FiscalYearState {
  switch (event.type) {
    case 'FiscalYearClosed':
      state.closing = event.data;
      state.status = 'closed';
      return state;
    case 'WorkerShareInputsRecorded':
      state.employees = event.data.employees;
      if (state.status === 'none') state.status = 'open';
      return state;
    case 'SurplusAllocated':
      state.allocation = event.data;
      state.status = 'allocated';
      return state;
    case 'LossAllocated':
      state.lossAllocation = event.data;
      state.status = 'allocated';
      return state;
    default:
      return state;
  }
}
