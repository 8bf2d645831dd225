import type Database from 'better-sqlite3';
import { openSqlite } from '@ledger/event-store';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  etag: string | null;
}

/** Who holds a pending key: a process (its pid on its host, since that host's boot) and the run of the app in it. */
export interface KeyOwner {
  /** `host/machine-boot-id` — two owners on one host compare pids. */
  host: string;
  pid: number;
  /** Random per start of the app: tells a pid reused after a restart from the process that reserved. */
  bootId: string;
}

export interface PendingKey {
  fingerprint: string;
  /** Null for a key reserved before owners were recorded. */
  owner: KeyOwner | null;
  /** Epoch ms after which the reservation is no one's, whoever reserved it. */
  expiresAt: number;
}

export type Reservation = { kind: 'reserved' } | { kind: 'replay'; response: StoredResponse } | { kind: 'pending'; pending: PendingKey };

/**
 * Where each Idempotency-Key's answer is kept, per caller (`scope`). A key is reserved (pending,
 * with its owner and an expiry the owner renews while it works) before its command runs, and
 * completed with the answer once the command is recorded. The policy (who is dead, what to
 * answer) lives in the interceptor; an implementation only has to make each method atomic, so
 * that a PostgreSQL or Redis one can serve several replicas of the API.
 */
export abstract class IdempotencyStore {
  /** Reserve the key for `owner`, or say what holds it (a finished answer, or another pending reservation). */
  abstract reserve(scope: string, key: string, fingerprint: string, owner: KeyOwner, expiresAt: number): Promise<Reservation>;
  /** Take a pending reservation over from an owner that is dead or expired; false when someone else changed it first. */
  abstract takeOver(scope: string, key: string, from: PendingKey, owner: KeyOwner, expiresAt: number): Promise<boolean>;
  /** The answer, if `owner` still holds the key. */
  abstract complete(scope: string, key: string, owner: KeyOwner, response: Omit<StoredResponse, 'fingerprint'>): Promise<void>;
  /** Forget a pending key `owner` holds: its request appended nothing and may run again. */
  abstract release(scope: string, key: string, owner: KeyOwner): Promise<void>;
  /** Leave a pending key `owner` holds to whoever retries first (it expires now). */
  abstract abandon(scope: string, key: string, owner: KeyOwner): Promise<void>;
  /** Extend the expiry of every key `owner` still holds pending. */
  abstract renew(owner: KeyOwner, expiresAt: number): Promise<void>;
  /** Keys pending, whoever holds them (for tests and the operator). */
  abstract pendingCount(): Promise<number>;
  abstract close(): Promise<void>;
}

type Row = { fingerprint: string; state: string; status: number; body: string; etag: string | null; owner: string | null; expires_at: number | null };

const ownerText = (owner: KeyOwner) => JSON.stringify([owner.host, owner.pid, owner.bootId]);
function ownerOf(text: string | null): KeyOwner | null {
  if (!text) return null;
  const [host, pid, bootId] = JSON.parse(text) as [string, number, string];
  return { host, pid, bootId };
}

/**
 * The embedded implementation, in the ledger's SQLite file: several processes on one data folder
 * share it (each statement is atomic under SQLite's write lock).
 */
export class SqliteIdempotencyStore extends IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;

  constructor(file: string) {
    super();
    // FULL: an answer given for a key must survive as long as the events it answered for.
    this.db = openSqlite(file, { synchronous: 'FULL' });
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      state TEXT NOT NULL, status INTEGER, body TEXT, etag TEXT, created_at TEXT NOT NULL,
      PRIMARY KEY (scope, key))`);
    // Keys reserved before owners were recorded have neither column: they read as expired, so a retry recovers them.
    const columns = new Set((this.db.prepare(`PRAGMA table_info(idempotency_keys)`).all() as Array<{ name: string }>).map((c) => c.name));
    if (!columns.has('owner')) this.db.exec(`ALTER TABLE idempotency_keys ADD COLUMN owner TEXT`);
    if (!columns.has('expires_at')) this.db.exec(`ALTER TABLE idempotency_keys ADD COLUMN expires_at INTEGER`);
    this.db.exec(`CREATE INDEX IF NOT EXISTS idempotency_keys_pending ON idempotency_keys (owner) WHERE state = 'pending'`);
    this.statements = prepare(this.db);
  }

  async reserve(scope: string, key: string, fingerprint: string, owner: KeyOwner, expiresAt: number): Promise<Reservation> {
    if (this.statements.reserve.run(scope, key, fingerprint, new Date().toISOString(), ownerText(owner), expiresAt).changes === 1) return { kind: 'reserved' };
    const row = this.statements.find.get(scope, key) as Row | undefined;
    // Released between the two statements: try once more.
    if (!row) return this.reserve(scope, key, fingerprint, owner, expiresAt);
    if (row.state === 'done') return { kind: 'replay', response: { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body), etag: row.etag } };
    return { kind: 'pending', pending: { fingerprint: row.fingerprint, owner: ownerOf(row.owner), expiresAt: row.expires_at ?? 0 } };
  }

  async takeOver(scope: string, key: string, from: PendingKey, owner: KeyOwner, expiresAt: number): Promise<boolean> {
    return this.statements.takeOver.run(ownerText(owner), expiresAt, scope, key, from.owner && ownerText(from.owner), from.expiresAt).changes === 1;
  }

  async complete(scope: string, key: string, owner: KeyOwner, response: Omit<StoredResponse, 'fingerprint'>): Promise<void> {
    this.statements.complete.run(response.status, JSON.stringify(response.body ?? null), response.etag, scope, key, ownerText(owner));
  }

  async release(scope: string, key: string, owner: KeyOwner): Promise<void> {
    this.statements.release.run(scope, key, ownerText(owner));
  }

  async abandon(scope: string, key: string, owner: KeyOwner): Promise<void> {
    this.statements.abandon.run(scope, key, ownerText(owner));
  }

  async renew(owner: KeyOwner, expiresAt: number): Promise<void> {
    this.statements.renew.run(expiresAt, ownerText(owner));
  }

  async pendingCount(): Promise<number> {
    return this.statements.pendingCount.get() as number;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

function prepare(db: Database.Database) {
  return {
    reserve: db.prepare(`INSERT OR IGNORE INTO idempotency_keys (scope, key, fingerprint, state, created_at, owner, expires_at) VALUES (?, ?, ?, 'pending', ?, ?, ?)`),
    find: db.prepare(`SELECT fingerprint, state, status, body, etag, owner, expires_at FROM idempotency_keys WHERE scope = ? AND key = ?`),
    // Compare-and-set on the owner and expiry read: of two retries racing for one dead key, one wins.
    takeOver: db.prepare(`UPDATE idempotency_keys SET owner = ?, expires_at = ? WHERE scope = ? AND key = ? AND state = 'pending' AND owner IS ? AND COALESCE(expires_at, 0) = ?`),
    complete: db.prepare(`UPDATE idempotency_keys SET state = 'done', status = ?, body = ?, etag = ?, owner = NULL, expires_at = NULL WHERE scope = ? AND key = ? AND owner = ?`),
    release: db.prepare(`DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND state = 'pending' AND owner = ?`),
    abandon: db.prepare(`UPDATE idempotency_keys SET expires_at = 0 WHERE scope = ? AND key = ? AND state = 'pending' AND owner = ?`),
    renew: db.prepare(`UPDATE idempotency_keys SET expires_at = ? WHERE state = 'pending' AND owner = ?`),
    pendingCount: db.prepare(`SELECT COUNT(*) FROM idempotency_keys WHERE state = 'pending'`).pluck(),
  };
}
