import { randomUUID } from 'crypto';
import { DomainError } from '@ledger/domain';
import { EventStore, JsonObject, NewEvent, WrongExpectedRevisionError } from '@ledger/event-store';
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

const MAX_ATTEMPTS = 5;
const SCHEMA_VERSION = 1;

/**
 * The one command path, for every kind of stream: load (hot cache, else the stream) → decide →
 * append with the exact expected revision → on conflict catch up and decide again. Commands on
 * one stream run one at a time in this process; another process writing the same stream is met
 * by the expected revision. A client that sent If-Match gets the conflict instead of a retry.
 */
export class StreamCommands<C, E extends DomainEvent, S> {
  private readonly streams = new Map<string, LoadedStream<S>>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: ProjectionEngine,
    private readonly decider: StreamDecider<C, E, S>,
  ) {}

  execute(streamId: string, coopId: string, command: C, ctx: RequestContext): Promise<CommandResult> {
    return this.serially(streamId, () => this.executeNow(streamId, coopId, command, ctx));
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

  private async executeNow(streamId: string, coopId: string, command: C, ctx: RequestContext): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const loaded = attempt === 1 ? (this.streams.get(streamId) ?? (await this.catchUp(streamId))) : await this.catchUp(streamId);
      if (loaded.revision === undefined && !this.decider.creates(command)) throw new DomainError('NOT_FOUND', this.decider.notFound(streamId));
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== loaded.revision) {
        throw new WrongExpectedRevisionError(streamId, ctx.expectedRevision, loaded.revision ?? 'no_stream');
      }
      const decided = this.decider.decide(command, loaded.state);
      const newEvents = decided.map((event) => this.toNewEvent(coopId, event, ctx));
      try {
        const appended = await this.store.append(streamId, newEvents, loaded.revision ?? 'no_stream');
        for (const event of decided) this.decider.evolve(loaded.state, event);
        loaded.revision = appended.nextExpectedRevision;
        this.streams.set(streamId, loaded);
        await this.projections.waitFor(appended.position);
        return {
          events: newEvents.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data })),
          revision: appended.nextExpectedRevision,
          position: appended.position,
        };
      } catch (error) {
        const retry = error instanceof WrongExpectedRevisionError && ctx.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
        if (!retry) throw error;
      }
    }
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
