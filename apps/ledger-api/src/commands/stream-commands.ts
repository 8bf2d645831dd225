import { randomUUID } from 'crypto';
import { DomainError } from '@ledger/domain';
import { AppendResult, EventStore, JsonObject, NewEvent, WrongExpectedRevisionError } from '@ledger/event-store';
import { ProjectionEngine } from '@ledger/projections';
import { RequestContext } from '../http/request-context';

export interface DomainEvent {
  type: string;
  data: object;
}

/** What the generic command path needs to know of one kind of stream. */
export interface StreamDecider<C, E extends DomainEvent, S> {
  initialState(): S;
  decide(command: C, state: S): E[];
  /** Folds in place (see cooperative/evolve.ts). */
  evolve(state: S, event: E): S;
  /** Whether a command may run on a stream that does not exist yet (the one that creates it). */
  creates(command: C): boolean;
  /** The 404 detail for a command on a stream that does not exist. */
  notFound(streamId: string): string;
  /** The stored event id, when the domain chose one (a capital movement's movementId). */
  eventIdOf?(event: E): string | undefined;
}

export interface CommandResult {
  events: Array<{ eventId: string; type: string; data: Record<string, unknown> }>;
  /** Stream revision after the append: the resource's new ETag. */
  revision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
}

export interface LoadedStream<S> {
  state: S;
  /** undefined: the stream does not exist yet. */
  revision: bigint | undefined;
}

interface Waiting<C> {
  command: C;
  ctx: RequestContext;
  resolve(result: CommandResult): void;
  reject(error: unknown): void;
}

interface Accepted<C> {
  waiting: Waiting<C>;
  events: NewEvent[];
  /** The stream's revision after this command's events. */
  revision: bigint | undefined;
}

const MAX_ATTEMPTS = 5;
const SCHEMA_VERSION = 1;

/**
 * The one command path, for every kind of stream: load (hot cache, else the stream) → decide →
 * append with the exact expected revision → on conflict catch up and decide again. Commands on
 * one stream run one at a time in this process, in arrival order; another process writing the
 * same stream is met by the expected revision. A client that sent If-Match gets the conflict.
 *
 * Group commit: the commands on one stream that arrive while its previous batch is being
 * written are decided one after the other, each on the state the previous ones leave, and their
 * events appended in one transaction (one fsync for all). Each is answered only once that
 * append is durable, exactly as if it had been alone; a command the decider refuses is refused
 * alone. When the append fails, a state that already folded the batch's first commands is
 * dropped and read again from the store.
 */
export class StreamCommands<C, E extends DomainEvent, S> {
  private readonly streams = new Map<string, LoadedStream<S>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, Array<Waiting<C>>>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionEngine,
    private readonly decider: StreamDecider<C, E, S>,
  ) {}

  execute(streamId: string, coopId: string, command: C, ctx: RequestContext): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      let waiting = this.waiting.get(streamId);
      if (!waiting) {
        this.waiting.set(streamId, (waiting = []));
        // On the next turn of the event loop, so that the requests read with this one join it.
        setImmediate(() => void this.serially(streamId, () => this.executeWaiting(streamId, coopId)));
      }
      waiting.push({ command, ctx, resolve, reject });
    });
  }

  /** The stream's state caught up with the store. Do not mutate it. */
  current(streamId: string): Promise<LoadedStream<S>> {
    return this.serially(streamId, () => this.catchUp(streamId));
  }

  private serially<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(streamId) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.queues.set(streamId, run);
    void run
      .finally(() => {
        if (this.queues.get(streamId) === run) this.queues.delete(streamId);
      })
      .catch(() => undefined);
    return run;
  }

  private async executeWaiting(streamId: string, coopId: string): Promise<void> {
    let batch = this.waiting.get(streamId) ?? [];
    this.waiting.delete(streamId);
    try {
      for (let attempt = 1; batch.length > 0; attempt++) batch = await this.attempt(streamId, coopId, batch, attempt);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  /** Decides and appends the batch once; returns the commands to decide again after a conflict. */
  private async attempt(streamId: string, coopId: string, batch: Array<Waiting<C>>, attempt: number): Promise<Array<Waiting<C>>> {
    const loaded = attempt === 1 ? (this.streams.get(streamId) ?? (await this.catchUp(streamId))) : await this.catchUp(streamId);
    const accepted: Array<Accepted<C>> = [];
    let revision = loaded.revision;
    let unfolded: E[] = [];
    let speculative = false;
    for (const waiting of batch) {
      // The next command decides on the state the previous one leaves, not yet appended.
      for (const event of unfolded) this.decider.evolve(loaded.state, event);
      speculative ||= unfolded.length > 0;
      unfolded = [];
      try {
        if (revision === undefined && !this.decider.creates(waiting.command)) throw new DomainError('NOT_FOUND', this.decider.notFound(streamId));
        if (waiting.ctx.expectedRevision !== undefined && waiting.ctx.expectedRevision !== revision) {
          throw new WrongExpectedRevisionError(streamId, waiting.ctx.expectedRevision, revision ?? 'no_stream');
        }
        const decided = this.decider.decide(waiting.command, loaded.state);
        if (decided.length > 0) revision = (revision ?? -1n) + BigInt(decided.length);
        accepted.push({ waiting, events: decided.map((event) => this.toNewEvent(coopId, event, waiting.ctx)), revision });
        unfolded = decided;
      } catch (error) {
        waiting.reject(error);
      }
    }
    if (accepted.length === 0) return [];

    let appended: AppendResult;
    try {
      appended = await this.store.append(streamId, accepted.flatMap((a) => a.events), loaded.revision ?? 'no_stream');
    } catch (error) {
      if (speculative) this.streams.delete(streamId);
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) {
        for (const { waiting } of accepted) waiting.reject(error);
        return [];
      }
      // Another process wrote first: If-Match commands get the conflict, the others decide again.
      const again: Array<Waiting<C>> = [];
      for (const { waiting } of accepted) {
        if (waiting.ctx.expectedRevision === undefined) again.push(waiting);
        else waiting.reject(error);
      }
      return again;
    }
    for (const event of unfolded) this.decider.evolve(loaded.state, event);
    loaded.revision = appended.nextExpectedRevision;
    this.streams.set(streamId, loaded);
    try {
      await this.projections.waitFor(appended.position);
      const positions = accepted.length === 1 ? undefined : await this.positionsFrom(streamId, accepted[0].revision);
      for (const { waiting, events, revision: reached } of accepted) {
        waiting.resolve({
          events: events.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data })),
          revision: reached ?? -1n,
          position: positions ? (reached === undefined ? -1n : (positions.get(reached) ?? appended.position)) : appended.position,
        });
      }
    } catch (error) {
      for (const { waiting } of accepted) waiting.reject(error);
    }
    return [];
  }

  /** Global positions by revision, from `from` on (a batch's answers each name their own last event). */
  private async positionsFrom(streamId: string, from: bigint | undefined): Promise<Map<bigint, bigint>> {
    const positions = new Map<bigint, bigint>();
    for await (const recorded of this.store.readStream(streamId, from ?? 0n)) positions.set(recorded.revision, recorded.position);
    return positions;
  }

  /** Folds whatever the stream holds beyond the cached revision (written by another process). */
  private async catchUp(streamId: string): Promise<LoadedStream<S>> {
    const loaded = this.streams.get(streamId) ?? { state: this.decider.initialState(), revision: undefined };
    const from = loaded.revision === undefined ? 0n : loaded.revision + 1n;
    for await (const recorded of this.store.readStream(streamId, from)) {
      this.decider.evolve(loaded.state, { type: recorded.type, data: recorded.data } as unknown as E);
      loaded.revision = recorded.revision;
    }
    if (loaded.revision !== undefined) this.streams.set(streamId, loaded);
    return loaded;
  }

  private toNewEvent(coopId: string, event: E, ctx: RequestContext): NewEvent {
    return {
      type: event.type,
      data: event.data as JsonObject,
      metadata: {
        eventId: this.decider.eventIdOf?.(event) ?? randomUUID(),
        coopId,
        actor: { sub: ctx.caller.sub, role: ctx.caller.role },
        correlationId: ctx.correlationId,
        causationId: ctx.idempotencyKey ?? ctx.correlationId,
        ...(ctx.idempotencyKey !== undefined ? { idempotencyKey: ctx.idempotencyKey } : {}),
        recordedAt: new Date().toISOString(),
        schemaVersion: SCHEMA_VERSION,
      },
    };
  }
}
