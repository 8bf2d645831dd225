import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SnapshotStore } from '@ledger/projections';
import { PostgresSnapshotStore } from '@ledger/projections/postgres-snapshot-store';
import { IdempotencyStore, KeyOwner, SqliteIdempotencyStore } from '../apps/ledger-api/src/http/idempotency.store';
import { PostgresIdempotencyStore } from '../apps/ledger-api/src/http/postgres-idempotency.store';
import { TEST_DATABASE_URL, describeWithPostgres, dropSchema, uniqueSchema } from './postgres-test-database';

/**
 * What API replicas share (issue 10, item 3): idempotency keys and projection snapshots. Each
 * store is opened twice over one backend — two replicas — and what one does the other sees.
 */
const alice: KeyOwner = { host: 'api-1/boot', pid: 11, bootId: 'a' };
const bob: KeyOwner = { host: 'api-2/boot', pid: 22, bootId: 'b' };
const later = () => Date.now() + 60_000;

function idempotencyContract(name: string, open: () => { one: IdempotencyStore; two: IdempotencyStore; done: () => Promise<void> }) {
  describe(`Idempotency keys shared by two replicas: ${name}`, () => {
    let one: IdempotencyStore;
    let two: IdempotencyStore;
    let done: () => Promise<void>;
    beforeEach(() => ({ one, two, done } = open()));
    afterEach(async () => {
      await one.close();
      await two.close();
      await done();
    });

    it('reserves a key for one replica only, however many ask at once, and replays its answer on the other', async () => {
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? one : two).reserve('gerant', 'k1', 'fp', i % 2 ? alice : bob, later())));
      expect(answers.filter((a) => a.kind === 'reserved')).toHaveLength(1);
      expect(answers.filter((a) => a.kind === 'pending')).toHaveLength(9);
      const winner = answers.findIndex((a) => a.kind === 'reserved') % 2 ? alice : bob;
      await (winner === alice ? one : two).complete('gerant', 'k1', winner, { status: 201, body: { id: 'x', revision: 3 }, etag: '"3"' });
      expect(await one.reserve('gerant', 'k1', 'fp', alice, later())).toEqual({ kind: 'replay', response: { fingerprint: 'fp', status: 201, body: { id: 'x', revision: 3 }, etag: '"3"' } });
      expect(await two.reserve('gerant', 'k1', 'fp', bob, later())).toMatchObject({ kind: 'replay', response: { status: 201 } });
      expect(await two.reserve('other-caller', 'k1', 'fp', bob, later())).toEqual({ kind: 'reserved' });
    });

    it('lets one of two replicas take over a key whose owner died, never both', async () => {
      await one.reserve('gerant', 'k2', 'fp', alice, Date.now() - 1);
      const seen = await two.reserve('gerant', 'k2', 'fp', bob, later());
      if (seen.kind !== 'pending') throw new Error(`expected pending, got ${seen.kind}`);
      expect(seen.pending.owner).toEqual(alice);
      const third: KeyOwner = { host: 'api-3/boot', pid: 33, bootId: 'c' };
      const [a, b] = await Promise.all([two.takeOver('gerant', 'k2', seen.pending, bob, later()), one.takeOver('gerant', 'k2', seen.pending, third, later())]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
    });

    it('releases, abandons and renews only what the owner holds, and counts what is pending', async () => {
      await one.reserve('gerant', 'k3', 'fp', alice, later());
      await one.reserve('gerant', 'k4', 'fp', alice, later());
      expect(await two.pendingCount()).toBe(2);
      await two.release('gerant', 'k3', bob);
      expect(await two.pendingCount()).toBe(2);
      await one.release('gerant', 'k3', alice);
      expect(await two.reserve('gerant', 'k3', 'fp', bob, later())).toEqual({ kind: 'reserved' });
      await one.abandon('gerant', 'k4', alice);
      const abandoned = await two.reserve('gerant', 'k4', 'fp', bob, later());
      expect(abandoned).toMatchObject({ kind: 'pending', pending: { expiresAt: 0 } });
      const until = later() + 5000;
      await two.renew(bob, until);
      expect(await one.reserve('gerant', 'k3', 'fp', alice, later())).toMatchObject({ kind: 'pending', pending: { owner: bob, expiresAt: until } });
    });
  });
}

function snapshotContract(name: string, open: () => { one: SnapshotStore; two: SnapshotStore; done: () => Promise<void> }) {
  describe(`Projection snapshots shared by two replicas: ${name}`, () => {
    it('loads on one replica what the other saved, and never goes back to an earlier position of the same version', async () => {
      const { one, two, done } = open();
      try {
        expect(await two.load('cap')).toBeUndefined();
        await one.save('cap', 1, 10n, { events: 10 });
        expect(await two.load('cap')).toEqual({ version: 1, position: 10n, state: { events: 10 } });
        await two.save('cap', 1, 7n, { events: 7 });
        expect(await one.load('cap')).toEqual({ version: 1, position: 10n, state: { events: 10 } });
        await two.save('cap', 2, 3n, { rebuilt: true });
        expect(await one.load('cap')).toEqual({ version: 2, position: 3n, state: { rebuilt: true } });
        await one.save('cap', 2, 12_345_678_901_234_567_890n, { far: true });
        expect((await two.load('cap'))?.position).toBe(12_345_678_901_234_567_890n);
      } finally {
        await one.close?.();
        await two.close?.();
        await done();
      }
    });
  });
}

const sqliteFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-shared-')), 'ledger.sqlite');
const removeFile = (file: string) => async () => fs.rmSync(path.dirname(file), { recursive: true, force: true });

idempotencyContract('SQLite (processes on one data folder)', () => {
  const file = sqliteFile();
  return { one: new SqliteIdempotencyStore(file), two: new SqliteIdempotencyStore(file), done: removeFile(file) };
});

describeWithPostgres('PostgreSQL: what API replicas share', () => {
  const open = <S>(make: (schema: string) => S) => {
    const schema = uniqueSchema('shared');
    return { one: make(schema), two: make(schema), done: () => dropSchema(schema) };
  };
  idempotencyContract('PostgreSQL', () => open((schema) => new PostgresIdempotencyStore({ connectionString: TEST_DATABASE_URL, schema })));
  snapshotContract('PostgreSQL', () => open((schema) => new PostgresSnapshotStore({ connectionString: TEST_DATABASE_URL, schema })));
});
