import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import * as fs from 'fs';
import * as path from 'path';
import { EventStore, SqliteEventStore } from '@ledger/event-store';
import { ProjectionEngine, SqliteSnapshotStore, assembliesProjection, cooperativeLedgerProjection, streamHeadsProjection } from '@ledger/projections';
import { TokenService } from '../auth/token.service';
import { LedgerConfig } from '../config/config';
import { IdempotencyStore, SqliteIdempotencyStore } from '../http/idempotency.store';
import { EVENT_STORE, LEDGER_CONFIG } from './tokens';

/** Starts the projections before the first request, and closes files in order at shutdown. */
@Injectable()
class Lifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Ledger');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly engine: ProjectionEngine,
    private readonly snapshots: SqliteSnapshotStore,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    await this.engine.start();
    this.logger.log(`Projections caught up to position ${String(this.engine.checkpoint ?? 0)} in ${Date.now() - started} ms`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.engine.stop();
    this.snapshots.close();
    await this.idempotency.close();
    await this.store.close();
  }
}

/** The embedded default: one SQLite file for events, snapshots and idempotency keys. */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(config: LedgerConfig): DynamicModule {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, 'ledger.sqlite');
    return {
      module: LedgerCoreModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => new SqliteEventStore({ file }) },
        { provide: SqliteSnapshotStore, useFactory: () => new SqliteSnapshotStore({ file }) },
        {
          provide: ProjectionEngine,
          inject: [EVENT_STORE, SqliteSnapshotStore],
          useFactory: (store: EventStore, snapshots: SqliteSnapshotStore) => new ProjectionEngine(store, snapshots, [cooperativeLedgerProjection, assembliesProjection, streamHeadsProjection]),
        },
        { provide: IdempotencyStore, useFactory: () => new SqliteIdempotencyStore(file) },
        { provide: TokenService, useFactory: () => TokenService.forDataDir(config.dataDir, config.jwtSecret).tokens },
        Lifecycle,
      ],
      exports: [LEDGER_CONFIG, EVENT_STORE, ProjectionEngine, IdempotencyStore, TokenService],
    };
  }
}
