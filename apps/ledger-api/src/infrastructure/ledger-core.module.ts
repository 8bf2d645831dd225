import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { EsdbEventStore, EventStore, PostgresEventStore, SqliteEventStore } from '@ledger/event-store';
import { LEDGER_PROJECTIONS, ProjectionEngine, SnapshotStore, SqliteSnapshotStore } from '@ledger/projections';
import { TokenService } from '../auth/token.service';
import { LedgerConfig, redactPassword } from '../config/config';
import { PostgresSnapshotStore } from '@ledger/projections/postgres-snapshot-store';
import { IdempotencyStore, SqliteIdempotencyStore } from '../http/idempotency.store';
import { PostgresIdempotencyStore } from '../http/postgres-idempotency.store';
import { EVENT_STORE, LEDGER_CONFIG, SNAPSHOT_STORE } from './tokens';

/** Starts the projections before the first request, and closes files in order at shutdown. */
@Injectable()
class Lifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Ledger');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
    private readonly idempotency: IdempotencyStore,
  ) {}

  /**
   * Not awaited: /health answers once the store is reachable, and a query waits for the start
   * (ProjectionEngine.catchUp) — the first one waits only for what the engine loads at start,
   * the cooperatives' heads; each cooperative's parts are read when first asked for.
   */
  onModuleInit(): void {
    const started = Date.now();
    this.engine.start().then(
      () => this.logger.log(`Projections caught up to position ${String(this.engine.checkpoint ?? 0)} in ${Date.now() - started} ms`),
      (error: unknown) => this.logger.error(`Projections failed to start: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    await this.snapshots.close?.();
    await this.idempotency.close();
    await this.store.close();
  }
}

/**
 * The event store LEDGER_STORE names (docs/architecture.md, "Stores"). With PostgreSQL the
 * projection snapshots and the idempotency keys live in the ledger's schema too, shared by every
 * API replica (two replicas answer one Idempotency-Key once). With EventStoreDB they stay in a
 * local SQLite file in this process's data folder — one file per server ledger, since a snapshot
 * belongs to one log — so EventStoreDB replicas do not share them.
 */
function openEventStore(config: LedgerConfig, file: string): EventStore {
  switch (config.store) {
    case 'sqlite':
      return new SqliteEventStore({ file });
    case 'postgres':
      return new PostgresEventStore({ connectionString: config.databaseUrl ?? '', schema: config.databaseSchema });
    case 'esdb':
      return new EsdbEventStore({ connectionString: config.eventStoreConnectionString ?? '' });
  }
}

/** The read models' half of LEDGER_READ_MODEL_BUDGET_MB (the write path has the other: apps/ledger-api/src/write/stream-command.ts). */
function readModelBudgetBytes(config: LedgerConfig): number {
  return (config.readModelBudgetMiB / 2) * 2 ** 20;
}

function openSnapshotStore(config: LedgerConfig, file: string): SnapshotStore {
  if (config.store === 'postgres') return new PostgresSnapshotStore({ connectionString: config.databaseUrl ?? '', schema: config.databaseSchema });
  return new SqliteSnapshotStore({ file });
}

function openIdempotencyStore(config: LedgerConfig, file: string): IdempotencyStore {
  if (config.store === 'postgres') return new PostgresIdempotencyStore({ connectionString: config.databaseUrl ?? '', schema: config.databaseSchema });
  return new SqliteIdempotencyStore(file);
}

/** `ledger.sqlite` is the embedded ledger itself; beside a server store, a file named after that ledger holds the local state. */
function localStateFile(config: LedgerConfig): string {
  if (config.store === 'sqlite') return 'ledger.sqlite';
  const ledger = config.store === 'postgres' ? `${redactPassword(config.databaseUrl ?? '')}#${config.databaseSchema}` : redactPassword(config.eventStoreConnectionString ?? '');
  return `local-state-${config.store}-${createHash('sha256').update(ledger).digest('hex').slice(0, 12)}.sqlite`;
}

/** The embedded default: one SQLite file for events, snapshots and idempotency keys (see openEventStore for the server stores). */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, localStateFile(config));
    return {
      module: LedgerCoreModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => openEventStore(config, file) },
        { provide: SNAPSHOT_STORE, useFactory: () => openSnapshotStore(config, file) },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, SNAPSHOT_STORE],
          useFactory: (store: EventStore, snapshots: SnapshotStore) => new ProjectionEngine(store, snapshots, [...LEDGER_PROJECTIONS], { memoryBudgetBytes: readModelBudgetBytes(config) }),
        },
        { provide: IdempotencyStore, useFactory: () => openIdempotencyStore(config, file) },
        { provide: TokenService, useFactory: () => TokenService.forDataDir(config.dataDir, config.jwtSecret).tokens },
        Lifecycle,
      ],
      exports: [LEDGER_CONFIG, EVENT_STORE, SNAPSHOT_STORE, ProjectionEngine, IdempotencyStore, TokenService],
    };
  }
}
