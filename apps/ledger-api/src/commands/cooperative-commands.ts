import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import {
  CooperativeCommand,
  CooperativeEvent,
  CooperativeState,
  DomainError,
  cooperativeStreamId,
  decide,
  evolve,
  initialState,
} from '@ledger/domain';
import { EventStore, JsonObject, NewEvent, WrongExpectedRevisionError } from '@ledger/event-store';
import { ProjectionEngine } from '@ledger/projections';
import { RequestContext } from '../http/request-context';
import { EVENT_STORE } from '../infrastructure/tokens';

export interface CommandResult {
  events: Array<{ eventId: string; type: string; data: Record<string, unknown> }>;
  /** Stream revision after the append: the resource's new ETag. */
  revision: bigint;
  /** Global position of the last event appended. */
  position: bigint;
}

interface LoadedStream {
  state: CooperativeState;
  /** undefined: the stream does not exist yet. */
  revision: bigint | undefined;
}

const MAX_ATTEMPTS = 5;
const SCHEMA_VERSION = 1;

/**
 * The one command path of the cooperative stream: load (hot cache, else the stream) →
 * decide → append with the exact expected revision → on conflict catch up and decide again.
 * Commands on one cooperative run one at a time in this process; another process writing the
 * same stream is met by the expected revision. A client that sent If-Match gets the conflict.
 */
@Injectable()
export class CooperativeCommands {
  private readonly streams = new Map<string, LoadedStream>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionEngine,
  ) {}

  execute(coopId: string, command: CooperativeCommand, ctx: RequestContext): Promise<CommandResult> {
    const previous = this.queues.get(coopId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.executeNow(coopId, command, ctx));
    this.queues.set(coopId, run);
    void run.finally(() => {
      if (this.queues.get(coopId) === run) this.queues.delete(coopId);
    }).catch(() => undefined);
    return run;
  }

  /** The stream's current state, caught up with the store (for reads that need the decider's view). */
  async current(coopId: string): Promise<LoadedStream> {
    return this.catchUp(coopId);
  }

  private async executeNow(coopId: string, command: CooperativeCommand, ctx: RequestContext): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      const loaded = attempt === 1 ? await this.load(coopId) : await this.catchUp(coopId);
      if (loaded.state.statuts === null && command.type !== 'AdoptStatuts') {
        throw new DomainError('NOT_FOUND', `Cooperative ${coopId} not found`);
      }
      if (ctx.expectedRevision !== undefined && ctx.expectedRevision !== loaded.revision) {
        throw new WrongExpectedRevisionError(cooperativeStreamId(coopId), ctx.expectedRevision, loaded.revision ?? 'no_stream');
      }
      const decided = decide(command, loaded.state);
      const newEvents = decided.map((event) => this.toNewEvent(coopId, event, ctx));
      try {
        const appended = await this.store.append(cooperativeStreamId(coopId), newEvents, loaded.revision ?? 'no_stream');
        for (const event of decided) evolve(loaded.state, event);
        loaded.revision = appended.nextExpectedRevision;
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

  private async load(coopId: string): Promise<LoadedStream> {
    return this.streams.get(coopId) ?? this.catchUp(coopId);
  }

  /** Folds whatever the stream holds beyond the cached revision (written by another process). */
  private async catchUp(coopId: string): Promise<LoadedStream> {
    const loaded = this.streams.get(coopId) ?? { state: initialState(), revision: undefined };
    const from = loaded.revision === undefined ? 0n : loaded.revision + 1n;
    for await (const recorded of this.store.readStream(cooperativeStreamId(coopId), from)) {
      evolve(loaded.state, { type: recorded.type, data: recorded.data } as unknown as CooperativeEvent);
      loaded.revision = recorded.revision;
    }
    if (loaded.revision !== undefined) this.streams.set(coopId, loaded);
    return loaded;
  }

  private toNewEvent(coopId: string, event: CooperativeEvent, ctx: RequestContext): NewEvent {
    const data = event.data as unknown as JsonObject;
    // A capital movement's event id is its movementId, so a cancellation can name the event.
    const eventId = typeof data.movementId === 'string' && event.type !== 'CapitalMovementCancelled' ? data.movementId : randomUUID();
    return {
      type: event.type,
      data,
      metadata: {
        eventId,
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
