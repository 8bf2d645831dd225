import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import { Decider, DomainEvent, assemblyDecider, cooperativeDecider, fiscalYearDecider, tmoDecider } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { AssembliesState, ProjectionEngine, SnapshotStore, assembliesProjection, closedPeriodsOf } from '@ledger/projections';
import { LedgerConfig } from '../config/config';
import { EVENT_STORE, LEDGER_CONFIG, SNAPSHOT_STORE } from '../infrastructure/tokens';
import { CommandMetadata, RecoveredCommand } from './command-metadata';
import { CommandResult, StreamWriter } from './stream-writer';

/** Every stream kind the ledger writes. A new kind is its decider (libs/domain) and one line here. */
export const STREAM_KINDS = [cooperativeDecider, assemblyDecider, fiscalYearDecider, tmoDecider] as const;

// The write path is generic over each decider's command, event, state and key types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDecider = Decider<any, DomainEvent, any, any>;
type CommandOf<D> = D extends Decider<infer C, infer _E, infer _S, infer _K> ? C : never;
type KeyOf<D> = D extends Decider<infer _C, infer _E, infer _S, infer K> ? K : never;

/**
 * What a folded event costs the write path in memory: a cooperative's history of 1,100,000
 * events holds about 1,850 MiB once folded from the stream, 500 MiB once read from its snapshot
 * (bench/RESULTS.md). The larger figure, so that the budget holds either way.
 */
const WRITE_STATE_BYTES_PER_EVENT = 1800;

/** The write path's half of LEDGER_READ_MODEL_BUDGET_MB, in events (the read models have the other half). */
function writeStateBudgetEvents(config: LedgerConfig): number {
  return Math.floor(((config.readModelBudgetMiB / 2) * 2 ** 20) / WRITE_STATE_BYTES_PER_EVENT);
}

/** A command for one stream, as it travels on the CommandBus. */
export class StreamCommand<D extends AnyDecider = AnyDecider> implements ICommand {
  constructor(
    readonly decider: D,
    readonly key: KeyOf<D>,
    readonly command: CommandOf<D>,
    readonly metadata: CommandMetadata,
  ) {}
}

/** The one command path: each stream kind's commands go to that kind's StreamWriter. */
@CommandHandler(StreamCommand)
export class StreamCommandHandler implements ICommandHandler<StreamCommand, CommandResult>, OnApplicationShutdown {
  private readonly writers = new Map<string, StreamWriter<unknown, DomainEvent, unknown, unknown>>();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SNAPSHOT_STORE) snapshots: SnapshotStore,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
    private readonly projections: ProjectionEngine,
  ) {
    const stateBudgetEvents = writeStateBudgetEvents(config);
    for (const decider of STREAM_KINDS as readonly AnyDecider[]) this.writers.set(decider.kind, new StreamWriter(store, projections, decider, { snapshots, stateBudgetEvents }));
  }

  /** The large states folded since their last save are saved, so that the next start reads them. */
  async onApplicationShutdown(): Promise<void> {
    for (const writer of this.writers.values()) await writer.saveAll().catch((error: unknown) => console.error("Saving the write path's states failed", error));
  }

  async execute({ decider, key, command, metadata }: StreamCommand): Promise<CommandResult> {
    // The projections start in the background: closed periods are read once they are loaded.
    await this.projections.ready();
    return this.writerOf(decider).execute(key, this.withClosedPeriods(decider, key, command), metadata);
  }

  /**
   * LEDGER-PERIOD-CLOSED: which periods the assemblies (later the fiscal years) have closed is
   * another stream's knowledge, so every dated command of the cooperative carries it as data.
   * Read from the projections as they stand, without a catch-up on the request path: an AG
   * closed here was answered only once projected; one closed by another process reaches this one
   * by the live subscription.
   */
  private withClosedPeriods(decider: AnyDecider, key: unknown, command: { type: string }): unknown {
    if (decider !== cooperativeDecider || command.type === 'AdoptStatuts') return command;
    return { ...command, closedPeriods: closedPeriodsOf(this.projections.state<AssembliesState>(assembliesProjection.name), key as string) };
  }

  /** A stream's state as the write path holds it (for facts another stream's command needs). */
  current<D extends AnyDecider>(decider: D, key: KeyOf<D>): Promise<ReturnType<D['initialState']> | undefined> {
    return this.writerOf(decider).current(key) as Promise<ReturnType<D['initialState']> | undefined>;
  }

  private writerOf(decider: AnyDecider): StreamWriter<unknown, DomainEvent, unknown, unknown> {
    const writer = this.writers.get(decider.kind);
    if (!writer) throw new Error(`No stream kind ${decider.kind} is registered in STREAM_KINDS`);
    return writer;
  }
}

/** What the rest of the app uses to record a command: one call, whatever the stream. */
@Injectable()
export class LedgerCommands {
  constructor(
    private readonly bus: CommandBus,
    private readonly handler: StreamCommandHandler,
  ) {}

  send<D extends AnyDecider>(decider: D, key: KeyOf<D>, command: CommandOf<D>, metadata: CommandMetadata): Promise<CommandResult> {
    if (metadata.recovered) return Promise.resolve(recoveredResult(decider.streamId(key), metadata.recovered));
    return this.bus.execute(new StreamCommand(decider, key, command, metadata));
  }

  current<D extends AnyDecider>(decider: D, key: KeyOf<D>): Promise<ReturnType<D['initialState']> | undefined> {
    return this.handler.current(decider, key);
  }
}

/** A recorded command's answer, when the retry names the same stream (it must: same path, same body, same generated ids). */
function recoveredResult(streamId: string, recovered: RecoveredCommand): CommandResult {
  if (recovered.streamId !== streamId) throw new Error(`The events recorded under this Idempotency-Key are in ${recovered.streamId}, the retry names ${streamId}`);
  return { events: recovered.events, revision: recovered.revision, position: recovered.position };
}
