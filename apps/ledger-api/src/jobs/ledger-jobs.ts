import { Inject, Injectable, Logger, NotFoundException, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { JobHandler, JobQueue, JobView } from '@ledger/jobs';
import { Caller, canSeeCooperative } from '../auth/roles';
import { JobKind, JobServices } from './job-kind';
import { JOB_KINDS } from './job-kinds';

export const JOB_QUEUE = Symbol('JobQueue');
/** Whether this process runs jobs (the worker; the API when jobs are inline) or only enqueues them. */
export const RUNS_JOBS = Symbol('RunsJobs');
/** Whether the queue is BullMQ on Redis (health reports Redis then). */
export const RUNS_ON_REDIS = Symbol('RunsOnRedis');

/** A job as GET /v1/jobs/:jobId answers it. */
export interface JobAnswer {
  id: string;
  kind: string;
  state: JobView['state'];
  progress: number;
  result?: unknown;
  error?: string;
  attemptsMade: number;
  attempts: number;
  createdAt: string;
  runAt: string;
  finishedAt?: string;
  cooperative: string | null;
}

/** Enqueues jobs of the kinds JOB_KINDS registers, answers them to who may see them, and runs them where this process should. */
@Injectable()
export class LedgerJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly kinds = new Map<string, JobKind<never>>(JOB_KINDS.map((k) => [k.kind, k]));

  constructor(
    @Inject(JOB_QUEUE) readonly queue: JobQueue,
    @Inject(RUNS_JOBS) private readonly runsJobs: boolean,
    private readonly services: JobServices,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runsJobs) return;
    const handlers = new Map<string, JobHandler<never>>([...this.kinds.values()].map((k) => [k.kind, k.handler(this.services) as JobHandler<never>]));
    await this.queue.work(handlers, { concurrency: 2 });
    this.logger.log(`Running jobs: ${[...handlers.keys()].join(', ')}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Before the store closes: a running job finishes its write first.
    await this.queue.close();
  }

  async enqueue<D>(kind: JobKind<D>, data: D, options: { jobId: string; delayMs?: number }): Promise<{ job: JobAnswer; created: boolean }> {
    if (!this.kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is not registered in JOB_KINDS`);
    const { job, created } = await this.queue.enqueue(kind.kind, data, { jobId: options.jobId, delayMs: options.delayMs, attempts: kind.attempts, backoffMs: kind.backoffMs });
    return { job: this.answer(job), created };
  }

  /** A job the caller may see, else 404 — a job of another cooperative is not there for them. */
  async view(jobId: string, caller: Caller): Promise<JobAnswer> {
    const job = await this.queue.get(jobId);
    const answer = job && this.answer(job);
    const visible = answer && (answer.cooperative === null ? caller.coops.includes('*') : canSeeCooperative(caller, answer.cooperative));
    if (!answer || !visible) throw new NotFoundException(`Job ${jobId} not found`);
    return answer;
  }

  private answer(job: JobView): JobAnswer {
    const kind = this.kinds.get(job.kind);
    const { data: _data, ...rest } = job;
    return { ...rest, cooperative: kind ? kind.cooperativeOf(job.data as never) : null };
  }
}
