import { Decider, DomainEvent } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { StreamSnapshots } from './stream-snapshots';

export interface LoadedStream<S> {
  state: S;
  /** undefined: the stream does not exist yet. */
  revision: bigint | undefined;
  /** The id of the event at `revision`. */
  lastEventId?: string;
  /** The revision the state had when it was last saved or read from a snapshot. */
  savedRevision?: bigint;
  /** Read from a snapshot: it may lack what an act dated before its last date needs (Decider.snapshots). */
  restored: boolean;
}

/**
 * The hot cache of one stream kind's states, keyed by stream id. A state is read from its
 * snapshot when the decider saves them, else folded from the store, then kept up to date by the
 * writer; what another process appended is folded in by `catchUp` before a command is decided
 * again.
 */
export class StreamStates<C, E extends DomainEvent, S> {
  /** In order of last use: the first is the one to forget when the cache is over its budget. */
  private readonly loaded = new Map<string, LoadedStream<S>>();

  /**
   * @param budgetEvents the events the cached states may have folded in all (a state's memory
   * grows with its stream): past it, the states used least recently are forgotten, and read
   * again — from their snapshot, saved once they grow large (StreamWriter), and the events
   * after it — when next needed.
   */
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S, unknown>,
    private readonly snapshots?: StreamSnapshots<S>,
    private readonly budgetEvents = Infinity,
  ) {}

  /** The cached state, else the snapshot and what the stream holds beyond it, else the stream read from the store. */
  async get(streamId: string): Promise<LoadedStream<S>> {
    const cached = this.loaded.get(streamId);
    if (cached) {
      this.touch(streamId, cached);
      return cached;
    }
    const restored = await this.snapshots?.load(streamId).catch((error: unknown) => {
      // A snapshot is only a cache: one that cannot be read costs a fold of the stream.
      console.error(`The snapshot of stream ${streamId} could not be read; folding the stream`, error);
      return undefined;
    });
    if (restored) this.loaded.set(streamId, { ...restored, savedRevision: restored.revision, restored: true });
    return this.catchUp(streamId);
  }

  /** Folds whatever the stream holds beyond the cached revision (written by another process). */
  async catchUp(streamId: string): Promise<LoadedStream<S>> {
    const loaded = this.loaded.get(streamId) ?? this.fresh();
    const from = loaded.revision === undefined ? 0n : loaded.revision + 1n;
    for await (const recorded of this.store.readStream(streamId, from)) {
      const event = { type: recorded.type, data: recorded.data } as unknown as E;
      if (loaded.restored && this.decider.snapshots?.needsWholeStream(loaded.state, { event })) return this.whole(streamId);
      this.decider.evolve(loaded.state, event);
      loaded.revision = recorded.revision;
      loaded.lastEventId = recorded.metadata.eventId;
    }
    if (loaded.revision !== undefined) this.touch(streamId, loaded);
    return loaded;
  }

  /** The state folded from the whole stream (a restored one lacks the acts it knows only by their fold). */
  async whole(streamId: string): Promise<LoadedStream<S>> {
    const cached = this.loaded.get(streamId);
    if (cached && !cached.restored) return this.catchUp(streamId);
    this.loaded.delete(streamId);
    return this.catchUp(streamId);
  }

  /** Folds events the writer has just appended. */
  advance(streamId: string, loaded: LoadedStream<S>, events: readonly E[], revision: bigint, lastEventId: string): void {
    for (const event of events) this.decider.evolve(loaded.state, event);
    loaded.revision = revision;
    loaded.lastEventId = lastEventId;
    this.touch(streamId, loaded);
  }

  /** Marks the state as the last used, and forgets the least used ones while the cache is over its budget. */
  private touch(streamId: string, loaded: LoadedStream<S>): void {
    this.loaded.delete(streamId);
    this.loaded.set(streamId, loaded);
    if (this.budgetEvents === Infinity) return;
    let total = 0;
    for (const each of this.loaded.values()) total += eventsOf(each);
    for (const [id, each] of this.loaded) {
      if (total <= this.budgetEvents || id === streamId) break;
      this.loaded.delete(id);
      total -= eventsOf(each);
    }
  }

  /** Events folded in the cached states. */
  get cachedEvents(): number {
    let total = 0;
    for (const each of this.loaded.values()) total += eventsOf(each);
    return total;
  }

  /** Forgets a state that folded events which were then not appended: it is read again. */
  drop(streamId: string): void {
    this.loaded.delete(streamId);
  }

  /** The states holding at least `minimum` events not saved yet. */
  unsaved(minimum: number): Array<[string, LoadedStream<S>]> {
    return [...this.loaded].filter(([, loaded]) => unsavedOf(loaded) >= minimum);
  }

  private fresh(): LoadedStream<S> {
    return { state: this.decider.initialState(), revision: undefined, restored: false };
  }
}

function eventsOf(loaded: LoadedStream<unknown>): number {
  return Number((loaded.revision ?? -1n) + 1n);
}

/** Events folded into the state since it was last saved or read from a snapshot. */
export function unsavedOf(loaded: LoadedStream<unknown>): number {
  return Number((loaded.revision ?? -1n) - (loaded.savedRevision ?? -1n));
}
