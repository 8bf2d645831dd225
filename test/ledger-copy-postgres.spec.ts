import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, SqliteEventStore } from '@ledger/event-store';
import { copyLedger } from '../apps/ledger-copy/src/copy-ledger';
import { main } from '../apps/ledger-copy/src/main';
import { collect, event } from './event-store.contract';
import { describeWithPostgres, dropSchema, TEST_DATABASE_URL, uniqueSchema } from './postgres-test-database';

describe('ledger:copy arguments', () => {
  it('answers its usage and exit code 2 without --from and --to, opening nothing', async () => {
    const lines: string[] = [];
    expect(await main(['--from', 'sqlite:/nowhere'], (line) => lines.push(line))).toBe(2);
    expect(lines.join('\n')).toMatch(/npm run ledger:copy -- --from sqlite:\.\/data --to postgres:\/\//);
    expect(await main(['--from', 'sqlite:/nowhere/at/all', '--to', 'postgres://x@127.0.0.1:1/db'], (line) => lines.push(line))).toBe(2);
    expect(lines[lines.length - 1]).toBe('No ledger at sqlite:/nowhere/at/all');
  });
});

describeWithPostgres('ledger:copy from SQLite to PostgreSQL', () => {
  let dir: string;
  let schema: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-copy-'));
    schema = uniqueSchema('copy');
    const source = SqliteEventStore.open(dir);
    // Streams interleaved in the global log, one append of several events, a stream of 1,200.
    await source.append('cooperative-c1', [event('A'), event('B')], 'no_stream');
    await source.append('assembly-c1.ag2024', [event('C')], 'no_stream');
    await source.append('cooperative-c2', [event('D', { amountCents: 12_345, note: 'é 🐝' })], 'no_stream');
    await source.append('cooperative-c1', [event('E')], 1n);
    await source.append(
      'cooperative-big',
      Array.from({ length: 1200 }, (_, n) => event('Counted', { n })),
      'no_stream',
    );
    await source.append('assembly-c1.ag2024', [event('F')], 0n);
    await source.close();
  });
  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('copies every event in global order with the same hashes and digest, and says so', async () => {
    const lines: string[] = [];
    const code = await main(['--from', `sqlite:${dir}`, '--to', TEST_DATABASE_URL, '--to-schema', schema], (line) => lines.push(line));
    expect(lines[lines.length - 1]).toBe('INTACT: same events, same hashes, same digest');
    expect(code).toBe(0);

    const source = SqliteEventStore.open(dir);
    const target = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema });
    try {
      const [before, after] = [await collect(source.readAll()), await collect(target.readAll())];
      expect(after).toHaveLength(1206);
      expect(after.map((e) => [e.streamId, e.revision, e.type, e.metadata.hash])).toEqual(before.map((e) => [e.streamId, e.revision, e.type, e.metadata.hash]));
      expect(after[3].data).toEqual({ amountCents: 12_345, note: 'é 🐝' });
      // A second copy would interleave two histories: refused, the target left as it is.
      await expect(copyLedger(source, target)).rejects.toThrow(/not empty/);
      expect(await target.headPosition()).toBe(1206n);
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('reports a source edited behind its back as not intact, naming the event', async () => {
    const db = new Database(join(dir, 'ledger.sqlite'));
    db.prepare(`UPDATE events SET data = '{"amountCents":99999,"note":"é 🐝"}' WHERE stream_id = 'cooperative-c2'`).run();
    db.close();
    const source = SqliteEventStore.open(dir);
    const target = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema });
    try {
      const report = await copyLedger(source, target);
      expect(report.intact).toBe(false);
      expect(report.source.valid).toBe(false);
      // The target re-hashes the edited content: a valid chain, but not the source's hashes.
      expect(report.target.valid).toBe(true);
      expect(report.firstMismatch).toMatchObject({ streamId: 'cooperative-c2', revision: 0n });
    } finally {
      await source.close();
      await target.close();
    }
  });
});
