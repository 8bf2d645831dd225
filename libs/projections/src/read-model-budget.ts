/** A read model part that can give its memory back, to be read again from the snapshot when next asked for. */
export interface Evictable {
  /** Frees what it holds in memory; false when it cannot (events not saved in the snapshot yet). */
  evict(): boolean;
}

/**
 * Memory of the read models kept within a budget, not by history: the cooperatives whose events
 * or folds were read are listed in order of last use with what they cost (an estimate, see
 * `READ_MODEL_BYTES_PER_EVENT`), and past the budget the least recently used are evicted. A
 * server hosting a federation's thousand cooperatives then holds the ones being read, not all.
 */
export class ReadModelBudget {
  private readonly used = new Map<Evictable, number>();
  private total = 0;

  constructor(readonly budgetBytes: number) {}

  /** `part` was just read and now holds about `bytes`; evicts the least recently used others while over budget. */
  touch(part: Evictable, bytes: number): void {
    this.total -= this.used.get(part) ?? 0;
    this.used.delete(part);
    this.used.set(part, bytes);
    this.total += bytes;
    for (const [other, cost] of this.used) {
      if (this.total <= this.budgetBytes) break;
      if (other === part || !other.evict()) continue;
      this.used.delete(other);
      this.total -= cost;
    }
  }

  /** What the parts read hold, by the estimate. */
  get usedBytes(): number {
    return this.total;
  }

  get size(): number {
    return this.used.size;
  }
}

/**
 * What a cooperative's events cost in memory once read, with the folds and the register built on
 * them: about 1 KiB an event (a restarted server that has read a 1,100,000-event cooperative
 * holds about 1,050 MiB; bench/RESULTS.md).
 */
export const READ_MODEL_BYTES_PER_EVENT = 1024;

/** What a cooperative's fold of today costs when read from the snapshot without its events (its associates, not its movements). */
export const FOLD_BYTES_PER_EVENT = 128;
