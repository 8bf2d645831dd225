import { Inject, Injectable } from '@nestjs/common';
import { EventStore } from '@ledger/event-store';
import { JobContext } from '@ledger/jobs';
import { ProjectionEngine, SnapshotStore } from '@ledger/projections';
import { LedgerConfig } from '../config/config';
import { EVENT_STORE, LEDGER_CONFIG, SNAPSHOT_STORE } from '../infrastructure/tokens';
import { LedgerCommands } from '../write/stream-command';

/**
 * What a job handler may use: the one write path (a job records facts as any client does,
 * through LedgerCommands), the read models, the store, the configuration (the exports folder).
 * Built once per process.
 */
@Injectable()
export class JobServices {
  constructor(
    readonly commands: LedgerCommands,
    readonly engine: ProjectionEngine,
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(SNAPSHOT_STORE) private readonly snapshotStore: SnapshotStore,
    @Inject(LEDGER_CONFIG) readonly config: LedgerConfig,
  ) {}

  /** Where the projection snapshots are kept (SQLite beside the events, or the server store). */
  snapshots(): SnapshotStore {
    return this.snapshotStore;
  }
}

/**
 * A kind of job: its handler and who may follow it. Adding a kind is this object (beside the
 * code it runs) and one line in JOB_KINDS (job-kinds.ts); the API, the inline runner and the
 * worker then all know it.
 */
export interface JobKind<D = never> {
  kind: string;
  /** The cooperative a job belongs to: GET /v1/jobs/:jobId answers 404 to a caller who cannot see it. null: admins only. */
  cooperativeOf(data: D): string | null;
  /** Runs in all (default 3) and the first retry's wait, doubled at each further one (default 1 s). */
  attempts?: number;
  backoffMs?: number;
  handler(services: JobServices): (job: JobContext<D>) => Promise<unknown>;
}
