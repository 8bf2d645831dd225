import { randomUUID } from 'node:crypto';
import { EventStore, GENESIS_HASH, NewEvent, RecordedEvent, verifyEvents, WrongExpectedRevisionError } from '@ledger/event-store';

/**
 * The one suite every EventStore adapter must pass (SQLite today, EventStoreDB next). It speaks
 * only through the port, so an adapter that passes it can replace another without notice.
 */
export function describeEventStoreContract(name: string, makeStore: () => Promise<{ store: EventStore; cleanup(): Promise<void> }>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    describe('append and read a stream', () => {
      it('numbers revisions from 0 and reads them back in order', async () => {
        const result = await store.append('cooperative-c1', [event('A'), event('B'), event('C')], 'no_stream');
        expect(result.nextExpectedRevision).toBe(2n);
        const read = await collect(store.readStream('cooperative-c1'));
        expect(read.map((e) => [e.type, e.revision])).toEqual([
          ['A', 0n],
          ['B', 1n],
          ['C', 2n],
        ]);
        expect(read.every((e) => e.streamId === 'cooperative-c1')).toBe(true);
        expect(result.position).toBe(read[2].position);
      });

      it('answers where each appended event landed, so nothing is read back after a write', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        await store.append('cooperative-c2', [event('X')], 'no_stream');
        const result = await store.append('cooperative-c1', [event('B'), event('C')], 0n);
        const read = await collect(store.readStream('cooperative-c1', 1n));
        expect(result.events).toEqual(read.map((e) => ({ revision: e.revision, position: e.position })));
        expect(result.events.map((e) => e.revision)).toEqual([1n, 2n]);
        expect(result.events[1].position > result.events[0].position).toBe(true);
      });

      it('gives data and writer metadata back as written', async () => {
        const written = event('SharesSubscribed', {
          associateId: 'a-1',
          shares: 12,
          nested: { list: [1, 'deux', null, true, { é: 'ñ 🐝' }] },
        });
        await store.append('cooperative-c1', [written], 'no_stream');
        const [read] = await collect(store.readStream('cooperative-c1'));
        expect(read.data).toEqual(written.data);
        expect(read.metadata).toMatchObject(written.metadata);
      });

      it('reads a stream from a given revision', async () => {
        await store.append('cooperative-c1', [event('A'), event('B'), event('C'), event('D')], 'no_stream');
        const read = await collect(store.readStream('cooperative-c1', 2n));
        expect(read.map((e) => e.type)).toEqual(['C', 'D']);
      });

      it('reads nothing from a stream that does not exist', async () => {
        expect(await collect(store.readStream('cooperative-nobody'))).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it('accepts no_stream on a new stream and refuses it on an existing one', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        await expect(store.append('cooperative-c1', [event('B')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        expect(await collect(store.readStream('cooperative-c1'))).toHaveLength(1);
      });

      it('appends after the exact last revision', async () => {
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        const result = await store.append('cooperative-c1', [event('C')], 1n);
        expect(result.nextExpectedRevision).toBe(2n);
      });

      it('refuses a stale revision and appends nothing', async () => {
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        const stale = store.append('cooperative-c1', [event('C'), event('D')], 0n);
        await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0n, actual: 1n });
        expect((await collect(store.readStream('cooperative-c1'))).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('refuses a revision ahead of the stream, and any revision on a missing stream', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        await expect(store.append('cooperative-c1', [event('B')], 5n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(store.append('cooperative-c2', [event('B')], 0n)).rejects.toMatchObject({ actual: 'no_stream' });
      });

      it("appends whatever the revision with 'any'", async () => {
        await store.append('cooperative-c1', [event('A')], 'any');
        const result = await store.append('cooperative-c1', [event('B')], 'any');
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it('checks the revision, writing nothing, when appending no event', async () => {
        const first = await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        expect(await store.append('cooperative-c1', [], 1n)).toEqual({ ...first, events: [] });
        await expect(store.append('cooperative-c1', [], 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        // A missing stream answers -1 ("before revision 0"), which reads back as no_stream.
        expect(await store.append('cooperative-c2', [], 'no_stream')).toEqual({ nextExpectedRevision: -1n, position: -1n, events: [] });
        await store.append('cooperative-c2', [event('A')], -1n);
        expect(await collect(store.readAll())).toHaveLength(3);
      });

      it('lets exactly one of ten concurrent appends at the same revision win', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.append('cooperative-c1', [event(`Racer${i}`)], 0n)));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const losers = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(losers).toHaveLength(9);
        for (const loser of losers) expect(loser.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await collect(store.readStream('cooperative-c1'))).toHaveLength(2);
      });

      it('lets exactly one of ten concurrent creations of a stream win', async () => {
        const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => store.append('cooperative-c1', [event(`Founder${i}`)], 'no_stream')));
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await collect(store.readStream('cooperative-c1'))).toHaveLength(1);
      });
    });

    describe('the global log', () => {
      it('orders all streams by strictly increasing positions', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        await store.append('assembly-c1.ag2024', [event('B'), event('C')], 'no_stream');
        await store.append('cooperative-c1', [event('D')], 0n);
        const all = await collect(store.readAll());
        expect(all.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
        expect(await store.headPosition()).toBe(all[3].position);
      });

      it('has no head position while empty', async () => {
        expect(await store.headPosition()).toBeUndefined();
        expect(await collect(store.readAll())).toEqual([]);
      });

      it('reads after a position, up to a limit, and for one cooperative', async () => {
        await store.append('cooperative-c1', [event('A')], 'no_stream');
        await store.append('cooperative-c2', [event('B')], 'no_stream');
        await store.append('assembly-c1.ag2024', [event('C')], 'no_stream');
        await store.append('fiscalyear-c1.2024', [event('D')], 'no_stream');
        const all = await collect(store.readAll());
        expect((await collect(store.readAll({ after: all[1].position }))).map((e) => e.type)).toEqual(['C', 'D']);
        expect((await collect(store.readAll({ limit: 2 }))).map((e) => e.type)).toEqual(['A', 'B']);
        expect((await collect(store.readAll({ coopId: 'c1' }))).map((e) => e.type)).toEqual(['A', 'C', 'D']);
        const page = await collect(store.readAll({ coopId: 'c1', after: all[0].position, limit: 1 }));
        expect(page.map((e) => e.type)).toEqual(['C']);
      });

      it('reads a log longer than one page, in order', async () => {
        for (let batch = 0; batch < 5; batch++) {
          const events = Array.from({ length: 500 }, (_, i) => event('Counted', { n: batch * 500 + i }));
          await store.append('cooperative-big', events, batch === 0 ? 'no_stream' : BigInt(batch * 500 - 1));
        }
        const all = await collect(store.readAll());
        expect(all.map((e) => e.data.n)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
        const tail = await collect(store.readStream('cooperative-big', 999n));
        expect(tail).toHaveLength(1501);
        expect(tail[0].revision).toBe(999n);
        expect(await collect(store.readAll({ after: all[1200].position, limit: 1100 }))).toHaveLength(1100);
      });

      it('reads in pages exactly what it reads event by event', async () => {
        for (let batch = 0; batch < 3; batch++) {
          await store.append(
            `cooperative-c${batch}`,
            Array.from({ length: 700 }, (_, i) => event('Counted', { n: i })),
            'no_stream',
          );
        }
        await store.append('assembly-c1.ag2024', [event('C')], 'no_stream');
        const pagesOf = async (options?: Parameters<EventStore['readAllPages']>[0]) => {
          const pages = await collect(store.readAllPages(options));
          expect(pages.every((page) => page.length > 0)).toBe(true);
          return pages.flat();
        };
        for (const options of [undefined, { after: 650n }, { limit: 1500 }, { coopId: 'c1' }, { coopId: 'c1', after: 800n, limit: 300 }]) {
          expect(await pagesOf(options)).toEqual(await collect(store.readAll(options)));
        }
      });
    });

    describe('subscribeAll', () => {
      it('catches up on past events, then receives live ones in order, until stopped', async () => {
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        const seen: string[] = [];
        const subscription = store.subscribeAll(undefined, (e) => {
          seen.push(e.type);
        });
        await waitFor(() => seen.length === 2);
        await store.append('cooperative-c2', [event('C')], 'no_stream');
        await store.append('cooperative-c1', [event('D')], 1n);
        await waitFor(() => seen.length === 4);
        expect(seen).toEqual(['A', 'B', 'C', 'D']);

        await subscription.stop();
        await store.append('cooperative-c1', [event('E')], 2n);
        await sleep(400);
        expect(seen).toEqual(['A', 'B', 'C', 'D']);
      });

      it('starts after the given position', async () => {
        const first = await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        await store.append('cooperative-c1', [event('C')], 1n);
        const seen: string[] = [];
        const subscription = store.subscribeAll(first.position, (e) => {
          seen.push(e.type);
        });
        await waitFor(() => seen.length === 1);
        await subscription.stop();
        expect(seen).toEqual(['C']);
      });

      it('awaits each handler before the next, never two at once', async () => {
        await store.append('cooperative-c1', [event('A'), event('B'), event('C')], 'no_stream');
        let running = 0;
        let overlapped = false;
        const seen: bigint[] = [];
        const subscription = store.subscribeAll(undefined, async (e) => {
          running++;
          overlapped ||= running > 1;
          await sleep(5);
          seen.push(e.position);
          running--;
        });
        await store.append('cooperative-c1', [event('D'), event('E')], 2n);
        await waitFor(() => seen.length === 5);
        await subscription.stop();
        expect(overlapped).toBe(false);
        expect([...seen].sort((a, b) => (a < b ? -1 : 1))).toEqual(seen);
      });

      it('stop() waits for the running handler, and may be called from inside a handler', async () => {
        await store.append('cooperative-c1', [event('A'), event('B'), event('C')], 'no_stream');
        let finished = 0;
        const slow = store.subscribeAll(undefined, async () => {
          await sleep(50);
          finished++;
        });
        await sleep(10);
        await slow.stop();
        const finishedAtStop = finished;
        await sleep(100);
        expect(finished).toBe(finishedAtStop);

        const seen: string[] = [];
        const selfStopping: { stop(): Promise<void> } = store.subscribeAll(undefined, async (e) => {
          seen.push(e.type);
          if (seen.length === 2) await selfStopping.stop();
        });
        await waitFor(() => seen.length === 2);
        await sleep(100);
        expect(seen).toEqual(['A', 'B']);
      });
    });

    describe('hash chain', () => {
      it('links each event to the previous one of its stream, revision 0 to genesis', async () => {
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        await store.append('cooperative-c2', [event('X')], 'no_stream');
        await store.append('cooperative-c1', [event('C')], 1n);
        const stream = await collect(store.readStream('cooperative-c1'));
        expect(stream[0].metadata.prevHash).toBe(GENESIS_HASH);
        expect(stream[1].metadata.prevHash).toBe(stream[0].metadata.hash);
        expect(stream[2].metadata.prevHash).toBe(stream[1].metadata.hash);
        expect(new Set(stream.map((e) => e.metadata.hash)).size).toBe(3);
        for (const e of stream) expect(e.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        const [other] = await collect(store.readStream('cooperative-c2'));
        expect(other.metadata.prevHash).toBe(GENESIS_HASH);
      });

      it('stores a log that verifies', async () => {
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        await store.append('assembly-c1.ag2024', [event('C')], 'no_stream');
        const report = await verifyEvents(store.readAll());
        expect(report).toMatchObject({ valid: true, streams: 2, events: 3 });
      });
    });

    describe('findByIdempotencyKey', () => {
      it("finds one command's events by its key and its caller, in global order", async () => {
        const keyed = (type: string, key: string, sub: string) => {
          const e = event(type);
          return { ...e, metadata: { ...e.metadata, idempotencyKey: key, actor: { sub, role: 'gerant' } } };
        };
        await store.append('cooperative-c1', [keyed('A', 'k-1', 'alice'), event('B')], 'no_stream');
        await store.append('cooperative-c2', [keyed('C', 'k-1', 'bob')], 'no_stream');
        await store.append('assembly-c1.ag2024', [keyed('D', 'k-1', 'alice'), keyed('E', 'k-2', 'alice')], 'no_stream');
        expect(store.findByIdempotencyKey).toBeDefined();
        const found = await store.findByIdempotencyKey!('alice', 'k-1');
        expect(found.map((e) => [e.streamId, e.type])).toEqual([
          ['cooperative-c1', 'A'],
          ['assembly-c1.ag2024', 'D'],
        ]);
        expect(found[1].metadata.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(await store.findByIdempotencyKey!('alice', 'k-3')).toEqual([]);
      });
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });
  });
}

let sequence = 0;

/** A new event with complete writer metadata; `idempotencyKey` left out, as most are. */
export function event(type: string, data: NewEvent['data'] = {}): NewEvent {
  sequence++;
  return {
    type,
    data: { ...data },
    metadata: {
      eventId: randomUUID(),
      coopId: 'c1',
      actor: { sub: 'gerant-1', role: 'gerant' },
      correlationId: `corr-${sequence}`,
      causationId: `cause-${sequence}`,
      recordedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, 0, sequence % 1000)).toISOString(),
      schemaVersion: 1,
    },
  };
}

export async function collect<T = RecordedEvent>(events: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const e of events) all.push(e);
  return all;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
