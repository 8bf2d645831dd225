import type { Pool } from 'pg';
import { createUnderLock, pg } from '@ledger/event-store';
import { Snapshot, SnapshotStore } from './snapshot-store';

export interface PostgresSnapshotStoreOptions {
  connectionString: string;
  /** The ledger's schema: a snapshot belongs to the log it was folded from. */
  schema: string;
  maxConnections?: number;
}

const SCHEMA_NAME = /^(?!pg_)[a-z_][a-z0-9_]{0,39}$/;

/**
 * Projection snapshots in the ledger's PostgreSQL, shared by every API replica and worker: a
 * replica that starts loads what another saved instead of replaying the log. Replicas save
 * concurrently; a save never replaces a snapshot of the same version taken further along the
 * log, so the stored one only moves forward.
 */
export class PostgresSnapshotStore implements SnapshotStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly ready: Promise<void>;

  constructor(options: PostgresSnapshotStoreOptions) {
    if (!SCHEMA_NAME.test(options.schema)) throw new Error(`PostgreSQL schema must be a plain lower-case identifier, got "${options.schema}"`);
    this.table = `"${options.schema}".projection_snapshots`;
    this.pool = new (pg().Pool)({ connectionString: options.connectionString, max: options.maxConnections ?? 2, application_name: `ledger-snapshots:${options.schema}` });
    this.pool.on('error', (error) => console.error('PostgreSQL connection lost (snapshots, idle in the pool)', error.message));
    this.ready = createUnderLock(
      this.pool,
      `${options.schema}:create-schema`,
      `CREATE SCHEMA IF NOT EXISTS "${options.schema}";
         CREATE TABLE IF NOT EXISTS ${this.table} (
           name TEXT PRIMARY KEY, version INTEGER NOT NULL, position NUMERIC(20) NOT NULL, state TEXT NOT NULL, saved_at TIMESTAMPTZ NOT NULL DEFAULT now());`,
    );
    this.ready.catch(() => undefined);
  }

  async load<S = unknown>(name: string): Promise<Snapshot<S> | undefined> {
    await this.ready;
    const { rows } = await this.pool.query<{ version: number; position: string; state: string }>(`SELECT version, position::text AS position, state FROM ${this.table} WHERE name = $1`, [name]);
    if (rows.length === 0) return undefined;
    return { version: rows[0].version, position: BigInt(rows[0].position), state: JSON.parse(rows[0].state) as S };
  }

  async save(name: string, version: number, position: bigint, state: unknown): Promise<void> {
    // Serialized before the first await: the engine goes on folding into `state` (SnapshotStore.save).
    const text = JSON.stringify(state);
    await this.ready;
    await this.pool.query(
      `INSERT INTO ${this.table} AS s (name, version, position, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, state = excluded.state, saved_at = now()
       WHERE s.version <> excluded.version OR s.position < excluded.position`,
      [name, version, position.toString(), text],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
