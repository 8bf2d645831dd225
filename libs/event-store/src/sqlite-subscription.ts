import { AsyncLocalStorage } from 'node:async_hooks';
import type { RecordedEvent, Subscription, SubscriptionHandler } from './event-store.port';

export type SubscriptionErrorHandler = (error: unknown, event: RecordedEvent) => void;

export interface LogSubscriptionOptions {
  /** The next page of the global log after a position; empty when caught up. */
  readAfter: (position: bigint) => RecordedEvent[] | Promise<RecordedEvent[]>;
  /** The most events `readAfter` returns: a shorter page reached the end of the log. */
  pageSize: number;
  handler: SubscriptionHandler;
  /** Exclusive; -1n for the whole log. */
  after: bigint;
  /** How often to look for events appended by another connection, when not woken first. */
  pollIntervalMs: number;
  onError?: SubscriptionErrorHandler;
  onStopped: () => void;
}

/** Set while a handler runs, so that stop() called from inside it does not wait for itself. */
const runningHandler = new AsyncLocalStorage<LogSubscription>();

/**
 * One reader of the global log, catch-up then live, for a store that cannot push (SQLite; and
 * PostgreSQL, whose NOTIFY only wakes it): it reads
 * page after page, then sleeps until woken (an append through the same store) or until the
 * next poll (an append by another process on the same file). Handlers are awaited one at a
 * time, in position order.
 *
 * A handler that throws stops the subscription: skipping the event would break the promise
 * of strict order, and retrying a poisoned event forever helps no one. The caller resumes
 * from its own checkpoint once the cause is fixed.
 */
export class LogSubscription implements Subscription {
  private stopped = false;
  private woken = false;
  private wakeUp?: () => void;
  private position: bigint;
  private readonly finished: Promise<void>;

  constructor(private readonly options: LogSubscriptionOptions) {
    this.position = options.after;
    this.finished = this.run().finally(options.onStopped);
  }

  /** New events may be there: look now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    return runningHandler.getStore() === this ? Promise.resolve() : this.finished;
  }

  private async run(): Promise<void> {
    // Start on a later tick: subscribeAll returns before any handler runs.
    await Promise.resolve();
    while (!this.stopped) {
      this.woken = false;
      let page: RecordedEvent[];
      try {
        page = await this.options.readAfter(this.position);
      } catch (error) {
        if (this.stopped) return; // the store closed under us: expected during shutdown
        // A failed read (disk, lock held past busy_timeout) is retried at the next poll.
        console.error('Subscription could not read the event log; retrying', error);
        await this.sleep();
        continue;
      }
      for (const event of page) {
        if (this.stopped) return;
        try {
          await runningHandler.run(this, () => this.options.handler(event));
        } catch (error) {
          this.stopped = true;
          this.report(error, event);
          return;
        }
        this.position = event.position;
      }
      // A short page read the log to its end: wait for the next append (or poll) rather than
      // read an empty page first.
      if (page.length < this.options.pageSize && !this.woken) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), this.options.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
    });
  }

  private report(error: unknown, event: RecordedEvent): void {
    try {
      if (this.options.onError) this.options.onError(error, event);
      else console.error(`Subscription stopped: its handler failed on ${event.streamId}@${event.revision} (position ${event.position})`, error);
    } catch (reportError) {
      console.error('Subscription error reporter failed', reportError);
    }
  }
}
