import type { Client, Pool, QueryConfig } from 'pg';
import { canonicalJson } from './canonical-json';
import { checkExpectedRevision, metadataColumnsOf, toLazyRecordedEvent, toRecordedEvent } from './stored-rows';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import { pg } from './postgres-ddl';
import { LogSubscription, SubscriptionErrorHandler } from './sqlite-subscription';
import { AppendResult, coopIdOfStream, EventMetadata, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, Subscription, SubscriptionHandler, WrongExpectedRevisionError } from './event-store.port';

export interface PostgresEventStoreOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** Schema holding the ledger's tables, created on first use; `public` by default. */
  schema?: string;
  /** How often a live subscription reads the log when no NOTIFY woke it (a lost listener). */
  pollIntervalMs?: number;
  /** Connections in the pool (the listener of live subscriptions takes one more). */
  maxConnections?: number;
}

export interface PostgresSubscribeOptions {
  /** Told when the handler throws; the subscription has then stopped (see LogSubscription). */
  onError?: SubscriptionErrorHandler;
}

/** Rows read per query: bounds memory whatever the size of the log. */
const PAGE_SIZE = 1000;
const UNIQUE_VIOLATION = '23505';
/** Another writer moved the stream between our read of its head and our write: read again, this many times. */
const MAX_ATTEMPTS_FOR_ANY = 5;
/** With the metadata's `eventId`, `recordedAt` and `hash` in columns, as in the SQLite store (see toLazyRecordedEvent in stored-rows.ts). */
const EVENT_COLUMNS = 'position, stream_id, revision, type, data, metadata, event_id, recorded_at, hash';
type EventRow = [position: string, streamId: string, revision: string, type: string, data: string, metadata: string, eventId: string | null, recordedAt: string | null, hash: string | null];
interface StreamHead {
  revision: bigint;
  hash: string;
  position: bigint;
}

/** A plain identifier, spliced into SQL and the NOTIFY channel's name; `pg_` is PostgreSQL's own. */
const SCHEMA_NAME = /^(?!pg_)[a-z_][a-z0-9_]{0,39}$/;

/**
 * The event store on PostgreSQL, for several API processes on one database.
 *
 * Positions come from a one-row counter (`ledger_log_head`) that an append updates as its
 * last statement before COMMIT. The row lock that update takes is held until the commit is
 * visible, so appends commit one at a time in position order, and a reader can never see
 * position n+1 while n is still in flight: paging and polling by "position > last seen" never
 * skip an event. (A bare sequence would not do: two transactions take 7 and 8, the one with 8
 * commits first, a reader moves past 8 and never sees 7.) The counter is transactional, so
 * positions have no gaps either. An append is two round trips: the stream's head (read without a
 * lock), then one statement that takes the counter, writes the rows and NOTIFYs; only that
 * statement and its commit are serialised. A writer that raced on the same stream is refused by
 * the unique (stream, revision), so the expected revision holds and the hash chain never forks.
 *
 * Data and metadata are stored as the canonical JSON text the hash chain covers (`text`, not
 * `jsonb`, which would rewrite numbers and key order): `data::jsonb` reads them in SQL.
 *
 * Live subscriptions are woken by LISTEN/NOTIFY (the NOTIFY is sent by the append's own
 * transaction, so it arrives only once the events are visible) and poll as a fallback, so a
 * dropped listener connection delays events by one poll, never loses them.
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  private readonly pool: Pool;
  private readonly pollIntervalMs: number;
  private readonly ready: Promise<void>;
  private readonly subscriptions = new Set<LogSubscription>();
  private readonly sql: ReturnType<typeof statements>;
  private readonly channel: string;
  private listener?: Client;
  private listenerRetry?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: PostgresEventStoreOptions) {
    this.schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(this.schema)) throw new Error(`PostgreSQL schema must be a plain lower-case identifier (a-z, 0-9, _; at most 40; not pg_…), got "${this.schema}"`);
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.channel = `ledger_events_${this.schema}`;
    this.sql = statements(this.schema);
    this.pool = new (pg().Pool)({ connectionString: options.connectionString, max: options.maxConnections ?? 10, application_name: `ledger:${this.schema}` });
    // An idle connection killed by the server must not take the process down; the next query reconnects.
    this.pool.on('error', (error) => console.error('PostgreSQL connection lost (idle in the pool)', error.message));
    this.ready = this.createSchema();
    this.ready.catch(() => undefined); // reported by the first call that awaits it
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    await this.ready;
    for (let attempt = 1; ; attempt++) {
      const head = await this.streamHead(streamId);
      checkExpectedRevision(streamId, expectedRevision, head);
      if (events.length === 0) {
        // Nothing to write: the call only checked the revision. A stream that does not exist
        // answers -1 for both, "one before revision 0 / before any position".
        return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? -1n, events: [] };
      }
      try {
        const result = await this.write(streamId, events, head);
        for (const subscription of this.subscriptions) subscription.wake();
        return result;
      } catch (error) {
        // (stream, revision) is unique: another writer appended to the stream since its head was
        // read, and nothing of this append was written. 'any' chains onto the new head.
        if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
        if (expectedRevision !== 'any' || attempt >= MAX_ATTEMPTS_FOR_ANY) {
          throw new WrongExpectedRevisionError(streamId, expectedRevision, (await this.streamHead(streamId))?.revision ?? 'no_stream');
        }
      }
    }
  }

  async *readStream(streamId: string, from: bigint = 0n): AsyncIterable<RecordedEvent> {
    await this.ready;
    let next = from;
    for (;;) {
      const rows = await this.rows(this.sql.streamPage, [streamId, String(next), PAGE_SIZE]);
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < PAGE_SIZE) return;
      next = BigInt(rows[rows.length - 1][2]) + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    for await (const rows of this.pagesOfRows(options)) for (const row of rows) yield toRecordedEvent(row);
  }

  async *readAllPages(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    for await (const rows of this.pagesOfRows(options)) if (rows.length > 0) yield rows.map(options.lazyData ? (row) => toLazyRecordedEvent(row) : toRecordedEvent);
  }

  /**
   * Catch-up from the log, then live: woken at once by appends through this instance and by
   * NOTIFY for appends from other processes; polled every pollIntervalMs whatever happens.
   */
  subscribeAll(after: bigint | undefined, handler: SubscriptionHandler, options: PostgresSubscribeOptions = {}): Subscription {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    const subscription = new LogSubscription({
      readAfter: async (position) => {
        await this.ready;
        return (await this.readPage(position, undefined, PAGE_SIZE)).map(toRecordedEvent);
      },
      pageSize: PAGE_SIZE,
      handler,
      after: after ?? -1n,
      pollIntervalMs: this.pollIntervalMs,
      onError: options.onError,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    void this.listen();
    return subscription;
  }

  /** Through the partial index on the key: a lookup, not a scan of the log. */
  async findByIdempotencyKey(sub: string, key: string): Promise<RecordedEvent[]> {
    await this.ready;
    return (await this.rows(this.sql.byIdempotencyKey, [key, sub])).map(toRecordedEvent);
  }

  async headPosition(): Promise<bigint | undefined> {
    await this.ready;
    const [[head]] = await this.rows<[string | null]>(this.sql.headPosition, []);
    return head === null ? undefined : BigInt(head);
  }

  async ping(): Promise<boolean> {
    try {
      await this.ready;
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.listenerRetry);
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
    await this.ready.catch(() => undefined);
    await this.pool.end();
  }

  /**
   * One statement, so one implicit transaction and one round trip: the counter's row lock, the
   * rows and the NOTIFY, committed together. The head it chains onto was read just before,
   * without a lock: if another writer got there first, the unique (stream, revision) refuses
   * the rows and the statement writes nothing.
   */
  private async write(streamId: string, events: NewEvent[], head: StreamHead | undefined): Promise<AppendResult> {
    const firstRevision = head ? head.revision + 1n : 0n;
    const chained = chainEvents(streamId, firstRevision, head?.hash ?? GENESIS_HASH, events);
    const rows = chained.map((event) => [event.type, canonicalJson(event.data), canonicalJson(event.metadata), event.metadata.idempotencyKey ?? null, ...metadataColumnsOf(event.metadata)]);
    // From the counter's UPDATE to the COMMIT, appends of every stream wait their turn.
    const written = await this.pool.query<[string]>({
      ...this.sql.write,
      rowMode: 'array',
      values: [rows.length, streamId, String(firstRevision), coopIdOfStream(streamId) ?? null, ...[0, 1, 2, 3, 4, 5, 6].map((column) => rows.map((row) => row[column])), this.channel],
    });
    const before = BigInt(written.rows[0][0]);
    const appended = chained.map((event, i) => ({ revision: event.revision, position: before + BigInt(i) + 1n }));
    const last = appended[appended.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position, events: appended };
  }

  private async streamHead(streamId: string): Promise<StreamHead | undefined> {
    const rows = await this.rows<[string, string, string, string | null]>(this.sql.streamHead, [streamId]);
    if (rows.length === 0) return undefined;
    const [revision, position, metadata, hash] = rows[0];
    return { revision: BigInt(revision), position: BigInt(position), hash: hash ?? (JSON.parse(metadata) as EventMetadata).hash };
  }

  private async *pagesOfRows(options: ReadAllOptions): AsyncIterable<EventRow[]> {
    await this.ready;
    let after = options.after ?? -1n;
    let remaining = options.limit ?? Infinity;
    while (remaining > 0) {
      const rows = await this.readPage(after, options.coopId, Math.min(PAGE_SIZE, remaining));
      yield rows;
      if (rows.length < PAGE_SIZE) return;
      remaining -= rows.length;
      after = BigInt(rows[rows.length - 1][0]);
    }
  }

  /** One statement, one snapshot: it sees a prefix of the log (see the class comment). */
  private readPage(after: bigint, coopId: string | undefined, limit: number): Promise<EventRow[]> {
    return coopId === undefined ? this.rows(this.sql.allPage, [String(after), limit]) : this.rows(this.sql.coopPage, [coopId, String(after), limit]);
  }

  private async rows<R extends unknown[] = EventRow>(statement: QueryConfig, values: unknown[]): Promise<R[]> {
    const result = await this.pool.query<R>({ ...statement, rowMode: 'array', values });
    return result.rows;
  }

  /** Creates the schema and tables once, whoever else starts at the same moment. */
  private async createSchema(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // CREATE … IF NOT EXISTS races with itself across connections: one creator at a time.
      await client.query(this.sql.lockName(`${this.schema}:create-schema`));
      await client.query(this.sql.createSchema);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One connection LISTENing for the whole store; on loss, reconnects while subscriptions poll. */
  private async listen(): Promise<void> {
    if (this.closed || this.listener || this.subscriptions.size === 0) return;
    const client = new (pg().Client)({ connectionString: this.options.connectionString, application_name: `ledger-listener:${this.schema}` });
    this.listener = client;
    const retry = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.end().catch(() => undefined);
      if (!this.closed) this.listenerRetry = setTimeout(() => void this.listen(), this.pollIntervalMs);
    };
    client.on('notification', () => this.wakeAll());
    client.on('error', retry);
    client.on('end', retry);
    try {
      await this.ready;
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
      // Appends may have committed while the listener was away.
      this.wakeAll();
    } catch {
      retry();
    }
  }

  private wakeAll(): void {
    for (const subscription of this.subscriptions) subscription.wake();
  }
}

function statements(schema: string) {
  const events = `"${schema}".ledger_events`;
  const head = `"${schema}".ledger_log_head`;
  const named = (name: string, text: string): QueryConfig => ({ name: `ledger-${name}-${schema}`, text });
  return {
    createSchema: `
      CREATE SCHEMA IF NOT EXISTS "${schema}";
      CREATE TABLE IF NOT EXISTS ${events} (
        position bigint PRIMARY KEY,
        stream_id text NOT NULL,
        revision bigint NOT NULL,
        coop_id text,
        type text NOT NULL,
        data text NOT NULL,
        metadata text NOT NULL,
        idempotency_key text,
        UNIQUE (stream_id, revision)
      );
      -- The metadata's eventId, recordedAt and hash, for a replay that reads them without parsing
      -- the metadata; null in the rows of a schema made before them. Altered only when missing:
      -- an ALTER waits for every reader of the table, and every query waits behind it.
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = '${schema}' AND table_name = 'ledger_events' AND column_name = 'hash') THEN
          ALTER TABLE ${events} ADD COLUMN IF NOT EXISTS event_id text, ADD COLUMN IF NOT EXISTS recorded_at text, ADD COLUMN IF NOT EXISTS hash text;
        END IF;
      END $$;
      CREATE INDEX IF NOT EXISTS ledger_events_by_coop ON ${events} (coop_id, position);
      CREATE INDEX IF NOT EXISTS ledger_events_by_idempotency_key ON ${events} (idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE TABLE IF NOT EXISTS ${head} (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position bigint NOT NULL
      );
      INSERT INTO ${head} (singleton, position) VALUES (true, 0) ON CONFLICT DO NOTHING;`,
    /** A transaction-level advisory lock on a name (released at COMMIT or ROLLBACK). */
    lockName: (name: string): QueryConfig => ({ ...named('lock', 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))'), values: [name] }),
    streamHead: named('head', `SELECT revision, position, metadata, hash FROM ${events} WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1`),
    // Counter, rows and NOTIFY in one statement: the counter's row lock is held only for this
    // statement and its COMMIT.
    write: named(
      'write',
      `WITH counter AS (
         UPDATE ${head} SET position = position + $1::bigint RETURNING position - $1::bigint AS before
       ), inserted AS (
         INSERT INTO ${events} (position, stream_id, revision, coop_id, type, data, metadata, idempotency_key, event_id, recorded_at, hash)
         SELECT counter.before + e.n, $2, $3::bigint + e.n - 1, $4, e.type, e.data, e.metadata, e.idempotency_key, e.event_id, e.recorded_at, e.hash
         FROM counter, unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           WITH ORDINALITY AS e(type, data, metadata, idempotency_key, event_id, recorded_at, hash, n)
       )
       SELECT before::text, pg_notify($12, (before + $1::bigint)::text) FROM counter`,
    ),
    streamPage: named('stream', `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 AND revision >= $2::bigint ORDER BY revision LIMIT $3`),
    allPage: named('all', `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1::bigint ORDER BY position LIMIT $2`),
    coopPage: named('coop', `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE coop_id = $1 AND position > $2::bigint ORDER BY position LIMIT $3`),
    byIdempotencyKey: named('idempotency', `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE idempotency_key = $1 AND (metadata::jsonb #>> '{actor,sub}') = $2 ORDER BY position`),
    headPosition: named('max', `SELECT max(position)::text FROM ${events}`),
  };
}
