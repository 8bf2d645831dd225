import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { EventStore, PostgresEventStore, SqliteEventStore } from '@ledger/event-store';
import { SnapshotStore, SqliteSnapshotStore } from '@ledger/projections';
import { PostgresSnapshotStore } from '@ledger/projections/postgres-snapshot-store';

/**
 * The store a benchmark runs on: SQLite in its data folder by default; with LEDGER_STORE=postgres,
 * PostgreSQL at DATABASE_URL (else the machine's own, database `test`) in a schema of the run's
 * own, dropped at the end. The schema is put in process.env, so that the server processes a
 * benchmark spawns (their env is process.env) open the same ledger.
 */
const POSTGRES = process.env.LEDGER_STORE === 'postgres';
if (POSTGRES) {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
  process.env.DATABASE_SCHEMA ??= `bench_${process.pid}`;
}

/** The environment loadConfig reads for an app over `dataDir`. */
export function benchConfigEnv(dataDir: string): NodeJS.ProcessEnv {
  const store = POSTGRES ? { LEDGER_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA } : {};
  return { ...store, LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error' };
}

export function openBenchStore(dataDir: string): EventStore {
  if (!POSTGRES) return new SqliteEventStore({ file: join(dataDir, 'ledger.sqlite') });
  return new PostgresEventStore({ connectionString: process.env.DATABASE_URL ?? '', schema: process.env.DATABASE_SCHEMA });
}

/** The snapshot store a server over `dataDir` opens (apps/ledger-api/src/infrastructure/ledger-core.module.ts). */
export function openBenchSnapshots(dataDir: string): SnapshotStore {
  if (!POSTGRES) return new SqliteSnapshotStore({ file: join(dataDir, 'ledger.sqlite') });
  return new PostgresSnapshotStore({ connectionString: process.env.DATABASE_URL ?? '', schema: process.env.DATABASE_SCHEMA ?? '' });
}

/** The SQLite file that holds the snapshots: the ledger itself, or the local state beside a server store. */
export function snapshotFileOf(dataDir: string): string {
  if (!POSTGRES) return join(dataDir, 'ledger.sqlite');
  const local = readdirSync(dataDir).find((name) => name.startsWith('local-state-postgres-') && name.endsWith('.sqlite'));
  if (!local) throw new Error(`No local state file in ${dataDir}`);
  return join(dataDir, local);
}

/** One line for the results: which store the figures are for. */
export function benchStoreLine(): string {
  const server = (process.env.DATABASE_URL ?? '').replace(/\/\/[^@]*@/, '//');
  return POSTGRES
    ? `Store: PostgreSQL (LEDGER_STORE=postgres) at ${server}, schema ${process.env.DATABASE_SCHEMA}, dropped at the end; snapshots and idempotency keys in the data folder's local SQLite file.`
    : 'Store: SQLite (the embedded default), in the data folder.';
}

export async function dropBenchStore(): Promise<void> {
  if (!POSTGRES) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${process.env.DATABASE_SCHEMA}" CASCADE`);
  } finally {
    await client.end();
  }
}
