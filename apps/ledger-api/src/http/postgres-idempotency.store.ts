import type { Pool } from 'pg';
import { createUnderLock, pg } from '@ledger/event-store';
import { IdempotencyStore, KeyOwner, PendingKey, Reservation, StoredResponse } from './idempotency.store';

export interface PostgresIdempotencyStoreOptions {
  connectionString: string;
  /** The ledger's schema (DATABASE_SCHEMA): the keys sit beside its events. */
  schema: string;
  maxConnections?: number;
}

const SCHEMA_NAME = /^(?!pg_)[a-z_][a-z0-9_]{0,39}$/;

const ownerText = (owner: KeyOwner) => JSON.stringify([owner.host, owner.pid, owner.bootId]);
function ownerOf(text: string | null): KeyOwner | null {
  if (!text) return null;
  const [host, pid, bootId] = JSON.parse(text) as [string, number, string];
  return { host, pid, bootId };
}

/**
 * Idempotency keys in the ledger's PostgreSQL, shared by every API replica: two replicas given
 * one key answer it once, since each method is one atomic statement (INSERT … ON CONFLICT DO
 * NOTHING reserves, UPDATE … WHERE compares and sets), exactly as the SQLite store does on one
 * machine. The policy (who is dead, what to answer) stays in the interceptor.
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly ready: Promise<void>;

  constructor(options: PostgresIdempotencyStoreOptions) {
    super();
    if (!SCHEMA_NAME.test(options.schema)) throw new Error(`PostgreSQL schema must be a plain lower-case identifier, got "${options.schema}"`);
    this.table = `"${options.schema}".idempotency_keys`;
    this.pool = new (pg().Pool)({ connectionString: options.connectionString, max: options.maxConnections ?? 4, application_name: `ledger-idempotency:${options.schema}` });
    this.pool.on('error', (error) => console.error('PostgreSQL connection lost (idempotency keys, idle in the pool)', error.message));
    this.ready = createUnderLock(
      this.pool,
      `${options.schema}:create-schema`,
      `CREATE SCHEMA IF NOT EXISTS "${options.schema}";
         CREATE TABLE IF NOT EXISTS ${this.table} (
           scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, state TEXT NOT NULL,
           status INTEGER, body JSONB, etag TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
           owner TEXT, expires_at BIGINT, PRIMARY KEY (scope, key));
         CREATE INDEX IF NOT EXISTS idempotency_keys_pending ON ${this.table} (owner) WHERE state = 'pending';`,
    );
    this.ready.catch(() => undefined);
  }

  async reserve(scope: string, key: string, fingerprint: string, owner: KeyOwner, expiresAt: number): Promise<Reservation> {
    await this.ready;
    for (;;) {
      const inserted = await this.pool.query(`INSERT INTO ${this.table} (scope, key, fingerprint, state, owner, expires_at) VALUES ($1, $2, $3, 'pending', $4, $5) ON CONFLICT (scope, key) DO NOTHING`, [
        scope,
        key,
        fingerprint,
        ownerText(owner),
        expiresAt,
      ]);
      if (inserted.rowCount === 1) return { kind: 'reserved' };
      const { rows } = await this.pool.query<{ fingerprint: string; state: string; status: number; body: unknown; etag: string | null; owner: string | null; expires_at: string | null }>(
        `SELECT fingerprint, state, status, body, etag, owner, expires_at FROM ${this.table} WHERE scope = $1 AND key = $2`,
        [scope, key],
      );
      // Released between the two statements: try again.
      if (rows.length === 0) continue;
      const row = rows[0];
      if (row.state === 'done') return { kind: 'replay', response: { fingerprint: row.fingerprint, status: row.status, body: row.body, etag: row.etag } };
      return { kind: 'pending', pending: { fingerprint: row.fingerprint, owner: ownerOf(row.owner), expiresAt: Number(row.expires_at ?? 0) } };
    }
  }

  async takeOver(scope: string, key: string, from: PendingKey, owner: KeyOwner, expiresAt: number): Promise<boolean> {
    await this.ready;
    // Compare-and-set on the owner and expiry read: of two retries racing for one dead key, one wins.
    const result = await this.pool.query(`UPDATE ${this.table} SET owner = $1, expires_at = $2 WHERE scope = $3 AND key = $4 AND state = 'pending' AND owner IS NOT DISTINCT FROM $5 AND COALESCE(expires_at, 0) = $6`, [
      ownerText(owner),
      expiresAt,
      scope,
      key,
      from.owner && ownerText(from.owner),
      from.expiresAt,
    ]);
    return result.rowCount === 1;
  }

  async complete(scope: string, key: string, owner: KeyOwner, response: Omit<StoredResponse, 'fingerprint'>): Promise<void> {
    await this.ready;
    await this.pool.query(`UPDATE ${this.table} SET state = 'done', status = $1, body = $2, etag = $3, owner = NULL, expires_at = NULL WHERE scope = $4 AND key = $5 AND owner = $6`, [
      response.status,
      JSON.stringify(response.body ?? null),
      response.etag,
      scope,
      key,
      ownerText(owner),
    ]);
  }

  async release(scope: string, key: string, owner: KeyOwner): Promise<void> {
    await this.ready;
    await this.pool.query(`DELETE FROM ${this.table} WHERE scope = $1 AND key = $2 AND state = 'pending' AND owner = $3`, [scope, key, ownerText(owner)]);
  }

  async abandon(scope: string, key: string, owner: KeyOwner): Promise<void> {
    await this.ready;
    await this.pool.query(`UPDATE ${this.table} SET expires_at = 0 WHERE scope = $1 AND key = $2 AND state = 'pending' AND owner = $3`, [scope, key, ownerText(owner)]);
  }

  async renew(owner: KeyOwner, expiresAt: number): Promise<void> {
    await this.ready;
    await this.pool.query(`UPDATE ${this.table} SET expires_at = $1 WHERE state = 'pending' AND owner = $2`, [expiresAt, ownerText(owner)]);
  }

  async pendingCount(): Promise<number> {
    await this.ready;
    const { rows } = await this.pool.query<{ count: string }>(`SELECT COUNT(*) AS count FROM ${this.table} WHERE state = 'pending'`);
    return Number(rows[0].count);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
