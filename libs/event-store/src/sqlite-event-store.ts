import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { canonicalJson } from './canonical-json';
import { checkExpectedRevision, metadataColumnsOf, toLazyRecordedEvent, toRecordedEvent } from './stored-rows';
import { openSqlite } from './sqlite-connection';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { LogSubscription, SubscriptionErrorHandler } from './sqlite-subscription';
import { AppendResult, coopIdOfStream, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, Subscription, SubscriptionHandler } from './event-store.port';

export interface SqliteEventStoreOptions {
  /** Path of the database file, or ':memory:' (one connection only: no second instance). */
  file: string;
  /** How often a live subscription looks for events appended by another connection. */
  pollIntervalMs?: number;
}

export interface SqliteSubscribeOptions {
  /** Told when the handler throws; the subscription has then stopped (see LogSubscription). */
  onError?: SubscriptionErrorHandler;
}

/** Rows read per query: bounds memory whatever the size of the log. */
const PAGE_SIZE = 1000;
const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, event_id, recorded_at, hash';
// Integers come back as JS numbers and are made bigint per event: exact below 2^53, and
// cheaper than safeIntegers on every column of every row.
type EventRow = [position: number, streamId: string, revision: number, type: string, data: string, metadata: string | null, eventId: string | null, recordedAt: string | null, hash: string | null];

/**
 * The metadata's `eventId`, `recordedAt` and `hash`, copied into columns at the append: a replay
 * takes what the read models keep from them and leaves the metadata unparsed, which took a
 * sixth of a replay (see toLazyRecordedEvent in stored-rows.ts). A file made before them gets
 * them, null in its older rows, which are read as before; a full read checks that they match.
 */
const METADATA_COLUMNS = ['event_id', 'recorded_at', 'hash'];
/** A replay's columns: the metadata text only where a column is missing (a row older than them), else read if asked for. */
const REPLAY_COLUMNS = 'position, stream_id, revision, type, data, CASE WHEN event_id IS NULL OR recorded_at IS NULL OR hash IS NULL THEN metadata END, event_id, recorded_at, hash';
interface StreamHead {
  revision: bigint;
  hash: string;
  position: bigint;
}

/**
 * The embedded event store: one SQLite file in WAL mode. Appends take the write lock
 * (BEGIN IMMEDIATE) before reading the stream's head, so two connections (two app
 * instances on one file) cannot both pass the same expected-revision check. Positions are
 * given under that same lock and commits are serialised, so a reader never sees position n+1
 * without n: paging and polling by "position > last seen" never skip an event.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly appendTransaction: (streamId: string, events: NewEvent[], expected: ExpectedRevision) => AppendResult;
  private closed = false;

  /** The default embedded layout: `<dataDir>/ledger.sqlite`, folder created if missing. */
  static open(dataDir: string, options: Omit<SqliteEventStoreOptions, 'file'> = {}): SqliteEventStore {
    mkdirSync(dataDir, { recursive: true });
    return new SqliteEventStore({ ...options, file: join(dataDir, 'ledger.sqlite') });
  }

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 150;
    // FULL: an append that has returned survives a power cut. The memory map takes a third
    // off reading the log.
    this.db = openSqlite(options.file, { synchronous: 'FULL', memoryMapped: true });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        stream_id TEXT NOT NULL,
        revision INTEGER NOT NULL,
        coop_id TEXT,
        type TEXT NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        event_id TEXT,
        recorded_at TEXT,
        hash TEXT,
        UNIQUE (stream_id, revision)
      );
      CREATE INDEX IF NOT EXISTS events_by_coop ON events (coop_id, position);
      CREATE INDEX IF NOT EXISTS events_by_idempotency_key ON events (json_extract(metadata, '$.idempotencyKey'))
        WHERE json_extract(metadata, '$.idempotencyKey') IS NOT NULL;
    `);
    addMissingColumns(this.db);
    this.statements = prepareStatements(this.db);
    this.appendTransaction = this.db.transaction(this.appendLocked.bind(this)).immediate;
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const result = this.appendTransaction(streamId, events, expectedRevision);
    if (events.length > 0) for (const subscription of this.subscriptions) subscription.wake();
    return result;
  }

  async *readStream(streamId: string, from: bigint = 0n): AsyncIterable<RecordedEvent> {
    let next = from;
    for (;;) {
      const rows = this.statements.streamPage.all(streamId, next, PAGE_SIZE) as EventRow[];
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < PAGE_SIZE) return;
      next = BigInt(rows[rows.length - 1][2] + 1);
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for (const rows of this.pagesOfRows(options)) for (const row of rows) yield toRecordedEvent(row);
  }

  async *readAllPages(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    const readMetadata = (position: number | string) => this.statements.metadataAt.get(position) as string | undefined;
    const toEvent = options.lazyData ? (row: EventRow) => toLazyRecordedEvent(row, readMetadata) : toRecordedEvent;
    for (const rows of this.pagesOfRows(options)) if (rows.length > 0) yield rows.map(toEvent);
  }

  /**
   * Catch-up from the log, then live. Appends through this instance wake the subscription at
   * once; appends by another connection on the same file are found by polling.
   */
  subscribeAll(after: bigint | undefined, handler: SubscriptionHandler, options: SqliteSubscribeOptions = {}): Subscription {
    if (this.closed) throw new Error('SqliteEventStore is closed');
    const subscription = new LogSubscription({
      readAfter: (position) => this.readPage(position, undefined, PAGE_SIZE).map(toRecordedEvent),
      pageSize: PAGE_SIZE,
      handler,
      after: after ?? -1n,
      pollIntervalMs: this.pollIntervalMs,
      onError: options.onError,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async findByIdempotencyKey(sub: string, key: string): Promise<RecordedEvent[]> {
    return (this.statements.byIdempotencyKey.all(key, sub) as EventRow[]).map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint | undefined> {
    const head = this.statements.headPosition.get() as bigint | null;
    return head ?? undefined;
  }

  async ping(): Promise<boolean> {
    try {
      this.statements.ping.get();
      return true;
    } catch {
      return false;
    }
  }

  /** The connection's durability settings, for /health and for the tests that pin them. */
  durability(): { journalMode: string; synchronous: number; busyTimeoutMs: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
      busyTimeoutMs: this.db.pragma('busy_timeout', { simple: true }) as number,
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    this.db.close();
  }

  /** Runs inside BEGIN IMMEDIATE: nobody else can append between the check and the insert. */
  private appendLocked(streamId: string, events: NewEvent[], expected: ExpectedRevision): AppendResult {
    const head = this.statements.streamHead.get(streamId) as StreamHead | undefined;
    checkExpectedRevision(streamId, expected, head);
    if (events.length === 0) {
      // Nothing to write: the call only checked the revision. A stream that does not exist
      // answers -1 for both, "one before revision 0 / before any position".
      return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? -1n, events: [] };
    }
    const coopId = coopIdOfStream(streamId) ?? null;
    const chained = chainEvents(streamId, head ? head.revision + 1n : 0n, head?.hash ?? GENESIS_HASH, events);
    const appended: AppendResult['events'] = [];
    for (const event of chained) {
      const inserted = this.statements.insert.run(streamId, event.revision, coopId, event.type, canonicalJson(event.data), canonicalJson(event.metadata), ...metadataColumnsOf(event.metadata));
      appended.push({ revision: event.revision, position: BigInt(inserted.lastInsertRowid) });
    }
    const last = appended[appended.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, events: appended };
  }

  /** The global log's rows, page after page, each read when the previous one is done with. */
  private *pagesOfRows(options: ReadAllOptions): Iterable<EventRow[]> {
    let after = options.after ?? -1n;
    let remaining = options.limit ?? Infinity;
    while (remaining > 0) {
      const rows = this.readPage(after, options.coopId, Math.min(PAGE_SIZE, remaining), options.lazyData === true);
      yield rows;
      if (rows.length < PAGE_SIZE) return;
      remaining -= rows.length;
      after = BigInt(rows[rows.length - 1][0]);
    }
  }

  private readPage(after: bigint, coopId: string | undefined, limit: number, replay = false): EventRow[] {
    const [all, ofCoop] = replay ? [this.statements.replayPage, this.statements.coopReplayPage] : [this.statements.allPage, this.statements.coopPage];
    return (coopId === undefined ? all.all(after, limit) : ofCoop.all(coopId, after, limit)) as EventRow[];
  }
}

function addMissingColumns(db: Database.Database): void {
  const missing = () => {
    const present = new Set((db.pragma('table_info(events)') as Array<{ name: string }>).map((column) => column.name));
    return METADATA_COLUMNS.filter((column) => !present.has(column));
  };
  if (missing().length === 0) return;
  // Under the write lock: a second connection opening the same older file finds them added.
  db.transaction(() => missing().forEach((column) => db.exec(`ALTER TABLE events ADD COLUMN ${column} TEXT`))).immediate();
}

function prepareStatements(db: Database.Database) {
  const rows = <T extends Database.Statement>(statement: T) => statement.raw(true);
  return {
    streamHead: db
      .prepare(
        `SELECT revision, coalesce(hash, json_extract(metadata, '$.hash')) AS hash, position
         FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1`,
      )
      .safeIntegers(true),
    insert: db.prepare('INSERT INTO events (stream_id, revision, coop_id, type, data, metadata, event_id, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    streamPage: rows(db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`)),
    allPage: rows(db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)),
    coopPage: rows(db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE coop_id = ? AND position > ? ORDER BY position LIMIT ?`)),
    replayPage: rows(db.prepare(`SELECT ${REPLAY_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)),
    coopReplayPage: rows(db.prepare(`SELECT ${REPLAY_COLUMNS} FROM events WHERE coop_id = ? AND position > ? ORDER BY position LIMIT ?`)),
    metadataAt: db.prepare('SELECT metadata FROM events WHERE position = ?').pluck(),
    // The same expression as the partial index, so the lookup reads the index, not the log.
    byIdempotencyKey: rows(db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE json_extract(metadata, '$.idempotencyKey') = ? AND json_extract(metadata, '$.actor.sub') = ? ORDER BY position`)),
    headPosition: db.prepare('SELECT MAX(position) FROM events').pluck().safeIntegers(true),
    ping: db.prepare('SELECT 1'),
  };
}
