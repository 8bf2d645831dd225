import { Decider, DomainError, DomainEvent, coopIdOf } from '@ledger/domain';
import { EventStore, NewEvent, WrongExpectedRevisionError } from '@ledger/event-store';
import { SnapshotStore } from '@ledger/projections';
import { CommandMetadata, StaleRevisionError, toNewEvent } from './command-metadata';
import { GroupCommit } from './group-commit';
import { StreamSnapshots } from './stream-snapshots';
import { LoadedStream, StreamStates, unsavedOf } from './stream-states';

export interface CommandResult {
  events: Array<{ eventId: string; type: string; data: Record<string, unknown> }>;
  /** Stream revision after the command: the resource's new ETag. */
  revision: bigint;
  /** Global position of the command's last event (of the stream's head when it decided nothing). */
  position: bigint;
}

/** Waits until the read models have folded a position (read-your-writes). */
export interface ReadModels {
  waitFor(position: bigint): Promise<void>;
}

interface Waiting<C, K> {
  key: K;
  command: C;
  metadata: CommandMetadata;
  resolve(result: CommandResult): void;
  reject(error: unknown): void;
}

interface Accepted<C, K> {
  waiting: Waiting<C, K>;
  events: NewEvent[];
}

interface DecidedBatch<C, E, K> {
  accepted: Array<Accepted<C, K>>;
  /** Commands the decider refused, with why: answered once the state they were decided on is known to be current. */
  refused: Array<{ waiting: Waiting<C, K>; error: unknown }>;
  /** The last accepted command's events, not folded into the state yet. */
  unfolded: E[];
  /** Whether the state folded events of this batch that are not appended yet. */
  speculative: boolean;
}

/** Another process wrote first: catch up and decide again, this many times at most. */
const MAX_ATTEMPTS = 5;

export interface StreamWriterOptions {
  /** Where large states are saved between restarts (for deciders that say how: Decider.snapshots). */
  snapshots?: SnapshotStore;
  /** Save a stream's state once it has folded this many events since it was last saved. */
  snapshotAfter?: number;
  /**
   * A save serializes the state on the event loop (a second or two for a million events): never
   * more often than this, nor more than 1/20 of the time.
   */
  snapshotMinIntervalMs?: number;
  /** The events the cached states may have folded in all, past which the least recently used are forgotten (see StreamStates). */
  stateBudgetEvents?: number;
  clock?: () => Date;
}

/**
 * The write path of one stream kind: load (hot cache, else the stream) → decide → append with
 * the exact expected revision → on conflict catch up and decide again → answer once the read
 * models hold the events. Commands of one stream are decided one at a time, in arrival order,
 * each on the state the previous ones leave; those that arrive together are appended in one
 * transaction (see GroupCommit) and each is answered exactly as if it had been alone. A command
 * the decider refuses is refused alone. A command that names the revision it expects
 * (If-Match) is refused with StaleRevisionError when the stream is elsewhere, never retried.
 */
export class StreamWriter<C, E extends DomainEvent, S, K> {
  private readonly states: StreamStates<C, E, S>;
  private readonly batches: GroupCommit<Waiting<C, K>>;
  private readonly snapshots?: StreamSnapshots<S>;
  private readonly snapshotAfter: number;
  private readonly snapshotMinIntervalMs: number;
  private readonly clock: () => Date;
  private saving = false;
  private nextSaveAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModels,
    private readonly decider: Decider<C, E, S, K>,
    options: StreamWriterOptions = {},
  ) {
    const form = decider.snapshots as Decider<unknown, DomainEvent, S>['snapshots'];
    if (form && options.snapshots) this.snapshots = new StreamSnapshots(options.snapshots, store, form);
    this.snapshotAfter = options.snapshotAfter ?? 20_000;
    this.snapshotMinIntervalMs = options.snapshotMinIntervalMs ?? 10_000;
    this.clock = options.clock ?? (() => new Date());
    this.states = new StreamStates(store, decider, this.snapshots, options.stateBudgetEvents);
    this.batches = new GroupCommit((streamId, batch) => this.write(streamId, batch));
  }

  execute(key: K, command: C, metadata: CommandMetadata): Promise<CommandResult> {
    return new Promise((resolve, reject) => this.batches.enqueue(this.decider.streamId(key), { key, command, metadata, resolve, reject }));
  }

  /** The stream's state caught up with the store, or undefined when it does not exist. Do not mutate it. */
  async current(key: K): Promise<S | undefined> {
    const streamId = this.decider.streamId(key);
    // Facts for another stream's command (a voter list as of a record date, a year's events) may
    // reach before a snapshot's last date: the whole stream.
    const loaded = await this.batches.serially(streamId, async () => ((await this.states.get(streamId)).restored ? this.states.whole(streamId) : this.states.catchUp(streamId)));
    return loaded.revision === undefined ? undefined : loaded.state;
  }

  /** Events folded in the states this writer keeps (what its memory grows with). */
  get cachedEvents(): number {
    return this.states.cachedEvents;
  }

  /** Saves every state with events not saved yet (at shutdown: the next start reads them instead of folding their streams). */
  async saveAll(): Promise<void> {
    if (!this.snapshots) return;
    for (const [streamId] of this.states.unsaved(Math.min(this.snapshotAfter, 1_000))) await this.batches.serially(streamId, () => this.save(streamId));
  }

  private async write(streamId: string, batch: Array<Waiting<C, K>>): Promise<void> {
    try {
      for (let attempt = 1; batch.length > 0; attempt++) {
        let loaded = attempt === 1 ? await this.states.get(streamId) : await this.states.catchUp(streamId);
        if (loaded.restored && batch.some(({ command }) => this.decider.snapshots?.needsWholeStream(loaded.state, { command }))) loaded = await this.states.whole(streamId);
        batch = await this.attempt(streamId, loaded, batch, attempt);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
    this.saveWhenDue(streamId);
  }

  /** Off the request path: once the stream has folded enough events since its last save, and not too often. */
  private saveWhenDue(streamId: string): void {
    if (!this.snapshots || this.saving || Date.now() < this.nextSaveAt) return;
    if (this.states.unsaved(this.snapshotAfter).every(([id]) => id !== streamId)) return;
    this.saving = true;
    void this.batches
      .serially(streamId, () => this.save(streamId))
      .catch((error: unknown) => console.error(`The snapshot of stream ${streamId} could not be saved`, error))
      .finally(() => (this.saving = false));
  }

  /** Saves the stream's state as it stands between two batches (never with events not appended yet). */
  private async save(streamId: string): Promise<void> {
    const loaded = this.states.unsaved(1).find(([id]) => id === streamId)?.[1];
    if (!this.snapshots || !loaded || loaded.revision === undefined || loaded.lastEventId === undefined || unsavedOf(loaded) === 0) return;
    const started = Date.now();
    const revision = loaded.revision;
    await this.snapshots.save(streamId, loaded.state, revision, loaded.lastEventId);
    loaded.savedRevision = revision;
    const ended = Date.now();
    this.nextSaveAt = ended + Math.max(this.snapshotMinIntervalMs, 19 * (ended - started));
  }

  /** Decides and appends the batch once; returns the commands to decide again after a conflict. */
  private async attempt(streamId: string, loaded: LoadedStream<S>, batch: Array<Waiting<C, K>>, attempt: number): Promise<Array<Waiting<C, K>>> {
    const { accepted, refused, unfolded, speculative } = this.decideBatch(streamId, loaded, batch);
    if (refused.length > 0 && attempt === 1 && (await this.movedBeyond(streamId, loaded.revision))) {
      // Refused on a cached state another process (an API replica, the worker) has moved past —
      // the associate it admitted, the attendance it recorded: decide the batch again on the stream as it is.
      if (speculative) this.states.drop(streamId);
      return batch;
    }
    for (const { waiting, error } of refused) waiting.reject(error);
    if (accepted.length === 0) return [];
    const before = loaded.revision;
    let appended;
    try {
      appended = await this.store.append(
        streamId,
        accepted.flatMap((a) => a.events),
        before ?? 'no_stream',
      );
    } catch (error) {
      if (speculative) this.states.drop(streamId);
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) {
        for (const { waiting } of accepted) waiting.reject(error);
        return [];
      }
      return accepted.map((a) => a.waiting);
    }
    const appendedEvents = accepted.flatMap((a) => a.events);
    if (appended.events.length > 0) this.states.advance(streamId, loaded, unfolded, appended.nextExpectedRevision, appendedEvents[appendedEvents.length - 1].metadata.eventId);
    try {
      await this.readModels.waitFor(appended.position);
    } catch (error) {
      for (const { waiting } of accepted) waiting.reject(error);
      return [];
    }
    // Each command answers where its own last event landed (a command that decided nothing: the
    // revision the ones before it reached).
    let reached: { revision: bigint; position: bigint } = { revision: before ?? -1n, position: appended.position };
    let next = 0;
    for (const { waiting, events } of accepted) {
      next += events.length;
      if (events.length > 0) reached = appended.events[next - 1];
      waiting.resolve({ events: events.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data })), ...reached });
    }
    return [];
  }

  /** Decides each command on the state the previous ones leave, folded before they are appended. */
  private decideBatch(streamId: string, loaded: LoadedStream<S>, batch: Array<Waiting<C, K>>): DecidedBatch<C, E, K> {
    const accepted: Array<Accepted<C, K>> = [];
    const refused: DecidedBatch<C, E, K>['refused'] = [];
    const coopId = coopIdOf(streamId) ?? '';
    const recordedAt = this.clock().toISOString();
    let revision = loaded.revision;
    let unfolded: E[] = [];
    let speculative = false;
    for (const waiting of batch) {
      for (const event of unfolded) this.decider.evolve(loaded.state, event);
      speculative ||= unfolded.length > 0;
      unfolded = [];
      try {
        if (revision === undefined && !this.decider.creates(waiting.command)) throw new DomainError('NOT_FOUND', this.decider.notFound(waiting.key));
        const expected = waiting.metadata.expectedRevision;
        if (expected !== undefined && expected !== revision) throw new StaleRevisionError(streamId, expected, revision ?? 'no_stream');
        const decided = this.decider.decide(waiting.command, loaded.state);
        if (decided.length > 0) revision = (revision ?? -1n) + BigInt(decided.length);
        const events = decided.map((event) => toNewEvent(event, this.decider.eventIdOf?.(event), coopId, waiting.metadata, recordedAt));
        accepted.push({ waiting, events });
        unfolded = decided;
      } catch (error) {
        refused.push({ waiting, error });
      }
    }
    return { accepted, refused, unfolded, speculative };
  }

  /** Whether the store holds events of the stream beyond `revision` (one short read, only when a command was refused). */
  private async movedBeyond(streamId: string, revision: bigint | undefined): Promise<boolean> {
    for await (const _event of this.store.readStream(streamId, revision === undefined ? 0n : revision + 1n)) return true;
    return false;
  }
}
