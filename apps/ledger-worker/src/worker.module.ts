import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerConfig } from '../../ledger-api/src/config/config';
import { LedgerCoreModule } from '../../ledger-api/src/infrastructure/ledger-core.module';
import { JobServices } from '../../ledger-api/src/jobs/job-kind';
import { jobProviders } from '../../ledger-api/src/jobs/jobs.module';
import { LedgerJobs } from '../../ledger-api/src/jobs/ledger-jobs';
import { projectionRebuildJob, projectionRebuildJobId, staleProjections } from '../../ledger-api/src/jobs/projection-rebuild.job';
import { CrossStreamFacts } from '../../ledger-api/src/write/cross-stream-facts';
import { LedgerCommands, StreamCommandHandler } from '../../ledger-api/src/write/stream-command';
import { LEDGER_CONFIG } from '../../ledger-api/src/infrastructure/tokens';

/** At start, a projection whose snapshot is of another version is queued for a rebuild (once, whichever worker sees it first). */
@Injectable()
class StaleProjections implements OnApplicationBootstrap {
  private readonly logger = new Logger('Worker');
  constructor(
    private readonly jobs: LedgerJobs,
    private readonly services: JobServices,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const stale of await staleProjections(this.services)) {
      const { created } = await this.jobs.enqueue(projectionRebuildJob, stale, { jobId: projectionRebuildJobId(stale.projection, stale.version) });
      if (created) this.logger.log(`Projection ${stale.projection} changed to version ${stale.version}: rebuild queued`);
    }
    this.logger.log(`Worker ready (${this.config.redisUrl ? 'BullMQ on Redis' : 'inline jobs on the data folder'})`);
  }
}

/**
 * The worker: the ledger's core (store, projections, the one write path) without HTTP, running
 * the jobs the API replicas enqueue. A job writes through LedgerCommands like any request.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [CqrsModule.forRoot(), LedgerCoreModule.forRoot(config)],
      providers: [StreamCommandHandler, LedgerCommands, CrossStreamFacts, ...jobProviders(config, { worker: true }), StaleProjections],
    };
  }
}
