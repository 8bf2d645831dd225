import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { PostgresEventStore, RecordedEvent, verifyEvents } from '@ledger/event-store';
import { eventIdOf, hashOf, recordedAtOf } from '@ledger/event-store/stored-rows';
import { collect, describeEventStoreContract, event, sleep, waitFor } from './event-store.contract';
import { describeWithPostgres, dropSchema, onTestDatabase, TEST_DATABASE_URL, uniqueSchema } from './postgres-test-database';

describe('PostgresEventStore without a server', () => {
  it('refuses a schema name that is not a plain identifier, before connecting', () => {
    expect(() => new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema: 'ledger"; DROP TABLE x; --' })).toThrow(/plain lower-case identifier/);
  });

  it('answers ping false when nothing listens', async () => {
    const store = new PostgresEventStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' });
    expect(await store.ping()).toBe(false);
    await store.close();
  });
});

describeWithPostgres('PostgresEventStore', () => {
  describeEventStoreContract('PostgresEventStore', async () => {
    const schema = uniqueSchema('contract');
    const store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema, pollIntervalMs: 200 });
    return {
      store,
      async cleanup() {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('on one database', () => {
    let schema: string;
    const opened: PostgresEventStore[] = [];
    const openStore = (options: { pollIntervalMs?: number } = {}) => {
      const store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema, ...options });
      opened.push(store);
      return store;
    };

    beforeEach(() => {
      schema = uniqueSchema('store');
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
      await dropSchema(schema);
    });

    it('creates its schema once when several instances start together', async () => {
      const stores = Array.from({ length: 5 }, () => openStore());
      await Promise.all(stores.map((store, i) => store.append(`cooperative-c${i}`, [event('A')], 'no_stream')));
      expect(await collect(stores[0].readAll())).toHaveLength(5);
      expect(await stores[4].headPosition()).toBe(5n);
    });

    it('wakes a subscription on another instance by NOTIFY, without polling', async () => {
      const writer = openStore();
      const reader = openStore({ pollIntervalMs: 60_000 });
      const seen: string[] = [];
      const subscription = reader.subscribeAll(undefined, (e) => {
        seen.push(e.type);
      });
      await sleep(300); // the listener connects; the first poll is a minute away
      await writer.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
      await waitFor(() => seen.length === 2, 3000);
      await subscription.stop();
      expect(seen).toEqual(['A', 'B']);
    });

    it('loses no event when the listener connection is killed: polling carries on, the listener comes back', async () => {
      const writer = openStore();
      const reader = openStore({ pollIntervalMs: 150 });
      const seen: string[] = [];
      const subscription = reader.subscribeAll(undefined, (e) => {
        seen.push(e.type);
      });
      await writer.append('cooperative-c1', [event('A')], 'no_stream');
      await waitFor(() => seen.length === 1);
      const killed = await terminateListeners(schema);
      expect(killed).toBe(1);
      await writer.append('cooperative-c1', [event('B'), event('C')], 0n);
      await waitFor(() => seen.length === 3, 3000);
      const back = async () => (await listenerCount(schema)) === 1;
      for (let i = 0; i < 40 && !(await back()); i++) await sleep(100);
      expect(await back()).toBe(true);
      await subscription.stop();
      expect(seen).toEqual(['A', 'B', 'C']);
    });

    it('serialises appends to one stream from separate processes, each retrying on conflict', async () => {
      const watcher = openStore({ pollIntervalMs: 100 });
      await watcher.headPosition(); // schema created before the children race for it
      const seen: RecordedEvent[] = [];
      const subscription = watcher.subscribeAll(undefined, (e) => {
        seen.push(e);
      });
      const children = ['p1', 'p2', 'p3'].map((name) => childProcess(schema, name, { sharedAppends: 60 }));
      await Promise.all(children.map((child) => child.ready));
      for (const child of children) child.go();
      const results = await Promise.all(children.map((child) => child.done));
      expect(results.reduce((sum, r) => sum + r.appended, 0)).toBe(180);

      await waitFor(() => seen.length === 180, 10_000);
      await subscription.stop();
      const shared = await collect(watcher.readStream('cooperative-shared'));
      expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: 180 }, (_, i) => BigInt(i)));
      expect(seen.map((e) => e.position)).toEqual((await collect(watcher.readAll())).map((e) => e.position));
      expect(await verifyEvents(watcher.readAll())).toMatchObject({ valid: true, events: 180 });
    });

    it('never lets a reader paging by position skip an event while many processes append at once', async () => {
      const reader = openStore({ pollIntervalMs: 50 });
      await reader.headPosition();
      // Three processes, each with eight appends in flight on streams of its own: dozens of
      // transactions race for positions while this process reads small pages as fast as it can.
      const children = ['w1', 'w2', 'w3'].map((name) => childProcess(schema, name, { parallelAppends: 120, inFlight: 8 }));
      await Promise.all(children.map((child) => child.ready));
      const subscribed: bigint[] = [];
      const subscription = reader.subscribeAll(undefined, (e) => {
        subscribed.push(e.position);
      });
      for (const child of children) child.go();
      let finished = false;
      const writers = Promise.all(children.map((child) => child.done)).finally(() => (finished = true));

      const paged: bigint[] = [];
      let after = 0n;
      let pages = 0;
      for (;;) {
        const done = finished; // read once more after the writers finished
        const page = await collect(reader.readAll({ after, limit: 7 }));
        pages++;
        for (const e of page) paged.push(e.position);
        if (page.length > 0) after = page[page.length - 1].position;
        if (done && page.length === 0) break;
      }
      const results = await writers;
      const written = results.reduce((sum, r) => sum + r.events, 0);
      expect(written).toBeGreaterThan(360);
      expect(pages).toBeGreaterThan(20);

      // Positions are gap-free, so "nothing skipped" is "1, 2, 3, … without a hole".
      expect(paged).toEqual(Array.from({ length: written }, (_, i) => BigInt(i + 1)));
      await waitFor(() => subscribed.length === written, 10_000);
      await subscription.stop();
      expect(subscribed).toEqual(paged);
      expect(await verifyEvents(reader.readAll())).toMatchObject({ valid: true, events: written });
    });

    it('stops its subscriptions on close', async () => {
      const store = openStore();
      await store.append('cooperative-c1', [event('A')], 'no_stream');
      const seen: string[] = [];
      store.subscribeAll(undefined, (e) => {
        seen.push(e.type);
      });
      await waitFor(() => seen.length === 1);
      await store.close();
      expect(await store.ping()).toBe(false);
    });

    it('refuses data that would not read back as written, and writes nothing', async () => {
      const store = openStore();
      const dated = { ...event('A'), data: { effectiveDate: new Date('2024-01-01') as never } };
      await expect(store.append('cooperative-c1', [event('B'), dated], 'no_stream')).rejects.toThrow(/toJSON/);
      expect(await store.headPosition()).toBeUndefined();
      await store.append('cooperative-c1', [event('B')], 'no_stream');
      expect(await store.headPosition()).toBe(1n);
    });

    it('stores data and metadata as the canonical JSON text the hash covers', async () => {
      const store = openStore();
      await store.append('cooperative-c1', [event('A', { b: 1.5, a: 'é' })], 'no_stream');
      const [row] = await onTestDatabase(async (client) => (await client.query(`SELECT data, coop_id FROM "${schema}".ledger_events`)).rows);
      expect(row).toEqual({ data: '{"a":"é","b":1.5}', coop_id: 'c1' });
    });

    describe('the metadata columns event_id, recorded_at and hash (libs/event-store/src/stored-rows.ts)', () => {
      const lazily = async (store: PostgresEventStore) => {
        const events: RecordedEvent[] = [];
        for await (const page of store.readAllPages({ lazyData: true })) events.push(...page);
        return events;
      };
      const columnsOf = (events: RecordedEvent[]) => events.map((e) => [eventIdOf(e), recordedAtOf(e), hashOf(e)]);
      const fromMetadata = (events: RecordedEvent[]) => events.map((e) => [e.metadata.eventId, e.metadata.recordedAt, e.metadata.hash]);
      const edit = (sql: string) => onTestDatabase((client) => client.query(sql.replaceAll('EVENTS', `"${schema}".ledger_events`)));

      it('copies them at the append; a replay takes them, and an edit of one alone is unreadable on a full read', async () => {
        const store = openStore();
        await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
        const full = await collect(store.readAll());
        expect(columnsOf(await lazily(store))).toEqual(fromMetadata(full));
        await edit("UPDATE EVENTS SET hash = 'edited' WHERE revision = 1");
        await expect(collect(store.readAll())).rejects.toThrow(/columns event_id, recorded_at or hash differ from its hashed metadata/);
        expect((await verifyEvents(store.readAll())).firstBreak).toEqual({ streamId: 'cooperative-c1', revision: 1n, reason: 'unreadable_event' });
      });

      it('adds them to a schema made before them: its older rows are read from their metadata, later appends fill them', async () => {
        const before = openStore();
        await before.append('cooperative-c1', [event('A')], 'no_stream');
        await before.close();
        await edit('ALTER TABLE EVENTS DROP COLUMN event_id, DROP COLUMN recorded_at, DROP COLUMN hash');

        const store = openStore();
        await store.append('cooperative-c1', [event('B')], 0n);
        const filled = await onTestDatabase(async (client) => (await client.query(`SELECT event_id IS NOT NULL AS filled FROM "${schema}".ledger_events ORDER BY position`)).rows);
        expect(filled).toEqual([{ filled: false }, { filled: true }]);
        const full = await collect(store.readAll());
        expect(columnsOf(await lazily(store))).toEqual(fromMetadata(full));
        expect((await verifyEvents(store.readAll())).valid).toBe(true);
      });
    });
  });
});

async function terminateListeners(schema: string): Promise<number> {
  return onTestDatabase(async (client) => {
    const result = await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`ledger-listener:${schema}`]);
    return result.rowCount ?? 0;
  });
}

async function listenerCount(schema: string): Promise<number> {
  return onTestDatabase(async (client) => {
    const result = await client.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'", [`ledger-listener:${schema}`]);
    return result.rows[0].n as number;
  });
}

interface ChildWork {
  /** Appends to the one stream every child shares, reading its head and retrying on conflict. */
  sharedAppends?: number;
  /** Appends of 1 to 3 events to the child's own streams, `inFlight` at a time. */
  parallelAppends?: number;
  inFlight?: number;
}

/**
 * A separate OS process appending through its own PostgresEventStore, as another API replica
 * would. It loads the TypeScript sources through a bare transpile hook (no ts-node here).
 */
function childProcess(schema: string, name: string, work: ChildWork) {
  const script = `
    const fs = require('node:fs');
    const ts = require('typescript');
    require.extensions['.ts'] = (module, filename) => {
      const source = fs.readFileSync(filename, 'utf8');
      const output = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      }).outputText;
      module._compile(output, filename);
    };
    const { PostgresEventStore } = require(${JSON.stringify(resolve(__dirname, '../libs/event-store/src/postgres-event-store.ts'))});
    const work = ${JSON.stringify(work)};
    const metadata = (n) => ({ eventId: '${name}-' + n, coopId: 'shared', actor: { sub: '${name}', role: 'gerant' },
      correlationId: 'c', causationId: 'c', recordedAt: new Date().toISOString(), schemaVersion: 1 });
    (async () => {
      const store = new PostgresEventStore({ connectionString: ${JSON.stringify(TEST_DATABASE_URL)}, schema: ${JSON.stringify(schema)}, maxConnections: 12 });
      await store.headPosition();
      process.stdout.write('ready\\n');
      await new Promise((go) => process.stdin.once('data', go));
      process.stdin.destroy();
      let appended = 0, conflicts = 0, events = 0;
      while (appended < (work.sharedAppends ?? 0)) {
        let head = -1n;
        for await (const e of store.readStream('cooperative-shared', 0n)) head = e.revision;
        try {
          await store.append('cooperative-shared', [{ type: 'Tick', data: { by: '${name}', n: appended }, metadata: metadata(appended) }],
            head < 0n ? 'no_stream' : head);
          appended++;
          events++;
        } catch (error) {
          if (error.name !== 'WrongExpectedRevisionError') throw error;
          conflicts++;
        }
      }
      let next = 0;
      const lane = async (laneId) => {
        let revision = -1n;
        const streamId = 'cooperative-${name}x' + laneId;
        while (next < (work.parallelAppends ?? 0)) {
          const n = next++;
          const batch = Array.from({ length: 1 + (n % 3) }, (_, i) => ({ type: 'Tick', data: { n, i }, metadata: metadata(n + '-' + i) }));
          const result = await store.append(streamId, batch, revision < 0n ? 'no_stream' : revision);
          revision = result.nextExpectedRevision;
          appended++;
          events += batch.length;
        }
      };
      await Promise.all(Array.from({ length: work.inFlight ?? 1 }, (_, i) => lane(i)));
      await store.close();
      process.stdout.write(JSON.stringify({ appended, conflicts, events }) + '\\n');
    })().catch((error) => { console.error(error); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: resolve(__dirname, '..') });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (markReady = resolveReady));
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    if (stdout.startsWith('ready\n')) markReady();
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.on('error', () => undefined); // a child that died early: `done` says why
  const done = new Promise<{ appended: number; conflicts: number; events: number }>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      if (code === 0) resolveDone(JSON.parse(stdout.slice('ready\n'.length)));
      else reject(new Error(`child ${name} exited ${code}: ${stderr}`));
    });
  });
  return { ready, done, go: () => child.stdin.write('go\n') };
}
