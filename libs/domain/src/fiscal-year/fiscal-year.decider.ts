import { Decider } from '../decider';
import { fiscalYearStreamId } from '../streams/stream-ids';
import { FiscalYearCommand, FiscalYearKey } from './fiscal-year-commands';
import { decideFiscalYear } from './fiscal-year-decide';
import { FiscalYearEvent } from './fiscal-year-events';
import { evolveFiscalYear, FiscalYearState, initialFiscalYearState } from './fiscal-year-state';

/**
 * The fiscal-year stream (`fiscalyear-<coopId>.<year>`): the year's closing, the SCOP's
 * worker-share inputs, and the allocation the AG adopted. Any of its commands may start it — the
 * worker-share inputs may come before the closing — and an allocation on a year never closed is
 * refused by the decider itself (409), not as an unknown stream.
 */
export const fiscalYearDecider: Decider<FiscalYearCommand, FiscalYearEvent, FiscalYearState, FiscalYearKey> = {
  kind: 'fiscalyear',
  streamId: (key) => fiscalYearStreamId(key.coopId, key.year),
  initialState: initialFiscalYearState,
  decide: decideFiscalYear,
  evolve: evolveFiscalYear,
  creates: () => true,
  notFound: (key) => `Fiscal year ${key.year} of ${key.coopId} not found`,
};
