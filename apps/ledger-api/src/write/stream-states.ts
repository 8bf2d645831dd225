import { Decider, DomainEvent } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';

export interface LoadedStream<S> {
  state: S;
  /** undefined: the stream does not exist yet. */
  revision: bigint | undefined;
}

/**
 * The hot cache of one stream kind's states, keyed by stream id. A state is folded once from
 * the store and then kept up to date by the writer; what another process appended is folded in
 * by `catchUp` before a command is decided again.
 */
export class StreamStates<C, E extends DomainEvent, S> {
  private readonly loaded = new Map<string, LoadedStream<S>>();

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, E, S, unknown>,
  ) {}

  /** The cached state, else the stream read from the store. */
  async get(streamId: string): Promise<LoadedStream<S>> {
    return this.loaded.get(streamId) ?? this.catchUp(streamId);
  }

  /** Folds whatever the stream holds beyond the cached revision (written by another process). */
  async catchUp(streamId: string): Promise<LoadedStream<S>> {
    const loaded = this.loaded.get(streamId) ?? { state: this.decider.initialState(), revision: undefined };
    const from = loaded.revision === undefined ? 0n : loaded.revision + 1n;
    for await (const recorded of this.store.readStream(streamId, from)) {
      this.decider.evolve(loaded.state, { type: recorded.type, data: recorded.data } as unknown as E);
      loaded.revision = recorded.revision;
    }
    if (loaded.revision !== undefined) this.loaded.set(streamId, loaded);
    return loaded;
  }

  /** Folds events the writer has just appended. */
  advance(streamId: string, loaded: LoadedStream<S>, events: readonly E[], revision: bigint): void {
    for (const event of events) this.decider.evolve(loaded.state, event);
    loaded.revision = revision;
    this.loaded.set(streamId, loaded);
  }

  /** Forgets a state that folded events which were then not appended: it is read again. */
  drop(streamId: string): void {
    this.loaded.delete(streamId);
  }
}
