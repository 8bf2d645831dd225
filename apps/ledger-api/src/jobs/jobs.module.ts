import { Provider, Type } from '@nestjs/common';
import * as path from 'path';
import { BullMqJobQueue, InlineJobQueue, JobQueue } from '@ledger/jobs';
import { LedgerConfig } from '../config/config';
import { JobServices } from './job-kind';
import { JobsController } from './jobs.controller';
import { JOB_QUEUE, LedgerJobs, RUNS_JOBS, RUNS_ON_REDIS } from './ledger-jobs';
import { VoteWindowController } from './vote-window.controller';

/**
 * The queue this process uses: BullMQ on REDIS_URL (shared by every replica and worker), else
 * the inline runner on a SQLite file of the data folder — the ledger's own file in the embedded
 * default.
 */
export function openJobQueue(config: LedgerConfig): JobQueue {
  if (config.redisUrl) return new BullMqJobQueue({ url: config.redisUrl, prefix: config.jobsPrefix });
  const file = config.store === 'sqlite' ? 'ledger.sqlite' : 'jobs.sqlite';
  return new InlineJobQueue({ file: path.join(config.dataDir, file) });
}

/**
 * The jobs' providers, beside the write path's in the module that has it (the API's, the
 * worker's). Whether this process runs jobs: the worker always; the API when jobs are inline
 * (no REDIS_URL), or when LEDGER_RUN_JOBS says so.
 */
export function jobProviders(config: LedgerConfig, options: { worker?: boolean } = {}): Provider[] {
  const runsJobs = options.worker === true || (config.runJobs ?? !config.redisUrl);
  return [{ provide: JOB_QUEUE, useFactory: () => openJobQueue(config) }, { provide: RUNS_JOBS, useValue: runsJobs }, { provide: RUNS_ON_REDIS, useValue: config.redisUrl !== undefined }, JobServices, LedgerJobs];
}

export const JOB_CONTROLLERS: Type<unknown>[] = [JobsController, VoteWindowController];
