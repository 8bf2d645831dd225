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
  /**
   * A snapshot in a head and parts (see ProjectionParts): the head and the given parts are
   * written in one transaction, serialized before the first await; parts not given stay as saved.
   */
  saveParts?(name: string, version: number, position: bigint, head: unknown, parts: ReadonlyArray<readonly [string, unknown]>): Promise<void>;
  /** The head of a snapshot in parts, and a synchronous reader of its parts (undefined: none saved of that version). */
  loadParts?(name: string, version: number): Promise<PartedSnapshot | undefined>;
  close?(): Promise<void>;
}

/**
 * A part already written as JSON text, which a store saves as it is: a cooperative's events keep
 * their data as the stored text (lazy-event-data.ts), and parsing it only to serialize it again
 * was most of what a save of a million events cost.
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** A part's JSON text, as a store writes it. */
export function partText(part: unknown): string {
  return part instanceof JsonText ? part.text : JSON.stringify(part);
}

export interface PartedSnapshot {
  position: bigint;
  head: unknown;
  /** A part as last saved; undefined when none was saved under this key. */
  part(key: string): unknown;
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
  private readonly selectVersion: Database.Statement;
  private readonly selectPart: Database.Statement;
  private readonly upsertPart: Database.Statement;
  private readonly dropParts: Database.Statement;
  private readonly saveAll: (name: string, version: number, position: bigint, head: string, parts: Array<[string, string]>) => void;

  constructor(options: SqliteSnapshotStoreOptions) {
    // A lost snapshot costs a replay, never data: no need to fsync every save. Not through a
    // memory map: a query reads the parts it needs, and a walk through a million events' parts
    // (a whole-register export) would otherwise leave every page of them mapped in the process
    // (290 MiB of its RSS at 1,100,000 events), where the kernel's page cache keeps them anyway.
    this.db = openSqlite(options.file, { synchronous: 'NORMAL', memoryMapped: false });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_snapshots (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        position TEXT NOT NULL,
        state TEXT NOT NULL,
        saved_at TEXT NOT NULL
      )
    `);
    // Parts of a snapshot saved in parts (a cooperative's events, its fold): each read when first
    // needed, each written only when it changed.
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_parts (
        name TEXT NOT NULL,
        key TEXT NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (name, key)
      )
    `);
    this.selectSnapshot = this.db.prepare('SELECT version, position, state FROM projection_snapshots WHERE name = ?');
    this.selectVersion = this.db.prepare('SELECT version, position FROM projection_snapshots WHERE name = ?');
    this.selectPart = this.db.prepare('SELECT body FROM projection_parts WHERE name = ? AND key = ? AND version = ?').pluck();
    this.upsertPart = this.db.prepare(`
      INSERT INTO projection_parts (name, key, version, body) VALUES (?, ?, ?, ?)
      ON CONFLICT (name, key) DO UPDATE SET version = excluded.version, body = excluded.body
    `);
    this.dropParts = this.db.prepare('DELETE FROM projection_parts WHERE name = ? AND version <> ?');
    this.saveAll = this.db.transaction((name: string, version: number, position: bigint, head: string, parts: Array<[string, string]>) => {
      this.dropParts.run(name, version);
      for (const [key, body] of parts) this.upsertPart.run(name, key, version, body);
      this.upsertSnapshot.run(name, version, position.toString(), head, new Date().toISOString());
    });
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

  async saveParts(name: string, version: number, position: bigint, head: unknown, parts: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
    this.saveAll(
      name,
      version,
      position,
      JSON.stringify(head),
      parts.map(([key, part]) => [key, partText(part)]),
    );
  }

  async loadParts(name: string, version: number): Promise<PartedSnapshot | undefined> {
    // The version first: a snapshot of another version (hundreds of megabytes) is not parsed.
    const found = this.selectVersion.get(name) as { version: number; position: string } | undefined;
    if (!found || found.version !== version) return undefined;
    const row = this.selectSnapshot.get(name) as { state: string };
    return {
      position: BigInt(found.position),
      head: JSON.parse(row.state),
      part: (key) => {
        const body = this.db.open ? (this.selectPart.get(name, key, version) as string | undefined) : undefined;
        return body === undefined ? undefined : JSON.parse(body);
      },
    };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** For tests and for runs that want no persistence: snapshots kept as JSON text in memory. */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, { version: number; position: bigint; state: string }>();
  private readonly parts = new Map<string, { version: number; parts: Map<string, string> }>();

  async load<S = unknown>(name: string): Promise<Snapshot<S> | undefined> {
    const found = this.snapshots.get(name);
    return found && { version: found.version, position: found.position, state: JSON.parse(found.state) as S };
  }

  async save(name: string, version: number, position: bigint, state: unknown): Promise<void> {
    this.snapshots.set(name, { version, position, state: JSON.stringify(state) });
  }

  async saveParts(name: string, version: number, position: bigint, head: unknown, parts: ReadonlyArray<readonly [string, unknown]>): Promise<void> {
    const saved = this.parts.get(name);
    const kept = saved && saved.version === version ? saved.parts : new Map<string, string>();
    for (const [key, part] of parts) kept.set(key, partText(part));
    this.parts.set(name, { version, parts: kept });
    await this.save(name, version, position, head);
  }

  async loadParts(name: string, version: number): Promise<PartedSnapshot | undefined> {
    const found = this.snapshots.get(name);
    const parts = this.parts.get(name);
    if (!found || found.version !== version || !parts || parts.version !== version) return undefined;
    return {
      position: found.position,
      head: JSON.parse(found.state),
      part: (key) => {
        const body = parts.parts.get(key);
        return body === undefined ? undefined : JSON.parse(body);
      },
    };
  }
}
