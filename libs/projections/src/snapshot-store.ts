import type Database from 'better-sqlite3';
import { openSqlite } from '@ledger/event-store/sqlite-connection';

export interface Snapshot<S = unknown> {
  version: number;
  /** Global position of the last event folded into `state`. */
  position: bigint;
  state: S;
}

/** Where the engine keeps each projection's checkpoint and state between restarts. */
export interface SnapshotStore {
  load<S = unknown>(name: string): Promise<Snapshot<S> | undefined>;
  /**
   * The engine goes on mutating `state` once this returns its promise: serialize it before
   * the first await, so that state and position are taken at the same instant.
   */
  save(name: string, version: number, position: bigint, state: unknown): Promise<void>;
  close?(): Promise<void>;
}

export interface SqliteSnapshotStoreOptions {
  /** The ledger's SQLite file (snapshots sit beside the events), or ':memory:'. */
  file: string;
}

/**
 * Snapshots in the ledger's own SQLite file, through a connection of their own: the event
 * store's connection never waits on a snapshot's statements, and busy_timeout makes either
 * side wait for the other's short write lock instead of failing with SQLITE_BUSY.
 * Positions are stored as text: a bigint survives the round trip whatever its size.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly db: Database.Database;
  private readonly selectSnapshot: Database.Statement;
  private readonly upsertSnapshot: Database.Statement;

  constructor(options: SqliteSnapshotStoreOptions) {
    // A lost snapshot costs a replay, never data: no need to fsync every save. A snapshot of
    // 100,000 events is tens of megabytes read once at start: through a map.
    this.db = openSqlite(options.file, { synchronous: 'NORMAL', memoryMapped: true });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_snapshots (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        position TEXT NOT NULL,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL
      )
    `);
    this.selectSnapshot = this.db.prepare('SELECT version, position, state FROM projection_snapshots WHERE name = ?');
    this.upsertSnapshot = this.db.prepare(`
      INSERT INTO projection_snapshots (name, version, position, state, saved_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
        state = excluded.state, saved_at = excluded.saved_at
    `);
  }

  async load<S = unknown>(name: string): Promise<Snapshot<S> | undefined> {
    const row = this.selectSnapshot.get(name) as { version: number; position: string; state: string } | undefined;
    if (!row) return undefined;
    return { version: row.version, position: BigInt(row.position), state: JSON.parse(row.state) as S };
  }

  async save(name: string, version: number, position: bigint, state: unknown): Promise<void> {
    this.upsertSnapshot.run(name, version, position.toString(), JSON.stringify(state), new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** For tests and for runs that want no persistence: snapshots kept as JSON text in memory. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, { version: number; position: bigint; state: string }>();

  async load<S = unknown>(name: string): Promise<Snapshot<S> | undefined> {
    const found = this.snapshots.get(name);
    return found && { version: found.version, position: found.position, state: JSON.parse(found.state) as S };
  }

  async save(name: string, version: number, position: bigint, state: unknown): Promise<void> {
    this.snapshots.set(name, { version, position, state: JSON.stringify(state) });
  }
}
