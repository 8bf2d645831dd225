/** Ids per chunk: a fork copies one chunk at most, and a pointer per other chunk. */
const CHUNK = 1024;

/**
 * An append-only list of ids that forks in time proportional to its number of chunks, not its
 * length: full chunks are shared between forks and never written again; each fork appends to a
 * tail of its own. The cooperative's folds keep their associates and movements in order with it
 * (state.ts), so that a fold resumed from a checkpoint does not copy 100,000 ids (3 ms each time
 * on these machines) to judge one back-dated act. Reads like an array: `length`, `at`, `for…of`,
 * `map`, `filter`; JSON is the plain array.
 */
export class IdList implements Iterable<string> {
  private constructor(
    private readonly chunks: string[][],
    private tail: string[],
  ) {}

  static of(ids: Iterable<string> = []): IdList {
    const list = new IdList([], []);
    for (const id of ids) list.push(id);
    return list;
  }

  get length(): number {
    return this.chunks.length * CHUNK + this.tail.length;
  }

  push(id: string): void {
    this.tail.push(id);
    if (this.tail.length === CHUNK) {
      this.chunks.push(this.tail);
      this.tail = [];
    }
  }

  /** The id at `index`, undefined outside the list. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const chunk = Math.floor(index / CHUNK);
    return chunk < this.chunks.length ? this.chunks[chunk][index % CHUNK] : this.tail[index % CHUNK];
  }

  /** An independent list of the first `length` ids (all of them by default). */
  fork(length = this.length): IdList {
    const full = Math.min(Math.floor(length / CHUNK), this.chunks.length);
    const rest = length - full * CHUNK;
    const source = full < this.chunks.length ? this.chunks[full] : this.tail;
    return new IdList(this.chunks.slice(0, full), source.slice(0, rest));
  }

  [Symbol.iterator](): Iterator<string> {
    const { chunks, tail } = this;
    let chunk = 0;
    let index = 0;
    return {
      next(): IteratorResult<string> {
        for (;;) {
          const ids = chunk < chunks.length ? chunks[chunk] : chunk === chunks.length ? tail : undefined;
          if (ids === undefined) return { done: true, value: undefined };
          if (index < ids.length) return { done: false, value: ids[index++] };
          chunk++;
          index = 0;
        }
      },
    };
  }

  /** The index of `id`, or -1. */
  indexOf(id: string): number {
    let index = 0;
    for (const each of this) {
      if (each === id) return index;
      index++;
    }
    return -1;
  }

  map<T>(f: (id: string, index: number) => T): T[] {
    const out: T[] = [];
    let index = 0;
    for (const id of this) out.push(f(id, index++));
    return out;
  }

  filter(keep: (id: string, index: number) => boolean): string[] {
    const out: string[] = [];
    let index = 0;
    for (const id of this) if (keep(id, index++)) out.push(id);
    return out;
  }

  toJSON(): string[] {
    return [...this];
  }
}
