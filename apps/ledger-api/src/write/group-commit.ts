/**
 * Group commit: commands for one stream that arrive while its previous batch is being written
 * wait together and are handed over as one batch, so that one append (one fsync) serves them
 * all. Batches of one stream run one after the other, in arrival order; streams run apart.
 */
export class GroupCommit<T> {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, T[]>();

  constructor(private readonly runBatch: (streamId: string, batch: T[]) => Promise<void>) {}

  /** Adds an item to the stream's next batch. */
  enqueue(streamId: string, item: T): void {
    let waiting = this.waiting.get(streamId);
    if (!waiting) {
      this.waiting.set(streamId, (waiting = []));
      // On the next turn of the event loop, so that the requests read with this one join it.
      setImmediate(
        () =>
          void this.serially(streamId, () => {
            const batch = this.waiting.get(streamId) ?? [];
            this.waiting.delete(streamId);
            return this.runBatch(streamId, batch);
          }),
      );
    }
    waiting.push(item);
  }

  /** Runs work on the stream once the batches before it are done. */
  serially<R>(streamId: string, work: () => Promise<R>): Promise<R> {
    const run = (this.queues.get(streamId) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.queues.set(streamId, run);
    void run
      .finally(() => {
        if (this.queues.get(streamId) === run) this.queues.delete(streamId);
      })
      .catch(() => undefined);
    return run;
  }
}
