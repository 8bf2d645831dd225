import type Database from 'better-sqlite3';
import { randomUUID } from 'crypto';
import { openSqlite } from '@ledger/event-store/sqlite-connection';
import { DEFAULT_ATTEMPTS, DEFAULT_BACKOFF_MS, EnqueueOptions, JobFailedForGood, JobHandler, JobQueue, JobState, JobView, WorkOptions, clampProgress, errorMessage } from './job-queue.port';

export interface InlineJobQueueOptions {
  /** The ledger's SQLite file (jobs sit beside the events), or ':memory:'. */
  file: string;
  /** How often due jobs are looked for, including those another process over the same file enqueued (default 250 ms). */
  pollMs?: number;
  /** A running job holds its claim this long and renews it while it runs; a claim left by a dead process expires (default 30 s). */
  leaseMs?: number;
}

interface JobRow {
  id: string;
  kind: string;
  data: string;
  state: JobState;
  progress: number;
  result: string | null;
  error: string | null;
  attempts_made: number;
  attempts: number;
  backoff_ms: number;
  run_at: number;
  created_at: string;
  finished_at: string | null;
}

/**
 * Jobs in the process, for the embedded default (no `REDIS_URL`): the same handlers as the
 * worker runs, the same states, retries and progress. The jobs are rows of the ledger's SQLite
 * file, so a vote window still closes after a restart, and a job is claimed by one process only
 * (a lease) when two share the data folder. A claim that expired — its process died mid-run —
 * is taken over: handlers must be idempotent, as they must be under BullMQ.
 */
export class InlineJobQueue implements JobQueue {
  private readonly db: Database.Database;
  private readonly owner = randomUUID();
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private handlers?: ReadonlyMap<string, JobHandler<never>>;
  private concurrency = 2;
  private readonly running = new Map<string, Promise<void>>();
  private timer?: NodeJS.Timeout;
  private closed = false;
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;
  private readonly due: Database.Statement;
  private readonly claim: Database.Statement;
  private readonly renew: Database.Statement;
  private readonly setProgress: Database.Statement;
  private readonly finish: Database.Statement;

  constructor(options: InlineJobQueueOptions) {
    this.pollMs = options.pollMs ?? 250;
    this.leaseMs = options.leaseMs ?? 30_000;
    // FULL: an acknowledged vote window must outlive a power cut, like the command that asked for it.
    this.db = openSqlite(options.file, { synchronous: 'FULL' });
    this.db.exec(`CREATE TABLE IF NOT EXISTS jobs (
      id TEXT PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL, state TEXT NOT NULL,
      progress INTEGER NOT NULL DEFAULT 0, result TEXT, error TEXT,
      attempts_made INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL, backoff_ms INTEGER NOT NULL,
      run_at INTEGER NOT NULL, created_at TEXT NOT NULL, finished_at TEXT,
      owner TEXT, lease_until INTEGER)`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, run_at)`);
    this.insert = this.db.prepare(`INSERT OR IGNORE INTO jobs (id, kind, data, state, attempts, backoff_ms, run_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.select = this.db.prepare(`SELECT * FROM jobs WHERE id = ?`);
    this.due = this.db.prepare(`SELECT id FROM jobs WHERE (state IN ('waiting', 'delayed') AND run_at <= @now) OR (state = 'active' AND lease_until < @now) ORDER BY run_at, created_at LIMIT @limit`);
    this.claim = this.db.prepare(
      `UPDATE jobs SET state = 'active', owner = @owner, lease_until = @lease, attempts_made = attempts_made + 1
       WHERE id = @id AND ((state IN ('waiting', 'delayed') AND run_at <= @now) OR (state = 'active' AND lease_until < @now))`,
    );
    this.renew = this.db.prepare(`UPDATE jobs SET lease_until = ? WHERE id = ? AND owner = ? AND state = 'active'`);
    this.setProgress = this.db.prepare(`UPDATE jobs SET progress = ?, lease_until = ? WHERE id = ? AND owner = ? AND state = 'active'`);
    this.finish = this.db.prepare(
      `UPDATE jobs SET state = @state, progress = @progress, result = @result, error = @error, run_at = @runAt, finished_at = @finishedAt, owner = NULL, lease_until = NULL
       WHERE id = @id AND owner = @owner`,
    );
  }

  async enqueue<D>(kind: string, data: D, options: EnqueueOptions): Promise<{ job: JobView<D>; created: boolean }> {
    const delay = Math.max(0, options.delayMs ?? 0);
    const created =
      this.insert.run(
        options.jobId,
        kind,
        JSON.stringify(data ?? null),
        delay > 0 ? 'delayed' : 'waiting',
        options.attempts ?? DEFAULT_ATTEMPTS,
        options.backoffMs ?? DEFAULT_BACKOFF_MS,
        Date.now() + delay,
        new Date().toISOString(),
      ).changes === 1;
    if (created) this.kick();
    return { job: (await this.get(options.jobId)) as JobView<D>, created };
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = this.select.get(id) as JobRow | undefined;
    return row && viewOf(row);
  }

  async work(handlers: ReadonlyMap<string, JobHandler<never>>, options: WorkOptions = {}): Promise<void> {
    this.handlers = handlers;
    this.concurrency = Math.max(1, options.concurrency ?? 2);
    this.kick();
  }

  async ping(): Promise<boolean> {
    return this.db.open;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.allSettled([...this.running.values()]);
    if (this.db.open) this.db.close();
  }

  /** Looks for due jobs now, then every pollMs. */
  private kick(): void {
    if (!this.handlers || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const free = this.concurrency - this.running.size;
    if (free > 0) {
      const now = Date.now();
      for (const { id } of this.due.all({ now, limit: free }) as Array<{ id: string }>) {
        if (this.running.has(id)) continue;
        if (this.claim.run({ id, owner: this.owner, lease: now + this.leaseMs, now }).changes !== 1) continue;
        const run = this.run(id).finally(() => {
          this.running.delete(id);
          this.kick();
        });
        this.running.set(id, run);
      }
    }
    this.timer = setTimeout(() => this.kick(), this.pollMs);
    this.timer.unref();
  }

  private async run(id: string): Promise<void> {
    const row = this.select.get(id) as JobRow;
    const handler = this.handlers?.get(row.kind);
    const renewal = setInterval(() => this.db.open && this.renew.run(Date.now() + this.leaseMs, id, this.owner), Math.max(10, this.leaseMs / 3));
    renewal.unref();
    try {
      if (!handler) throw new JobFailedForGood(`No handler for jobs of kind ${row.kind}`);
      const result = await handler({
        id,
        kind: row.kind,
        data: JSON.parse(row.data) as never,
        attempt: row.attempts_made,
        progress: async (percent) => {
          if (this.db.open) this.setProgress.run(clampProgress(percent), Date.now() + this.leaseMs, id, this.owner);
        },
      });
      this.settle(id, { state: 'completed', progress: 100, result: JSON.stringify(result ?? null), error: null, runAt: row.run_at, finishedAt: new Date().toISOString() });
    } catch (error) {
      const exhausted = error instanceof JobFailedForGood || row.attempts_made >= row.attempts;
      const current = this.select.get(id) as JobRow;
      this.settle(id, {
        state: exhausted ? 'failed' : 'delayed',
        progress: current.progress,
        result: null,
        error: errorMessage(error),
        runAt: exhausted ? row.run_at : Date.now() + row.backoff_ms * 2 ** (row.attempts_made - 1),
        finishedAt: exhausted ? new Date().toISOString() : null,
      });
    } finally {
      clearInterval(renewal);
    }
  }

  private settle(id: string, outcome: { state: JobState; progress: number; result: string | null; error: string | null; runAt: number; finishedAt: string | null }): void {
    if (this.db.open) this.finish.run({ id, owner: this.owner, ...outcome });
  }
}

function viewOf(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    data: JSON.parse(row.data) as unknown,
    state: row.state,
    progress: row.progress,
    ...(row.result !== null ? { result: JSON.parse(row.result) as unknown } : {}),
    ...(row.error !== null ? { error: row.error } : {}),
    attemptsMade: row.attempts_made,
    attempts: row.attempts,
    createdAt: row.created_at,
    runAt: new Date(row.run_at).toISOString(),
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
  };
}
