import { assembliesProjection } from './assemblies.projection';
import { cooperativeLedgerProjection } from './cooperative-ledger.projection';
import { journalProjection } from './journal';
import { Projection } from './projection';
import { streamHeadsProjection } from './stream-heads.projection';

/**
 * The projections a server runs, in the order it applies each event: the engine of
 * apps/ledger-api/src/infrastructure/ledger-core.module.ts, the projection rebuild job, and the
 * benchmark that times a start without snapshot.
 */
export const LEDGER_PROJECTIONS: ReadonlyArray<Projection<unknown>> = [
  cooperativeLedgerProjection as Projection<unknown>,
  assembliesProjection as Projection<unknown>,
  streamHeadsProjection as Projection<unknown>,
  journalProjection as Projection<unknown>,
];
