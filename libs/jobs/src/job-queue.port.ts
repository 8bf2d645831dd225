/**
 * Long work off the request path (docs/architecture.md, Jobs): a vote window that closes at
 * 18:00, a projection rebuilt after its version changed, an auditor's replay. Two adapters
 * behind this port — BullMQ on Redis when `REDIS_URL` is set, an inline runner in the process
 * otherwise — run the same handlers.
 */

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

export interface EnqueueOptions {
  /**
   * The job's id and its deduplication key: enqueueing an id that is already known adds
   * nothing and answers the job already there (its kind and data win).
   */
  jobId: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Runs at most this many times in all (default 3). */
  attempts?: number;
  /** The wait before the first retry, doubled at each further one (default 1,000 ms). */
  backoffMs?: number;
}

/** A job as a client follows it: `GET /v1/jobs/:jobId`. */
export interface JobView<D = unknown> {
  id: string;
  kind: string;
  data: D;
  state: JobState;
  /** 0 to 100. */
  progress: number;
  /** What the handler returned, once completed. */
  result?: unknown;
  /** The last attempt's error: a retry is pending while `state` is `delayed`, none is left when `failed`. */
  error?: string;
  attemptsMade: number;
  attempts: number;
  createdAt: string;
  /** When the job runs (or ran) at the earliest. */
  runAt: string;
  finishedAt?: string;
}

export interface JobContext<D = unknown> {
  id: string;
  kind: string;
  data: D;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** Reports progress, 0 to 100 (rounded and clamped). */
  progress(percent: number): Promise<void>;
}

export type JobHandler<D = never> = (job: JobContext<D>) => Promise<unknown>;

/** Thrown by a handler when retrying cannot help (the resolution no longer exists): the job fails at once. */
export class JobFailedForGood extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobFailedForGood';
  }
}

export interface WorkOptions {
  /** Jobs run at once by this process (default 2). */
  concurrency?: number;
}

export interface JobQueue {
  /** Adds a job unless one with its id exists; either way answers the job under that id. */
  enqueue<D>(kind: string, data: D, options: EnqueueOptions): Promise<{ job: JobView<D>; created: boolean }>;
  get(id: string): Promise<JobView | undefined>;
  /** Runs jobs in this process with these handlers, one per kind (the worker; the API when jobs are inline). */
  work(handlers: ReadonlyMap<string, JobHandler<never>>, options?: WorkOptions): Promise<void>;
  /** Whether the queue's backend answers (health). */
  ping(): Promise<boolean>;
  /** Stops taking jobs, lets the running ones finish, and closes connections. */
  close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;

export function clampProgress(percent: number): number {
  if (!Number.isFinite(percent)) return 0;
  return Math.min(100, Math.max(0, Math.round(percent)));
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
