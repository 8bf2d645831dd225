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
import { AppendResult, EventStore, JsonObject, NewEvent, WrongExpectedRevisionError } from '@ledger/event-store';
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

interface Waiting {
  command: CooperativeCommand;
  ctx: RequestContext;
  resolve(result: CommandResult): void;
  reject(error: unknown): void;
}

interface Accepted {
  waiting: Waiting;
  events: NewEvent[];
  /** The stream's revision after this command's events. */
  revision: bigint | undefined;
}

/**
 * The one command path of the cooperative stream: load (hot cache, else the stream) →
 * decide → append with the exact expected revision → on conflict catch up and decide again.
 * Commands on one cooperative run one at a time in this process, in arrival order; another
 * process writing the same stream is met by the expected revision. A client that sent If-Match
 * gets the conflict.
 *
 * Group commit: the commands on one cooperative that arrive while its previous batch is being
 * written are decided one after the other, each on the state the previous ones leave, and
 * their events appended in one transaction (one fsync for all). Each is answered only once
 * that append is durable, exactly as if it had been alone; a command the decider refuses is
 * refused alone. When the append fails, a state that already folded the batch's first commands
 * is dropped and read again from the store.
 */
@Injectable()
export class CooperativeCommands {
  private readonly streams = new Map<string, LoadedStream>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly waiting = new Map<string, Waiting[]>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionEngine,
  ) {}

  execute(coopId: string, command: CooperativeCommand, ctx: RequestContext): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      let waiting = this.waiting.get(coopId);
      if (!waiting) {
        this.waiting.set(coopId, (waiting = []));
        // On the next turn of the event loop, so that the requests read with this one join it.
        setImmediate(() => void this.serially(coopId, () => this.executeWaiting(coopId)));
      }
      waiting.push({ command, ctx, resolve, reject });
    });
  }

  /** The stream's current state, caught up with the store (for reads that need the decider's view). */
  async current(coopId: string): Promise<LoadedStream> {
    return this.serially(coopId, () => this.catchUp(coopId));
  }

  private serially<T>(coopId: string, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(coopId) ?? Promise.resolve()).catch(() => undefined).then(work);
    this.queues.set(coopId, run);
    void run
      .finally(() => {
        if (this.queues.get(coopId) === run) this.queues.delete(coopId);
      })
      .catch(() => undefined);
    return run;
  }

  private async executeWaiting(coopId: string): Promise<void> {
    let batch = this.waiting.get(coopId) ?? [];
    this.waiting.delete(coopId);
    try {
      for (let attempt = 1; batch.length > 0; attempt++) {
        batch = await this.attempt(coopId, batch, attempt);
      }
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }

  /** Decides and appends the batch once; returns the commands to decide again after a conflict. */
  private async attempt(coopId: string, batch: Waiting[], attempt: number): Promise<Waiting[]> {
    const streamId = cooperativeStreamId(coopId);
    const loaded = attempt === 1 ? await this.load(coopId) : await this.catchUp(coopId);
    const accepted: Accepted[] = [];
    let revision = loaded.revision;
    let unfolded: CooperativeEvent[] = [];
    let speculative = false;
    for (const waiting of batch) {
      // The next command decides on the state the previous one leaves, not yet appended.
      for (const event of unfolded) evolve(loaded.state, event);
      speculative ||= unfolded.length > 0;
      unfolded = [];
      try {
        if (loaded.state.statuts === null && waiting.command.type !== 'AdoptStatuts') {
          throw new DomainError('NOT_FOUND', `Cooperative ${coopId} not found`);
        }
        if (waiting.ctx.expectedRevision !== undefined && waiting.ctx.expectedRevision !== revision) {
          throw new WrongExpectedRevisionError(streamId, waiting.ctx.expectedRevision, revision ?? 'no_stream');
        }
        const decided = decide(waiting.command, loaded.state);
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
      if (speculative) this.streams.delete(coopId);
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_ATTEMPTS) {
        for (const { waiting } of accepted) waiting.reject(error);
        return [];
      }
      // Another process wrote first: If-Match commands get the conflict, the others decide again.
      const again: Waiting[] = [];
      for (const { waiting } of accepted) {
        if (waiting.ctx.expectedRevision === undefined) again.push(waiting);
        else waiting.reject(error);
      }
      return again;
    }
    for (const event of unfolded) evolve(loaded.state, event);
    loaded.revision = appended.nextExpectedRevision;
    this.streams.set(coopId, loaded);
    try {
      await this.projections.waitFor(appended.position);
      const positions = accepted.length === 1 ? undefined : await this.positionsFrom(streamId, accepted[0].revision);
      for (const { waiting, events, revision: reached } of accepted) {
        waiting.resolve({
          events: events.map((e) => ({ eventId: e.metadata.eventId, type: e.type, data: e.data })),
          revision: reached ?? -1n,
          position: positions ? (reached === undefined ? -1n : positions.get(reached) ?? appended.position) : appended.position,
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
