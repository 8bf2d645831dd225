import type { Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, EnqueueOptions, JobFailedForGood, JobHandler, JobQueue, JobState, JobView, WorkOptions, clampProgress } from './job-queue.port';

type BullMq = typeof import('bullmq');
type IoRedis = typeof import('ioredis');
let loaded: { bullmq: BullMq; ioredis: IoRedis } | undefined;

/** BullMQ and ioredis (a third of a second to load) only once a queue on Redis is opened: not at every start without REDIS_URL. */
function libraries(): { bullmq: BullMq; ioredis: IoRedis } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see above)
  return (loaded ??= { bullmq: require('bullmq') as BullMq, ioredis: require('ioredis') as IoRedis });
}

export interface BullMqJobQueueOptions {
  /** redis:// or rediss:// */
  url: string;
  /** Namespaces every key of the queue (BullMQ's `prefix`): one per deployment, one per test run. */
  prefix: string;
  /** Default `ledger`. */
  queueName?: string;
}

/** A finished job stays readable this long, then Redis forgets it. */
const KEEP_COMPLETED_S = 7 * 24 * 3600;
const KEEP_FAILED_S = 30 * 24 * 3600;

/**
 * Jobs on Redis through BullMQ: every API replica enqueues and reads progress, the worker
 * processes run them. BullMQ gives what the port promises: one job per id (adding a known id
 * is a no-op), delays, retries with exponential backoff, and a lock per running job so two
 * workers never run it at once — a job whose worker died is stalled and run again, which is
 * why handlers are idempotent.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly connection: Redis;
  private readonly queue: Queue;
  private readonly workers: Worker[] = [];
  private readonly workerConnections: Redis[] = [];
  private readonly queueName: string;

  constructor(private readonly options: BullMqJobQueueOptions) {
    this.queueName = options.queueName ?? 'ledger';
    // An enqueue on the request path fails fast when Redis is away instead of waiting forever.
    this.connection = new (libraries().ioredis.Redis)(options.url, { maxRetriesPerRequest: 3, enableOfflineQueue: true, lazyConnect: false });
    this.connection.on('error', () => undefined);
    this.queue = new (libraries().bullmq.Queue)(this.queueName, { connection: this.connection, prefix: options.prefix });
    this.queue.on('error', () => undefined);
  }

  async enqueue<D>(kind: string, data: D, options: EnqueueOptions): Promise<{ job: JobView<D>; created: boolean }> {
    const known = await this.get(options.jobId);
    if (known) return { job: known as JobView<D>, created: false };
    const job = await this.queue.add(kind, data, {
      jobId: options.jobId,
      delay: Math.max(0, options.delayMs ?? 0),
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      removeOnComplete: { age: KEEP_COMPLETED_S },
      removeOnFail: { age: KEEP_FAILED_S },
    });
    // Two replicas adding one id at once: BullMQ keeps the first, and both read it back.
    return { job: ((await this.get(options.jobId)) ?? viewOf(job, 'waiting')) as JobView<D>, created: true };
  }

  async get(id: string): Promise<JobView | undefined> {
    // The state first: a job read after it was seen completed carries its result.
    const state = await this.queue.getJobState(id);
    if (state === 'unknown') return undefined;
    const job = await this.queue.getJob(id);
    return job ? viewOf(job, stateOf(state)) : undefined;
  }

  async work(handlers: ReadonlyMap<string, JobHandler<never>>, options: WorkOptions = {}): Promise<void> {
    // A worker's blocking connection must retry forever (BullMQ requires maxRetriesPerRequest null).
    const connection = new (libraries().ioredis.Redis)(this.options.url, { maxRetriesPerRequest: null });
    connection.on('error', () => undefined);
    this.workerConnections.push(connection);
    const worker = new (libraries().bullmq.Worker)(
      this.queueName,
      async (job: Job) => {
        const handler = handlers.get(job.name);
        if (!handler) throw new (libraries().bullmq.UnrecoverableError)(`No handler for jobs of kind ${job.name}`);
        try {
          return await handler({
            id: job.id as string,
            kind: job.name,
            data: job.data as never,
            attempt: job.attemptsMade + 1,
            progress: (percent) => job.updateProgress(clampProgress(percent)),
          });
        } catch (error) {
          if (error instanceof JobFailedForGood) throw new (libraries().bullmq.UnrecoverableError)(error.message);
          throw error;
        }
      },
      { connection, prefix: this.options.prefix, concurrency: Math.max(1, options.concurrency ?? 2) },
    );
    worker.on('error', () => undefined);
    this.workers.push(worker);
    await worker.waitUntilReady();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    await this.queue.close();
    for (const connection of [this.connection, ...this.workerConnections]) connection.disconnect();
  }
}

function viewOf(job: Job, state: JobState): JobView {
  const finished = job.finishedOn !== undefined && (state === 'completed' || state === 'failed');
  return {
    id: job.id as string,
    kind: job.name,
    data: job.data as unknown,
    state,
    progress: state === 'completed' ? 100 : typeof job.progress === 'number' ? clampProgress(job.progress) : 0,
    ...(state === 'completed' ? { result: job.returnvalue as unknown } : {}),
    ...(job.failedReason ? { error: job.failedReason } : {}),
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    createdAt: new Date(job.timestamp).toISOString(),
    runAt: new Date(job.timestamp + (job.opts.delay ?? 0)).toISOString(),
    ...(finished ? { finishedAt: new Date(job.finishedOn as number).toISOString() } : {}),
  };
}

function stateOf(state: string): JobState {
  switch (state) {
    case 'completed':
    case 'failed':
    case 'delayed':
    case 'active':
      return state;
    default:
      // waiting, prioritized, waiting-children: not yet taken by a worker.
      return 'waiting';
  }
}
