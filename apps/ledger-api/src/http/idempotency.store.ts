import type Database from 'better-sqlite3';
import { openSqlite } from '@ledger/event-store';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  etag: string | null;
}

export type Reservation = { kind: 'reserved' } | { kind: 'replay'; response: StoredResponse } | { kind: 'in_progress'; fingerprint: string };

/**
 * Remembers the answer given to each Idempotency-Key, in the ledger's SQLite file, so a
 * retried POST replays the first answer instead of appending again — also across restarts and
 * across processes sharing the data folder. A key is reserved before the command runs, so two
 * concurrent requests with one key cannot both append.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly reserveStmt: Database.Statement;
  private readonly findStmt: Database.Statement;
  private readonly completeStmt: Database.Statement;
  private readonly releaseStmt: Database.Statement;

  constructor(file: string) {
    // FULL: an answer given for a key must survive as long as the events it answered for.
    this.db = openSqlite(file, { synchronous: 'FULL' });
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      state TEXT NOT NULL, status INTEGER, body TEXT, etag TEXT, created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
    this.reserveStmt = this.db.prepare(`INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, state, created_at) VALUES (?, ?, ?, 'pending', ?)`);
    this.findStmt = this.db.prepare(`SELECT fingerprint, state, status, body, etag FROM idempotency_keys WHERE scope = ? AND key = ?`);
    this.completeStmt = this.db.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, etag = ? WHERE scope = ? AND key = ?`);
    this.releaseStmt = this.db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'pending'`);
  }

  reserve(scope: string, key: string, fingerprint: string): Reservation {
    if (this.reserveStmt.run(scope, key, fingerprint, new Date().toISOString()).changes === 1) return { kind: 'reserved' };
    const row = this.findStmt.get(scope, key) as { fingerprint: string; state: string; status: number; body: string; etag: string | null };
    if (row.state !== 'done') return { kind: 'in_progress', fingerprint: row.fingerprint };
    return { kind: 'replay', response: { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body), etag: row.etag } };
  }

  complete(scope: string, key: string, status: number, body: unknown, etag: string | null): void {
    this.completeStmt.run(status, JSON.stringify(body ?? null), etag, scope, key);
  }

  /** A request that failed appended nothing: its key may be used again. */
  release(scope: string, key: string): void {
    this.releaseStmt.run(scope, key);
  }

  close(): void {
    this.db.close();
  }
}
