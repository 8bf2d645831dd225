import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { AllStreamRecordedEvent, AllStreamSubscription, EventStoreDBClient, JSONType, ReadPosition } from '@eventstore/db-client';

type EsdbClientModule = typeof import('@eventstore/db-client');
let esdbModule: EsdbClientModule | undefined;

/** The client and its gRPC stack (a quarter of a second to load) only once this store is used: not at every start on SQLite. */
function esdb(): EsdbClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, on purpose (see above)
  return (esdbModule ??= require('@eventstore/db-client') as EsdbClientModule);
}
import { canonicalJson } from './canonical-json';
import { chainEvents, GENESIS_HASH } from './hash-chain';
import {
  AppendResult,
  coopIdOfStream,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  JsonObject,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  Subscription,
  SubscriptionHandler,
  WrongExpectedRevisionError,
} from './event-store.port';

export interface EsdbEventStoreOptions {
  /** esdb://host:2113?tls=false, or esdb+discover://… for a cluster (see the client's docs). */
  connectionString: string;
  /**
   * Prefix of the streams of this ledger on the server (`<namespace>:cooperative-…`), so that one
   * server can hold several ledgers; none by default. The contract suite gives each test its own.
   */
  namespace?: string;
  /** How long one call to the server may take before it fails, in ms. */
  deadlineMs?: number;
}

/** Another writer moved the stream between our read of its head and our append: read again, this many times. */
const MAX_ATTEMPTS_FOR_ANY = 5;
const PAGE_SIZE = 1000;
const NAMESPACE = /^[a-z0-9_]{0,40}$/;

/**
 * The event store on EventStoreDB (KurrentDB), through @eventstore/db-client. Stream revisions
 * are the server's own; global positions are the server's commit positions in `$all` (bigint,
 * strictly increasing, with gaps); the server checks the expected revision.
 *
 * The hash chain needs the stream's last hash before appending, so every append reads the
 * stream's head first and appends with that head's exact revision: a writer that moved the
 * stream in between makes the server refuse, and the append is refused (or, for 'any', read and
 * chained again) — the chain can never fork. Event ids given to the server are fresh UUIDs (the
 * ledger's `eventId` stays in the metadata), so the server's idempotent-write rule can never
 * mistake one command's events for another's.
 *
 * Needs EventStoreDB 22.10 or later (events read from a stream carry their position) and a user
 * allowed to read `$all`. Client 6.x cannot filter a read of `$all`: `readAll({ coopId })` reads
 * `$all` and keeps the cooperative's streams (by stream name), while live subscriptions filter
 * on the server (prefix or system-event filter).
 */
export class EsdbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly namespace: string;
  private readonly deadline: number;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closed = false;

  constructor(options: EsdbEventStoreOptions) {
    this.namespace = options.namespace ?? '';
    if (!NAMESPACE.test(this.namespace)) throw new Error(`EventStoreDB namespace must be a-z, 0-9 or _ (at most 40), got "${this.namespace}"`);
    this.deadline = options.deadlineMs ?? 10_000;
    this.client = esdb().EventStoreDBClient.connectionString(options.connectionString);
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    const name = this.serverName(streamId);
    for (let attempt = 1; ; attempt++) {
      const head = await this.streamHead(name);
      checkExpectedRevision(streamId, expectedRevision, head?.revision);
      if (events.length === 0) return { nextExpectedRevision: head?.revision ?? -1n, position: head?.position ?? -1n, events: [] };
      const firstRevision = head ? head.revision + 1n : 0n;
      const chained = chainEvents(streamId, firstRevision, head?.hash ?? GENESIS_HASH, events);
      const toWrite = chained.map((event) =>
        esdb().jsonEvent({
          id: randomUUID(),
          type: event.type,
          // Through canonical JSON: what the server stores is what was hashed (and a value with
          // no faithful JSON form is refused here, before anything is written).
          data: JSON.parse(canonicalJson(event.data)) as JSONType,
          metadata: JSON.parse(canonicalJson(event.metadata)) as JSONType,
        }),
      );
      try {
        await this.client.appendToStream(name, toWrite, { expectedRevision: head ? head.revision : esdb().NO_STREAM, deadline: this.deadline });
      } catch (error) {
        if (!(error instanceof esdb().WrongExpectedVersionError)) throw error;
        const actual = error.actualVersion === esdb().NO_STREAM ? 'no_stream' : (error.actualVersion as bigint);
        if (expectedRevision !== 'any' || attempt >= MAX_ATTEMPTS_FOR_ANY) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
        continue;
      }
      const appended = await this.positionsOf(name, firstRevision, chained.length);
      const last = appended[appended.length - 1];
      return { nextExpectedRevision: last.revision, position: last.position, events: appended };
    }
  }

  async *readStream(streamId: string, from: bigint = 0n): AsyncIterable<RecordedEvent> {
    const read = this.client.readStream(this.serverName(streamId), { fromRevision: from, direction: esdb().FORWARDS, deadline: this.deadline });
    try {
      for await (const resolved of read) if (resolved.event) yield this.toRecordedEvent(resolved.event as AllStreamRecordedEvent);
    } catch (error) {
      if (!(error instanceof esdb().StreamNotFoundError)) throw error;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    let remaining = options.limit ?? Infinity;
    if (remaining <= 0) return;
    const after = options.after;
    const read = this.client.readAll({ fromPosition: positionAt(after), direction: esdb().FORWARDS, deadline: Infinity });
    try {
      for await (const resolved of read) {
        const event = resolved.event;
        if (!event || !this.owns(event.streamId, event.type)) continue;
        const recorded = this.toRecordedEvent(event);
        if (after !== undefined && recorded.position <= after) continue;
        if (options.coopId !== undefined && coopIdOfStream(recorded.streamId) !== options.coopId) continue;
        yield recorded;
        if (--remaining <= 0) return;
      }
    } finally {
      read.destroy();
    }
  }

  async *readAllPages(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent[]> {
    let page: RecordedEvent[] = [];
    for await (const event of this.readAll(options)) {
      page.push(event);
      if (page.length === PAGE_SIZE) {
        yield page;
        page = [];
      }
    }
    if (page.length > 0) yield page;
  }

  /** Catch-up then live on `$all`, filtered on the server; resubscribes from the last event handled if the connection drops. */
  subscribeAll(after: bigint | undefined, handler: SubscriptionHandler): Subscription {
    if (this.closed) throw new Error('EsdbEventStore is closed');
    const subscription = new EsdbSubscription({
      subscribe: (from) =>
        this.client.subscribeToAll({
          fromPosition: positionAt(from),
          filter: this.namespace ? esdb().streamNameFilter({ prefixes: [`${this.namespace}:`] }) : esdb().excludeSystemEvents(),
        }),
      toRecordedEvent: (event) => (this.owns(event.streamId, event.type) ? this.toRecordedEvent(event) : undefined),
      after,
      handler,
      onStopped: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * A scan of the ledger's part of `$all` (EventStoreDB has no secondary index to ask): the same
   * cost as the HTTP layer's fallback, paid only on the rare recovery after a crash.
   */
  async findByIdempotencyKey(sub: string, key: string): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    for await (const event of this.readAll()) if (event.metadata.idempotencyKey === key && event.metadata.actor?.sub === sub) found.push(event);
    return found;
  }

  async headPosition(): Promise<bigint | undefined> {
    const read = this.client.readAll({ fromPosition: esdb().END, direction: esdb().BACKWARDS, deadline: this.deadline });
    try {
      for await (const resolved of read) if (resolved.event && this.owns(resolved.event.streamId, resolved.event.type)) return resolved.event.position.commit;
      return undefined;
    } finally {
      read.destroy();
    }
  }

  async ping(): Promise<boolean> {
    if (this.closed) return false;
    try {
      const read = this.client.readAll({ fromPosition: esdb().END, direction: esdb().BACKWARDS, maxCount: 1, deadline: Math.min(this.deadline, 3000) });
      for await (const _ of read) break;
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.client.dispose();
  }

  private serverName(streamId: string): string {
    return this.namespace ? `${this.namespace}:${streamId}` : streamId;
  }

  /** A stream of this ledger: not a system stream or event, and inside the namespace. */
  private owns(serverName: string, type: string): boolean {
    if (serverName.startsWith('$') || type.startsWith('$')) return false;
    return this.namespace ? serverName.startsWith(`${this.namespace}:`) : true;
  }

  private async streamHead(name: string): Promise<{ revision: bigint; hash: string; position: bigint } | undefined> {
    try {
      for await (const resolved of this.client.readStream(name, { fromRevision: esdb().END, direction: esdb().BACKWARDS, maxCount: 1, deadline: this.deadline })) {
        const event = resolved.event;
        if (!event) continue;
        return { revision: event.revision, hash: (event.metadata as unknown as EventMetadata).hash, position: event.position?.commit ?? -1n };
      }
      return undefined;
    } catch (error) {
      if (error instanceof esdb().StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** The server answers the last event's position only: each event's is read back from the stream. */
  private async positionsOf(name: string, firstRevision: bigint, count: number): Promise<AppendResult['events']> {
    const appended: AppendResult['events'] = [];
    for await (const resolved of this.client.readStream(name, { fromRevision: firstRevision, maxCount: count, deadline: this.deadline })) {
      const position = resolved.event?.position?.commit;
      if (position === undefined) throw new Error('EventStoreDB did not give the position of a stream event: version 22.10 or later is needed');
      appended.push({ revision: resolved.event!.revision, position });
    }
    return appended;
  }

  private toRecordedEvent(event: AllStreamRecordedEvent): RecordedEvent {
    if (event.position === undefined) throw new Error('EventStoreDB did not give the position of an event: version 22.10 or later is needed');
    return {
      streamId: this.namespace ? event.streamId.slice(this.namespace.length + 1) : event.streamId,
      revision: event.revision,
      position: event.position.commit,
      type: event.type,
      data: event.data as unknown as JsonObject,
      metadata: event.metadata as unknown as EventMetadata,
    };
  }
}

/** Where a read or a subscription starts: the server's reads include that position, subscriptions do not (both are skipped). */
function positionAt(after: bigint | undefined): ReadPosition {
  return after === undefined || after < 0n ? esdb().START : { commit: after, prepare: after };
}

function checkExpectedRevision(streamId: string, expected: ExpectedRevision, head: bigint | undefined): void {
  if (expected === 'any') return;
  const actual = head ?? 'no_stream';
  const wanted = expected === 'no_stream' || expected === -1n ? 'no_stream' : expected;
  if (wanted !== actual) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

interface EsdbSubscriptionOptions {
  subscribe: (after: bigint | undefined) => AllStreamSubscription;
  /** Undefined for an event that is not the ledger's. */
  toRecordedEvent: (event: AllStreamRecordedEvent) => RecordedEvent | undefined;
  after: bigint | undefined;
  handler: SubscriptionHandler;
  onStopped: () => void;
}

/** Set while a handler runs, so that stop() called from inside it does not wait for itself. */
const runningHandler = new AsyncLocalStorage<EsdbSubscription>();

/**
 * One catch-up subscription to `$all`, read with `for await` so that the server waits for each
 * handler (back-pressure, one handler at a time, in position order). A handler that throws
 * stops it, as LogSubscription does for the other stores; a dropped connection resubscribes
 * from the last event handled.
 */
class EsdbSubscription implements Subscription {
  private stopped = false;
  private current?: AllStreamSubscription;
  private readonly finished: Promise<void>;

  constructor(private readonly options: EsdbSubscriptionOptions) {
    this.finished = this.run().finally(options.onStopped);
  }

  stop(): Promise<void> {
    this.stopped = true;
    void this.current?.unsubscribe().catch(() => undefined);
    return runningHandler.getStore() === this ? Promise.resolve() : this.finished;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    let position = this.options.after;
    while (!this.stopped) {
      const subscription = (this.current = this.options.subscribe(position));
      try {
        for await (const resolved of subscription) {
          if (this.stopped) break;
          const event = resolved.event && this.options.toRecordedEvent(resolved.event);
          if (!event || (position !== undefined && event.position <= position)) continue;
          try {
            await runningHandler.run(this, () => this.options.handler(event));
          } catch (error) {
            this.stopped = true;
            console.error(`Subscription stopped: its handler failed on ${event.streamId}@${event.revision} (position ${event.position})`, error);
            break;
          }
          position = event.position;
        }
      } catch (error) {
        if (this.stopped) break;
        console.error(`EventStoreDB subscription lost after position ${String(position ?? 'start')}; resubscribing`, error);
      } finally {
        await subscription.unsubscribe().catch(() => undefined);
      }
      if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
