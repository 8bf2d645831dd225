import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { RecordedEvent, SqliteEventStore, verifyEvents, WrongExpectedRevisionError } from '@ledger/event-store';
import { eventIdOf, hashOf, recordedAtOf } from '@ledger/event-store/stored-rows';
import { collect, describeEventStoreContract, event, sleep, waitFor } from './event-store.contract';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
}

describeEventStoreContract('SqliteEventStore', async () => {
  const dir = tempDir();
  const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite') });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore on one file', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const openStore = (options: { pollIntervalMs?: number } = {}) => {
    const store = new SqliteEventStore({ file: join(dir, 'ledger.sqlite'), ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode with synchronous=FULL and waits on a busy file', () => {
    expect(openStore().durability()).toEqual({ journalMode: 'wal', synchronous: 2, busyTimeoutMs: 5000 });
  });

  it('opens <dataDir>/ledger.sqlite, creating the folder', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const store = SqliteEventStore.open(dataDir);
    opened.push(store);
    await store.append('cooperative-c1', [event('A')], 'no_stream');
    expect(existsSync(join(dataDir, 'ledger.sqlite'))).toBe(true);
  });

  it('keeps the events and the chain across close and reopen', async () => {
    const first = openStore();
    await first.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
    await first.close();

    const again = openStore();
    await again.append('cooperative-c1', [event('C')], 1n);
    const stream = await collect(again.readStream('cooperative-c1'));
    expect(stream.map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect(stream[2].metadata.prevHash).toBe(stream[1].metadata.hash);
    expect((await verifyEvents(again.readAll())).valid).toBe(true);
  });

  it('lets exactly one of two app instances win the same expected revision', async () => {
    const a = openStore();
    const b = openStore();
    await a.append('cooperative-c1', [event('A')], 'no_stream');
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).append('cooperative-c1', [event(`Racer${i}`)], 0n)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(await collect(b.readStream('cooperative-c1'))).toHaveLength(2);
  });

  it('wakes a subscription at once on an append through the same instance, without polling', async () => {
    const store = openStore({ pollIntervalMs: 60_000 });
    const seen: string[] = [];
    const subscription = store.subscribeAll(undefined, (e) => {
      seen.push(e.type);
    });
    await sleep(20);
    await store.append('cooperative-c1', [event('A')], 'no_stream');
    await waitFor(() => seen.length === 1, 5000);
    await subscription.stop();
  });

  it('shows a subscription on one instance what another instance appended', async () => {
    const a = openStore();
    const b = openStore({ pollIntervalMs: 50 });
    await a.append('cooperative-c1', [event('A')], 'no_stream');
    const seen: string[] = [];
    const subscription = b.subscribeAll(undefined, (e) => {
      seen.push(e.type);
    });
    await waitFor(() => seen.length === 1);
    await a.append('cooperative-c1', [event('B'), event('C')], 0n);
    await waitFor(() => seen.length === 3, 2000);
    await subscription.stop();
    expect(seen).toEqual(['A', 'B', 'C']);
  });

  it('serialises appends from separate processes on one file, each retrying on conflict', async () => {
    const file = join(dir, 'ledger.sqlite');
    const watcher = openStore({ pollIntervalMs: 20 });
    const seen: RecordedEvent[] = [];
    const subscription = watcher.subscribeAll(undefined, (e) => {
      seen.push(e);
    });

    const children = [appendFromChildProcess(file, 'p1', 150), appendFromChildProcess(file, 'p2', 150)];
    await Promise.all(children.map((child) => child.ready));
    for (const child of children) child.go();
    const [first, second] = await Promise.all(children.map((child) => child.done));
    expect(first.appended + second.appended).toBe(300);

    await waitFor(() => seen.length === 300, 5000);
    await subscription.stop();
    const shared = await collect(watcher.readStream('cooperative-shared'));
    expect(shared.map((e) => e.revision)).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(i)));
    expect(seen.map((e) => e.position)).toEqual((await collect(watcher.readAll())).map((e) => e.position));
    expect(await verifyEvents(watcher.readAll())).toMatchObject({ valid: true, events: 300 });
  });

  it('stops a subscription whose handler throws, and reports the event', async () => {
    const store = openStore();
    await store.append('cooperative-c1', [event('A'), event('B'), event('C')], 'no_stream');
    const handled: string[] = [];
    const failures: string[] = [];
    store.subscribeAll(
      undefined,
      (e) => {
        if (e.type === 'B') throw new Error('projection bug');
        handled.push(e.type);
      },
      { onError: (error, e) => failures.push(`${e.type}: ${(error as Error).message}`) },
    );
    await waitFor(() => failures.length === 1);
    await sleep(100);
    expect(handled).toEqual(['A']);
    expect(failures).toEqual(['B: projection bug']);
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
  });

  describe('the metadata columns event_id, recorded_at and hash (libs/event-store/src/stored-rows.ts)', () => {
    const lazily = async (store: SqliteEventStore) => {
      const events: RecordedEvent[] = [];
      for await (const page of store.readAllPages({ lazyData: true })) events.push(...page);
      return events;
    };
    const editFile = (sql: string) => {
      const db = new Database(join(dir, 'ledger.sqlite'));
      db.exec(sql);
      db.close();
    };

    it('copies them at the append, and a replay takes them from there, reading the metadata text only if asked for', async () => {
      const store = openStore();
      await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
      const full = await collect(store.readAll());
      const replayed = await lazily(store);
      // An edit of the metadata after the replay read its rows shows what it read from where:
      // the columns with the row, the metadata text only when asked for.
      editFile(`UPDATE events SET metadata = '{"eventId":"edited"}'`);
      expect(replayed.map((e) => [eventIdOf(e), recordedAtOf(e), hashOf(e)])).toEqual(full.map((e) => [e.metadata.eventId, e.metadata.recordedAt, e.metadata.hash]));
      expect(replayed.map((e) => e.metadata.eventId)).toEqual(['edited', 'edited']);
    });

    it('reads a row whose column was edited behind the store as unreadable on a full read, so that the verifier reports it', async () => {
      const store = openStore();
      await store.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
      editFile("UPDATE events SET recorded_at = '2020-01-01T00:00:00.000Z' WHERE revision = 1");
      await expect(collect(store.readAll())).rejects.toThrow(/columns event_id, recorded_at or hash differ from its hashed metadata/);
      const report = await verifyEvents(store.readAll());
      expect(report.valid).toBe(false);
      expect(report.firstBreak).toEqual({ streamId: 'cooperative-c1', revision: 1n, reason: 'unreadable_event' });
    });

    it('adds them to a file made before them: its older rows are read from their metadata, later appends fill them', async () => {
      const before = openStore();
      await before.append('cooperative-c1', [event('A')], 'no_stream');
      await before.close();
      editFile('ALTER TABLE events DROP COLUMN event_id; ALTER TABLE events DROP COLUMN recorded_at; ALTER TABLE events DROP COLUMN hash;');

      const store = openStore();
      await store.append('cooperative-c1', [event('B')], 0n);
      const db = new Database(join(dir, 'ledger.sqlite'));
      const columns = db.prepare('SELECT event_id IS NOT NULL FROM events ORDER BY position').raw(true).all();
      db.close();
      expect(columns).toEqual([[0], [1]]);
      const full = await collect(store.readAll());
      expect((await lazily(store)).map((e) => [eventIdOf(e), recordedAtOf(e), hashOf(e)])).toEqual(full.map((e) => [e.metadata.eventId, e.metadata.recordedAt, e.metadata.hash]));
      expect((await verifyEvents(store.readAll())).valid).toBe(true);
    });
  });

  it('works in memory, for unit tests', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    opened.push(store);
    await store.append('cooperative-c1', [event('A')], 'no_stream');
    expect(await collect(store.readAll())).toHaveLength(1);
  });
});

/**
 * A second OS process appending through its own SqliteEventStore, as a second app instance
 * would. It loads the TypeScript sources through a bare transpile hook (no ts-node here).
 */
function appendFromChildProcess(file: string, name: string, count: number) {
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
    const { SqliteEventStore } = require(${JSON.stringify(resolve(__dirname, '../libs/event-store/src/sqlite-event-store.ts'))});
    (async () => {
      const store = new SqliteEventStore({ file: ${JSON.stringify(file)} });
      // Both children start appending together, once both are loaded.
      process.stdout.write('ready\\n');
      await new Promise((go) => process.stdin.once('data', go));
      process.stdin.destroy();
      let appended = 0, conflicts = 0;
      while (appended < ${count}) {
        let head = -1n;
        for await (const e of store.readStream('cooperative-shared', 0n)) head = e.revision;
        const metadata = { eventId: '${name}-' + appended, coopId: 'shared', actor: { sub: '${name}', role: 'gerant' },
          correlationId: 'c', causationId: 'c', recordedAt: new Date().toISOString(), schemaVersion: 1 };
        try {
          await store.append('cooperative-shared', [{ type: 'Tick', data: { by: '${name}', n: appended }, metadata }],
            head < 0n ? 'no_stream' : head);
          appended++;
        } catch (error) {
          if (error.name !== 'WrongExpectedRevisionError') throw error;
          conflicts++;
        }
      }
      await store.close();
      process.stdout.write(JSON.stringify({ appended, conflicts }) + '\\n');
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
  const done = new Promise<{ appended: number; conflicts: number }>((resolveDone, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      if (code === 0) resolveDone(JSON.parse(stdout.slice('ready\n'.length)));
      else reject(new Error(`child ${name} exited ${code}: ${stderr}`));
    });
  });
  return { ready, done, go: () => child.stdin.write('go\n') };
}
