import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ExpectedRevision, JsonObject, NewEvent, SqliteEventStore } from '@ledger/event-store';
import { complianceReport, CooperativeEvent, cooperativeStreamId, Statuts } from '@ledger/domain';
import {
  associateAsOf,
  associatesAsOf,
  capitalMovements,
  capitalMovementsCsv,
  capitalMovementsCsvOf,
  capTable,
  complianceAsOf,
  cooperativeAsOf,
  CooperativeLedgerState,
  cooperativeLedgerProjection,
  cooperativeRevision,
  InvalidCursorError,
  listCooperatives,
  pendingRedemptionsAsOf,
  Projection,
  ProjectionApplyError,
  ProjectionEngine,
  ProjectionWaitTimeoutError,
  rebuild,
  SnapshotStore,
  SqliteSnapshotStore,
  StoredLedger,
  streamHeadsOf,
  StreamHeadsState,
  streamHeadsProjection,
} from '@ledger/projections';

const SHARE = 5000;

const alphaStatuts: Statuts = {
  name: 'Alpha SCIC',
  legalForm: 'SCIC',
  companyForm: 'SAS',
  registeredOn: '2024-01-15',
  shareValueCents: SHARE,
  colleges: [
    { code: 'workers', name: 'Salariés', weightBp: 5000 },
    { code: 'users', name: 'Usagers', weightBp: 3000 },
    { code: 'public', name: 'Collectivités', weightBp: 2000 },
  ],
  collegeCounting: 'proportional',
  minimumPaidAtSubscriptionBp: 2500,
  paymentDelayMonths: 60,
  capitalFloorBp: 2500,
  redemptionDelayMonths: 60,
  statutoryReserveBp: 5000,
  assemblyRules: {
    ordinary: { quorumFirstCallBp: 0, quorumSecondCallBp: 0, majority: { numerator: 1, denominator: 2, strict: true } },
    extraordinary: { quorumFirstCallBp: 7500, quorumSecondCallBp: 5000, majority: { numerator: 2, denominator: 3, strict: false } },
  },
  blankProxyVotesWithBoard: true,
  amorcageConvertedOn: null,
};

/**
 * Writes a cooperative's stream the way the command side does: the exact expected revision,
 * and metadata with an event id (the movement id for capital movements), actor, correlation
 * and causation, the server clock and the schema version.
 */
class CooperativeWriter {
  private revision: ExpectedRevision = 'no_stream';
  private clock = Date.parse('2024-07-01T08:00:00.000Z');

  constructor(
    private readonly store: SqliteEventStore,
    readonly coopId: string,
  ) {}

  async record(...events: CooperativeEvent[]): Promise<{ position: bigint; eventIds: string[] }> {
    const correlationId = randomUUID();
    const newEvents: NewEvent[] = events.map((event) => {
      const data = event.data as unknown as JsonObject;
      const eventId = typeof data.movementId === 'string' && event.type !== 'CapitalMovementCancelled' ? data.movementId : randomUUID();
      this.clock += 1000;
      return {
        type: event.type,
        data,
        metadata: {
          eventId,
          coopId: this.coopId,
          actor: { sub: 'gerant-1', role: 'gerant' },
          correlationId,
          causationId: correlationId,
          recordedAt: new Date(this.clock).toISOString(),
          schemaVersion: 1,
        },
      };
    });
    const result = await this.store.append(cooperativeStreamId(this.coopId), newEvents, this.revision);
    this.revision = result.nextExpectedRevision;
    return { position: result.position, eventIds: newEvents.map((e) => e.metadata.eventId) };
  }

  adopt(statuts: Statuts = alphaStatuts) {
    return this.record({ type: 'StatutsAdopted', data: { coopId: this.coopId, statuts, effectiveDate: statuts.registeredOn } });
  }

  admit(associateId: string, admittedOn: string, shares: number, options: { category?: CooperativeEventData<'AssociateAdmitted'>['category']; collegeCode?: string | null } = {}) {
    return this.record(
      {
        type: 'AssociateAdmitted',
        data: {
          associateId,
          name: `Associate ${associateId}`,
          personType: options.category === 'public_body' ? 'legal' : 'natural',
          category: options.category ?? 'employee',
          collegeCode: options.collegeCode === undefined ? 'workers' : options.collegeCode,
          effectiveDate: admittedOn,
        },
      },
      subscription(associateId, shares, admittedOn),
    );
  }
}

type CooperativeEventData<T extends CooperativeEvent['type']> = Extract<CooperativeEvent, { type: T }>['data'];

function subscription(associateId: string, shares: number, effectiveDate: string, movementId = randomUUID()): CooperativeEvent {
  return { type: 'SharesSubscribed', data: { movementId, associateId, shares, amountCents: shares * SHARE, paidCents: shares * SHARE, effectiveDate } };
}

/** Counts what it is given: proves the engine never applies an event twice or out of order. */
function positionsProjection(): Projection<{ positions: string[] }> {
  return { name: 'positions', version: 1, init: () => ({ positions: [] }), apply: (s, e) => (s.positions.push(e.position.toString()), s) };
}

describe('projections over the SQLite event store', () => {
  let dir: string;
  let file: string;
  const cleanups: Array<() => Promise<void>> = [];

  function openStore(): SqliteEventStore {
    const store = new SqliteEventStore({ file, pollIntervalMs: 20 });
    cleanups.push(() => store.close());
    return store;
  }

  function openEngine(store: SqliteEventStore, projections: Projection<unknown>[] = [cooperativeLedgerProjection, streamHeadsProjection], options = {}) {
    const snapshots = new SqliteSnapshotStore({ file });
    const engine = new ProjectionEngine(store, snapshots, projections, options);
    cleanups.push(async () => {
      await engine.stop();
      await snapshots.close();
    });
    return { engine, snapshots };
  }

  const ledger = (engine: ProjectionEngine) => engine.state<CooperativeLedgerState>('cooperatives');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
    file = join(dir, 'ledger.sqlite');
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the cap table as it stood on a past date', async () => {
    const store = openStore();
    const { engine } = openEngine(store);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    await alpha.admit('ana', '2024-02-01', 10);
    await alpha.admit('bob', '2024-03-01', 4, { category: 'beneficiary', collegeCode: 'users' });
    // Recorded today, effective in June: absent from any earlier date.
    const { position } = await alpha.record(subscription('ana', 6, '2024-06-01'));
    await engine.waitFor(position);

    const march = capTable(ledger(engine), 'alpha', '2024-03-15')!;
    expect(march.totals).toEqual({ associates: 2, shares: 14, capitalCents: 14 * SHARE, paidUpCents: 14 * SHARE });
    // 10/14 and 4/14 of the capital: the rows sum to 10000, the missing point to the larger remainder (ana's .857).
    expect(march.rows.map((r) => [r.associateId, r.shares, r.capitalBp])).toEqual([
      ['ana', 10, 7143],
      ['bob', 4, 2857],
    ]);

    const february = capTable(ledger(engine), 'alpha', '2024-02-10')!;
    expect(february.rows.map((r) => r.associateId)).toEqual(['ana']);
    expect(february.byCollege).toEqual([
      { code: 'workers', weightBp: 5000, associates: 1, shares: 10, capitalCents: 10 * SHARE },
      { code: 'users', weightBp: 3000, associates: 0, shares: 0, capitalCents: 0 },
      { code: 'public', weightBp: 2000, associates: 0, shares: 0, capitalCents: 0 },
    ]);

    const july = capTable(ledger(engine), 'alpha', '2024-07-01')!;
    expect(july.rows.find((r) => r.associateId === 'ana')).toMatchObject({ shares: 16, capitalCents: 16 * SHARE, capitalBp: 8000, status: 'active' });
    expect(july.byCategory).toEqual([
      { category: 'employee', associates: 1, shares: 16, capitalCents: 16 * SHARE, capitalBp: 8000 },
      { category: 'beneficiary', associates: 1, shares: 4, capitalCents: 4 * SHARE, capitalBp: 2000 },
    ]);

    expect(cooperativeAsOf(ledger(engine), 'alpha', '2024-01-01')).toBeUndefined();
    expect(cooperativeAsOf(ledger(engine), 'alpha', '2024-03-15')).toMatchObject({
      id: 'alpha',
      name: 'Alpha SCIC',
      legalForm: 'SCIC',
      associates: 2,
      shares: 14,
      capitalCents: 14 * SHARE,
      paidUpCents: 14 * SHARE,
    });
    expect(associateAsOf(ledger(engine), 'alpha', 'bob', '2024-02-15')).toBeUndefined();
    expect(associateAsOf(ledger(engine), 'alpha', 'ana', '2024-12-31')).toMatchObject({ shares: 16, subscribedCents: 16 * SHARE, votingRights: true, status: 'active' });
    expect(listCooperatives(ledger(engine))).toEqual([{ id: 'alpha', name: 'Alpha SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-15', revision: 5 }]);
    expect(cooperativeRevision(ledger(engine), 'alpha')).toBe(5);
  });

  it('removes a cancelled subscription from the cap table and marks it in the register', async () => {
    const store = openStore();
    const { engine } = openEngine(store);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    await alpha.admit('ana', '2024-02-01', 10);
    const mistake = randomUUID();
    await alpha.record(subscription('ana', 100, '2024-04-01', mistake));
    await engine.waitFor((await store.headPosition())!);
    // Folds cached for these dates must not survive the cancellation.
    expect(capTable(ledger(engine), 'alpha', '2024-05-01')!.totals.shares).toBe(110);
    expect(capTable(ledger(engine), 'alpha', '2030-01-01')!.totals.shares).toBe(110);

    const cancellation = await alpha.record({
      type: 'CapitalMovementCancelled',
      data: { movementId: mistake, cancelledType: 'SharesSubscribed', reason: 'typed 100 for 10, "by mistake"', effectiveDate: '2024-04-01' },
    });
    await engine.waitFor(cancellation.position);

    for (const asOf of ['2024-04-01', '2024-05-01', '2030-01-01']) {
      expect(capTable(ledger(engine), 'alpha', asOf)!.rows).toEqual([
        { associateId: 'ana', name: 'Associate ana', category: 'employee', collegeCode: 'workers', status: 'active', shares: 10, capitalCents: 10 * SHARE, paidUpCents: 10 * SHARE, capitalBp: 10000 },
      ]);
    }
    const register = capitalMovements(ledger(engine), 'alpha')!;
    expect(register.map((r) => [r.number, r.type, r.cancelled])).toEqual([
      [1, 'SharesSubscribed', false],
      [2, 'SharesSubscribed', true],
      [3, 'CapitalMovementCancelled', false],
    ]);
    expect(register[1]).toMatchObject({ movementId: mistake, cancelledBy: cancellation.eventIds[0], shares: 100, effectiveDate: '2024-04-01' });
    expect(register[2]).toMatchObject({ movementId: cancellation.eventIds[0], cancels: mistake, reason: 'typed 100 for 10, "by mistake"', associateId: 'ana', shares: 100 });
    expect(register[2].recordedAt > register[1].recordedAt).toBe(true);
    // Filtered on effective dates, numbers kept.
    expect(capitalMovements(ledger(engine), 'alpha', { from: '2024-03-01', to: '2024-04-30' })!.map((r) => r.number)).toEqual([2, 3]);

    const csv = capitalMovementsCsvOf(ledger(engine), 'alpha')!;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('number,movementId,type,effectiveDate,recordedAt,associateId,associateName,toAssociateId,toAssociateName,shares,amountCents,paidCents,cancelled,cancelledBy,cancels,reason');
    expect(lines[3]).toContain(',"typed 100 for 10, ""by mistake"""');
    // The name beside the id, read from the admission.
    expect(lines[2]).toMatch(new RegExp(`^2,${mistake},SharesSubscribed,2024-04-01,[^,]+,ana,Associate ana,,,100,500000,500000,true,${cancellation.eventIds[0]},,$`));
    expect(capitalMovementsCsv(register)).toBe(csv.replace(/,Associate ana,/g, ',,'));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines).toHaveLength(5);
  });

  it('pages associates by cursor in order of admission', async () => {
    const store = openStore();
    const { engine } = openEngine(store);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    for (const [i, id] of ['a1', 'a2', 'a3', 'a4', 'a5'].entries()) {
      await alpha.admit(id, `2024-02-0${i + 1}`, 2, { collegeCode: i % 2 ? 'users' : 'workers', category: i % 2 ? 'beneficiary' : 'employee' });
    }
    const { position } = await alpha.record({ type: 'AssociateWithdrew', data: { associateId: 'a3', reason: 'resignation', effectiveDate: '2024-05-01' } });
    await engine.waitFor(position);
    const state = ledger(engine);
    const asOf = '2024-06-01';

    const first = associatesAsOf(state, 'alpha', { asOf, limit: 2 })!;
    expect(first.items.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(first.next).toBe('a2');
    const second = associatesAsOf(state, 'alpha', { asOf, limit: 2, after: first.next! })!;
    expect(second.items.map((a) => a.id)).toEqual(['a3', 'a4']);
    const last = associatesAsOf(state, 'alpha', { asOf, limit: 2, after: second.next! })!;
    expect(last).toEqual({ items: [expect.objectContaining({ id: 'a5' })], next: null });
    // An exactly full last page says there is nothing after it.
    expect(associatesAsOf(state, 'alpha', { asOf, limit: 5 })!.next).toBeNull();

    expect(associatesAsOf(state, 'alpha', { asOf, limit: 10, status: 'withdrawn' })!.items).toEqual([
      {
        id: 'a3',
        name: 'Associate a3',
        category: 'employee',
        collegeCode: 'workers',
        status: 'withdrawn',
        shares: 2,
        subscribedCents: 2 * SHARE,
        paidUpCents: 2 * SHARE,
        votingRights: false,
        personType: 'natural',
        admittedOn: '2024-02-03',
        withdrawnOn: '2024-05-01',
      },
    ]);
    const workers = associatesAsOf(state, 'alpha', { asOf, limit: 1, collegeCode: 'workers', status: 'active' })!;
    expect(workers).toEqual({ items: [expect.objectContaining({ id: 'a1' })], next: 'a1' });
    expect(associatesAsOf(state, 'alpha', { asOf, limit: 1, collegeCode: 'workers', status: 'active', after: 'a1' })!.items.map((a) => a.id)).toEqual(['a5']);
    // Before the withdrawal a3 is active; before a4's admission, a4 is unknown.
    expect(associatesAsOf(state, 'alpha', { asOf: '2024-02-03', limit: 10 })!.items.map((a) => [a.id, a.status])).toEqual([
      ['a1', 'active'],
      ['a2', 'active'],
      ['a3', 'active'],
    ]);
    expect(() => associatesAsOf(state, 'alpha', { asOf: '2024-02-03', limit: 10, after: 'a4' })).toThrow(InvalidCursorError);

    // The withdrawn associate still holds capital awaiting redemption: in the rows, not in the count.
    const table = capTable(state, 'alpha', asOf)!;
    expect(table.totals.associates).toBe(4);
    expect(table.rows.find((r) => r.associateId === 'a3')).toMatchObject({ status: 'withdrawn', shares: 2 });
  });

  it('restarts from its snapshot: only new events are applied, answers are the same', async () => {
    const store = openStore();
    const first = openEngine(store);
    await first.engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    for (let i = 0; i < 20; i++) await alpha.admit(`m${i}`, '2024-03-01', i + 1);
    await first.engine.waitFor((await store.headPosition())!);
    const before = { table: capTable(ledger(first.engine), 'alpha', '2024-12-31'), register: capitalMovements(ledger(first.engine), 'alpha') };
    expect(first.engine.eventsApplied).toBe(41);
    await first.engine.stop();
    expect((await first.snapshots.load('cooperatives'))!.position).toBe(await store.headPosition());

    const second = openEngine(store);
    await second.engine.start();
    expect(second.engine.eventsApplied).toBe(0);
    expect(capTable(ledger(second.engine), 'alpha', '2024-12-31')).toEqual(before.table);
    expect(capitalMovements(ledger(second.engine), 'alpha')).toEqual(before.register);

    const { position } = await alpha.admit('late', '2024-04-01', 3);
    await second.engine.waitFor(position);
    expect(second.engine.eventsApplied).toBe(2);
    expect(capTable(ledger(second.engine), 'alpha', '2024-12-31')!.totals.shares).toBe(before.table!.totals.shares + 3);
    expect(ledger(second.engine)).toEqual((await rebuild(cooperativeLedgerProjection, store)).state);
  });

  it('restarts without reading the events: the cap table of today reads the fold part; a cancellation folds the events again', async () => {
    const store = openStore();
    const first = openEngine(store);
    await first.engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    for (let i = 0; i < 10; i++) await alpha.admit(`m${i}`, '2024-03-01', i + 1);
    const mistake = randomUUID();
    await alpha.record(subscription('m1', 50, '2024-05-01', mistake));
    await first.engine.waitFor((await store.headPosition())!);
    const today = '2030-01-01';
    expect(capTable(ledger(first.engine), 'alpha', today)!.totals.shares).toBe(105);
    await first.engine.stop();

    const second = openEngine(store);
    await second.engine.start();
    const coop = () => ledger(second.engine).coops.alpha as StoredLedger;
    expect(listCooperatives(ledger(second.engine)).map((c) => c.name)).toEqual([alphaStatuts.name]);
    expect(capTable(ledger(second.engine), 'alpha', today)!.totals.shares).toBe(105);
    expect(associatesAsOf(ledger(second.engine), 'alpha', { asOf: today, limit: 3 })!.items.map((a) => a.id)).toEqual(['m0', 'm1', 'm2']);
    expect(coop().loaded).toBe(false);

    // Recorded after the snapshot, dated after the fold: folded on without the events.
    const { position } = await alpha.admit('late', '2024-06-01', 3);
    await second.engine.waitFor(position);
    expect(capTable(ledger(second.engine), 'alpha', today)!.totals.shares).toBe(108);
    expect(coop().loaded).toBe(false);

    // The fold part keeps no movements: a cancellation needs the one it cancels, so the events are read.
    const cancellation = await alpha.record({
      type: 'CapitalMovementCancelled',
      data: { movementId: mistake, cancelledType: 'SharesSubscribed', reason: 'typed 50 for 5', effectiveDate: '2024-05-01' },
    });
    await second.engine.waitFor(cancellation.position);
    expect(capTable(ledger(second.engine), 'alpha', today)!.totals.shares).toBe(58);
    expect(coop().loaded).toBe(true);
    const rebuilt = (await rebuild(cooperativeLedgerProjection, store)).state;
    expect(capTable(ledger(second.engine), 'alpha', today)).toEqual(capTable(rebuilt, 'alpha', today));
    expect(ledger(second.engine)).toEqual(rebuilt);
  });

  it('saves at a stop the fold a query read in an older form, though no event arrived: the next start cuts the first pages from its head', async () => {
    const store = openStore();
    const first = openEngine(store);
    await first.engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    for (let i = 0; i < 5; i++) await alpha.admit(`m${i}`, '2024-03-01', i + 1);
    await first.engine.waitFor((await store.headPosition())!);
    const today = '2030-01-01';
    const table = capTable(ledger(first.engine), 'alpha', today)!;
    await first.engine.stop();
    await first.snapshots.close();

    // The fold part as a server before the parts of associates saved it: the associates as columns inside.
    const foldKey = JSON.stringify(['alpha', 'fold', 0]);
    const db = new Database(file);
    const body = (key: string) => JSON.parse((db.prepare('SELECT body FROM projection_parts WHERE key = ?').pluck().get(key) as string) ?? 'null') as Record<string, unknown> | null;
    const head = body(foldKey)!;
    const { capitalBp: _bp, ...columns } = body(JSON.stringify(['alpha', 'associates', 0]))!;
    db.prepare('UPDATE projection_parts SET body = ? WHERE key = ?').run(JSON.stringify({ covered: head.covered, lastDate: head.lastDate, state: head.state, associates: columns }), foldKey);
    db.prepare('DELETE FROM projection_parts WHERE key LIKE \'%"associates"%\'').run();

    const second = openEngine(store);
    await second.engine.start();
    expect(capTable(ledger(second.engine), 'alpha', today)).toEqual(table);
    await second.engine.stop(); // no event arrived since the start
    expect(body(foldKey)).toMatchObject({ associates: 5, table: { totals: table.totals, holders: 5 } });
    expect(body(JSON.stringify(['alpha', 'associates', 0]))?.capitalBp).toEqual(table.rows.map((row) => row.capitalBp));
    db.close();

    const third = openEngine(store);
    await third.engine.start();
    expect(capTable(ledger(third.engine), 'alpha', today, { limit: 2 })).toEqual({ ...table, rows: table.rows.slice(0, 2), next: 'm1' });
  });

  it('does not save a whole-document snapshot again at a stop with no new event, whatever a query derived', async () => {
    const store = openStore();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    await alpha.admit('ana', '2024-02-01', 10);
    // A store of whole documents, as PostgreSQL's: no parts.
    const documents = new Map<string, { version: number; position: bigint; state: string }>();
    const saves: string[] = [];
    const wholeDocuments: SnapshotStore = {
      load: async (name) => {
        const found = documents.get(name);
        return found && { version: found.version, position: found.position, state: JSON.parse(found.state) as never };
      },
      save: async (name, version, position, state) => {
        saves.push(name);
        documents.set(name, { version, position, state: JSON.stringify(state) });
      },
    };
    const first = new ProjectionEngine(store, wholeDocuments, [cooperativeLedgerProjection]);
    await first.start();
    await first.stop();
    expect(saves).toEqual(['cooperatives']);

    const second = new ProjectionEngine(store, wholeDocuments, [cooperativeLedgerProjection]);
    await second.start();
    expect(capTable(second.state<CooperativeLedgerState>('cooperatives'), 'alpha', '2030-01-01')!.totals.shares).toBe(10);
    await second.stop(); // a fold was derived, no event arrived
    expect(saves).toEqual(['cooperatives']);
  });

  it('saves snapshots every snapshotEvery events without waiting for stop', async () => {
    const store = openStore();
    const { engine, snapshots } = openEngine(store, undefined, { snapshotEvery: 5, snapshotMinIntervalMs: 0 });
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    for (let i = 0; i < 4; i++) await alpha.admit(`m${i}`, '2024-03-01', 1);
    await engine.waitFor((await store.headPosition())!);
    // The save runs off the append path: give it time on a loaded machine, without guessing how much.
    const version = cooperativeLedgerProjection.version;
    let saved = await snapshots.loadParts('cooperatives', version);
    for (const deadline = Date.now() + 5000; saved === undefined && Date.now() < deadline; saved = await snapshots.loadParts('cooperatives', version)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(saved!.position).toBeGreaterThanOrEqual(5n);
    // The cooperatives' snapshot is a head (a count per cooperative) and parts of events.
    expect((saved!.head as { coops: Array<{ count: number }> }).coops[0].count).toBe(Number(saved!.position));
    expect((saved!.part(JSON.stringify(['alpha', 'events', 0])) as unknown[]).length).toBe(Number(saved!.position));
  });

  it('rebuilds from position 0 when a projection version is bumped', async () => {
    const store = openStore();
    const first = openEngine(store);
    await first.engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    await alpha.admit('ana', '2024-02-01', 10);
    await first.engine.waitFor((await store.headPosition())!);
    await first.engine.stop();

    const bumped = { ...cooperativeLedgerProjection, version: cooperativeLedgerProjection.version + 1 };
    const second = openEngine(store, [bumped, streamHeadsProjection]);
    await second.engine.start();
    expect(second.engine.eventsApplied).toBe(3);
    expect(ledger(second.engine)).toEqual(ledger(first.engine));
    await second.engine.stop();
    expect((await second.snapshots.load('cooperatives'))!.version).toBe(bumped.version);
  });

  it('waits for a position to be projected, and says so plainly when it never comes', async () => {
    const store = openStore();
    const { engine } = openEngine(store);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    const { position } = await alpha.adopt();
    await engine.waitFor(position);
    expect(cooperativeRevision(ledger(engine), 'alpha')).toBe(0);
    expect(engine.checkpoint).toBe(position);

    const started = Date.now();
    const never = engine.waitFor(position + 1000n, 150);
    await expect(never).rejects.toBeInstanceOf(ProjectionWaitTimeoutError);
    await expect(engine.waitFor(position + 1000n, 50)).rejects.toThrow(`Projections did not reach position ${position + 1000n} within 50 ms (reached ${position})`);
    // Node may fire a timer a millisecond early as Date.now() sees it.
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('stops on a projection that throws, naming the event, rather than skip it', async () => {
    const store = openStore();
    const fragile: Projection<null> = {
      name: 'fragile',
      version: 1,
      init: () => null,
      apply: (state, event) => {
        if (event.type === 'AssociateAdmitted') throw new Error('cannot fold admissions');
        return state;
      },
    };
    const { engine } = openEngine(store, [fragile]);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await engine.waitFor((await alpha.adopt()).position);
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { position } = await alpha.admit('ana', '2024-02-01', 1);
      const failure = await engine.waitFor(position, 1000).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProjectionApplyError);
      expect(String(failure)).toContain('Projection fragile failed on event');
      expect(String(failure)).toContain('(cooperative-alpha@1 AssociateAdmitted): Error: cannot fold admissions');
      await expect(engine.catchUp()).rejects.toBe(failure);
    } finally {
      quiet.mockRestore();
    }
  });

  it('ignores a snapshot ahead of the log (a data folder restored from an older backup)', async () => {
    const store = openStore();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    const snapshots = new SqliteSnapshotStore({ file });
    cleanups.push(() => snapshots.close());
    await snapshots.save('cooperatives', cooperativeLedgerProjection.version, 999n, { coops: {}, coopOrder: [] });
    const { engine } = openEngine(store);
    await engine.start();
    expect(listCooperatives(ledger(engine)).map((c) => c.id)).toEqual(['alpha']);
  });

  it('lets a second process over the same file answer the same after catchUp', async () => {
    const writerStore = openStore();
    const readerStore = openStore();
    const writer = openEngine(writerStore);
    const reader = openEngine(readerStore);
    await Promise.all([writer.engine.start(), reader.engine.start()]);
    const alpha = new CooperativeWriter(writerStore, 'alpha');
    await alpha.adopt();
    await alpha.admit('ana', '2024-02-01', 10);
    const { position } = await alpha.admit('bob', '2024-03-01', 5, { collegeCode: 'users' });
    await writer.engine.waitFor(position);

    expect(await reader.engine.catchUp()).toBe(position);
    expect(capTable(ledger(reader.engine), 'alpha', '2024-12-31')).toEqual(capTable(ledger(writer.engine), 'alpha', '2024-12-31'));
    expect(ledger(reader.engine)).toEqual(ledger(writer.engine));
    const heads = (engine: ProjectionEngine) => streamHeadsOf(engine.state<StreamHeadsState>('stream-heads'), 'alpha');
    expect(heads(reader.engine)).toEqual(heads(writer.engine));
    // Nothing new: a second catch-up applies nothing.
    const applied = reader.engine.eventsApplied;
    expect(await reader.engine.catchUp()).toBe(position);
    expect(reader.engine.eventsApplied).toBe(applied);
  });

  it('never applies an event twice or out of order when catch-ups race the live subscription', async () => {
    const store = openStore();
    const { engine } = openEngine(store, [positionsProjection(), cooperativeLedgerProjection]);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    const work: Array<Promise<unknown>> = [];
    for (let i = 0; i < 60; i++) {
      await alpha.admit(`r${i}`, '2024-03-01', 1);
      work.push(engine.catchUp());
    }
    await Promise.all(work);
    await engine.waitFor((await store.headPosition())!);
    const positions = engine.state<{ positions: string[] }>('positions').positions.map(BigInt);
    expect(positions).toHaveLength(121);
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
    expect(engine.eventsApplied).toBe(121);
  });

  it('rebuilds from zero exactly the state the live engine holds', async () => {
    const store = openStore();
    const { engine } = openEngine(store);
    await engine.start();
    const alpha = new CooperativeWriter(store, 'alpha');
    const beta = new CooperativeWriter(store, 'beta');
    await alpha.adopt();
    await beta.adopt({ ...alphaStatuts, name: 'Beta SCOP', legalForm: 'SCOP', companyForm: 'SARL', colleges: [] });
    await alpha.admit('ana', '2024-02-01', 10);
    await beta.admit('zoe', '2024-02-01', 3, { collegeCode: null });
    await alpha.admit('bob', '2024-02-02', 10);
    await alpha.record({
      type: 'SharesTransferred',
      data: { movementId: randomUUID(), fromAssociateId: 'ana', toAssociateId: 'bob', shares: 2, amountCents: 2 * SHARE, paidCents: 2 * SHARE, effectiveDate: '2024-05-01' },
    });
    await alpha.record({ type: 'AssociateWithdrew', data: { associateId: 'ana', reason: 'resignation', effectiveDate: '2024-06-01' } });
    const { position } = await alpha.record({ type: 'SharesRedeemed', data: { movementId: randomUUID(), associateId: 'ana', shares: 8, amountCents: 8 * SHARE, effectiveDate: '2024-09-01' } });
    await engine.waitFor(position);

    const rebuilt = await rebuild(cooperativeLedgerProjection, store);
    expect(rebuilt.position).toBe(position);
    expect(rebuilt.state).toEqual(ledger(engine));
    expect((await rebuild(streamHeadsProjection, store)).state).toEqual(engine.state('stream-heads'));

    // The heads are the stored streams' last events.
    const lastOfAlpha = (await collect(store.readStream('cooperative-alpha'))).pop()!;
    expect(streamHeadsOf(engine.state<StreamHeadsState>('stream-heads'), 'alpha')).toEqual([
      { streamId: 'cooperative-alpha', revision: Number(lastOfAlpha.revision), hash: lastOfAlpha.metadata.hash, position: lastOfAlpha.position.toString() },
    ]);
    expect(listCooperatives(ledger(engine)).map((c) => [c.id, c.legalForm])).toEqual([
      ['alpha', 'SCIC'],
      ['beta', 'SCOP'],
    ]);

    const register = capitalMovements(ledger(engine), 'alpha')!;
    expect(register.map((r) => [r.type, r.associateId, r.toAssociateId, r.shares, r.paidCents])).toEqual([
      ['SharesSubscribed', 'ana', null, 10, 10 * SHARE],
      ['SharesSubscribed', 'bob', null, 10, 10 * SHARE],
      ['SharesTransferred', 'ana', 'bob', 2, 2 * SHARE],
      ['SharesRedeemed', 'ana', null, 8, 8 * SHARE],
    ]);
    expect(capTable(ledger(engine), 'alpha', '2024-07-01')!.rows.map((r) => [r.associateId, r.status, r.shares])).toEqual([
      ['ana', 'withdrawn', 8],
      ['bob', 'active', 12],
    ]);
    expect(capTable(ledger(engine), 'alpha', '2024-09-01')!.rows.map((r) => r.associateId)).toEqual(['bob']);

    expect(pendingRedemptionsAsOf(ledger(engine), 'alpha', '2024-05-31')).toEqual([]);
    expect(pendingRedemptionsAsOf(ledger(engine), 'alpha', '2024-07-01')).toEqual([expect.objectContaining({ associateId: 'ana', withdrawnOn: '2024-06-01', shares: 8, nominalCents: 8 * SHARE })]);
    expect(pendingRedemptionsAsOf(ledger(engine), 'alpha', '2024-09-01')).toEqual([]);
    // The compliance report is the domain's, over the stream as stored, with the late recordings
    // beside it (none were recorded here).
    const stream = (await collect(store.readStream('cooperative-alpha'))).map((e) => ({ type: e.type, data: e.data }) as unknown as CooperativeEvent);
    for (const asOf of ['2024-02-01', '2024-07-01', '2031-01-01']) {
      expect(complianceAsOf(ledger(engine), 'alpha', asOf)).toEqual({ ...complianceReport(stream, asOf), lateRecordings: [] });
    }
    expect(complianceAsOf(ledger(engine), 'nobody', '2024-07-01')).toBeUndefined();
  });

  it('rebuilds a large stream quickly (figure in the log)', async () => {
    const store = openStore();
    const alpha = new CooperativeWriter(store, 'alpha');
    await alpha.adopt();
    const batch: CooperativeEvent[] = [];
    for (let i = 0; i < 2000; i++) {
      batch.push({ type: 'AssociateAdmitted', data: { associateId: `p${i}`, name: `P ${i}`, personType: 'natural', category: 'beneficiary', collegeCode: 'users', effectiveDate: '2024-02-01' } });
      for (let k = 0; k < 9; k++) batch.push(subscription(`p${i}`, 1, `2024-${String(2 + (k % 10)).padStart(2, '0')}-01`));
      if (batch.length >= 1000) await alpha.record(...batch.splice(0));
    }
    await alpha.record(...batch.splice(0));
    const started = process.hrtime.bigint();
    const rebuilt = await rebuild(cooperativeLedgerProjection, store);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`rebuild: ${rebuilt.events} events in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(rebuilt.events / seconds)} events/s`);
    expect(rebuilt.events).toBe(20_001);
    expect(capTable(rebuilt.state, 'alpha', '2024-12-31')!.totals).toEqual({ associates: 2000, shares: 18_000, capitalCents: 18_000 * SHARE, paidUpCents: 18_000 * SHARE });
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}
