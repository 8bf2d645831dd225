import { CooperativeCommand, CooperativeEvent, cooperativeDecider } from '@ledger/domain';
import { chainEvents, GENESIS_HASH } from '@ledger/event-store/hash-chain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { AuditBundleWriter, verifyBundle } from './audit-bundle';
import { ledgerKnownAt } from './audit-known-at';
import { assembliesProjection } from './assemblies.projection';
import { capTable } from './cap-table';
import { cooperativeLedgerProjection } from './cooperative-ledger.projection';
import { replayCooperative } from './replay-cooperative';

/**
 * A SCIC's history as the store would hold it: decided by the real decider, chained with the
 * real hashes, one minute apart in recording time. ana subscribes 4 shares (a quarter paid) in
 * March 2024; the payment of the rest, made on 1 April 2024, is only recorded in 2025 (position 70).
 */
function history(): RecordedEvent[] {
  let state = cooperativeDecider.initialState();
  const events: RecordedEvent[] = [];
  let prevHash = GENESIS_HASH;
  const run = (command: CooperativeCommand, recordedAt: string) => {
    const decided = cooperativeDecider.decide(command, state) as CooperativeEvent[];
    const chained = chainEvents(
      'cooperative-alpha',
      BigInt(events.length),
      prevHash,
      decided.map((e, i) => ({
        type: e.type,
        data: e.data as unknown as RecordedEvent['data'],
        metadata: { eventId: `ev-${events.length + i + 1}`, coopId: 'alpha', actor: { sub: 'g', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt, schemaVersion: 1 },
      })),
    );
    for (const [i, e] of chained.entries()) {
      state = cooperativeDecider.evolve(state, decided[i]);
      events.push({ streamId: 'cooperative-alpha', position: BigInt(events.length + 1) * 10n, ...e });
      prevHash = e.metadata.hash;
    }
  };
  run({ type: 'AdoptStatuts', coopId: 'alpha', statuts: { name: 'Alpha', legalForm: 'SCIC', companyForm: 'SA', registeredOn: '2024-01-15', shareValueCents: 1000 } }, '2024-01-15T09:00:00.000Z');
  run({ type: 'AdmitAssociate', associateId: 'ana', name: 'Ana', personType: 'natural', category: 'employee', admittedOn: '2024-02-01', shares: 10, movementId: 'm1' }, '2024-02-01T09:00:00.000Z');
  run({ type: 'AdmitAssociate', associateId: 'bob', name: 'Bob', personType: 'natural', category: 'beneficiary', admittedOn: '2024-02-01', shares: 10, movementId: 'm2' }, '2024-02-01T09:01:00.000Z');
  run({ type: 'SubscribeShares', associateId: 'ana', shares: 4, paidCents: 1000, effectiveDate: '2024-03-01', movementId: 'm3' }, '2024-03-01T09:00:00.000Z');
  run({ type: 'PayUpShares', associateId: 'ana', amountCents: 3000, effectiveDate: '2024-04-01', movementId: 'm4' }, '2025-01-10T09:00:00.000Z');
  return events;
}

function liveOf(events: RecordedEvent[]) {
  let cooperatives = cooperativeLedgerProjection.init();
  let assemblies = assembliesProjection.init();
  for (const e of events) {
    cooperatives = cooperativeLedgerProjection.apply(cooperatives, e);
    assemblies = assembliesProjection.apply(assemblies, e);
  }
  return { cooperatives, assemblies };
}

const anaPaidUp = (table: ReturnType<typeof capTable>) => table!.rows.find((r) => r.associateId === 'ana')!.paidUpCents;

describe('knownAt: what the ledger showed, on the second axis', () => {
  it('answers a cap table as of 30 April 2024 without the back-dated payment before it was recorded, with it after', () => {
    const live = liveOf(history()).cooperatives;
    expect(anaPaidUp(capTable(ledgerKnownAt(live, 'alpha', { recordedAt: '2024-12-31T23:59:59.999Z' }), 'alpha', '2024-04-30'))).toBe(11000);
    expect(anaPaidUp(capTable(ledgerKnownAt(live, 'alpha', { recordedAt: '2025-01-10T09:00:00.000Z' }), 'alpha', '2024-04-30'))).toBe(14000);
    expect(anaPaidUp(capTable(ledgerKnownAt(live, 'alpha', { position: 60n }), 'alpha', '2024-04-30'))).toBe(11000);
    expect(anaPaidUp(capTable(ledgerKnownAt(live, 'alpha', { position: 70n }), 'alpha', '2024-04-30'))).toBe(14000);
    // The live state itself is left whole.
    expect(live.coops.alpha.events).toHaveLength(7);
  });

  it('cuts before the cooperative existed to an unknown cooperative', () => {
    const live = liveOf(history()).cooperatives;
    expect(ledgerKnownAt(live, 'alpha', { recordedAt: '2023-01-01T00:00:00.000Z' })).toEqual({ coops: {}, coopOrder: [] });
    expect(capTable(ledgerKnownAt(live, 'alpha', { recordedAt: '2023-01-01T00:00:00.000Z' }), 'alpha', '2024-04-30')).toBeUndefined();
  });
});

describe('replayCooperative', () => {
  it('replays up to a position through the projections: heads, digest and read models of that point, equal to the live ones cut there', () => {
    const events = history();
    const replay = replayCooperative(events, { coopId: 'alpha', until: { position: 60n } });
    const reached = replay.reached();
    expect(reached).toMatchObject({ events: 6, position: '60', streams: 1, heads: { 'cooperative-alpha': { revision: 5, hash: events[5].metadata.hash, position: '60' } } });
    expect(reached.digest).toMatch(/^[0-9a-f]{64}$/);
    const models = replay.readModels('2024-04-30');
    expect(models.capTable!.totals).toMatchObject({ shares: 24, capitalCents: 24000, paidUpCents: 21000 });
    expect(models.associates.map((a) => a.id)).toEqual(['ana', 'bob']);
    expect(models.movements.rows).toBe(3);
    expect(models.compliance!.status).toBeDefined();
    const live = liveOf(events);
    expect(replay.compareWith({ cooperatives: ledgerKnownAt(live.cooperatives, 'alpha', { position: 60n }), assemblies: live.assemblies })).toEqual({ matches: true });
  });

  it('names the first event where the live read model differs from the replay', () => {
    const events = history();
    const live = liveOf(events);
    live.cooperatives.coops.alpha.events[2] = { ...live.cooperatives.coops.alpha.events[2], data: { ...live.cooperatives.coops.alpha.events[2].data, shares: 11 } as never };
    const comparison = replayCooperative(events, { coopId: 'alpha' }).compareWith(live);
    expect(comparison).toEqual({ matches: false, firstDivergence: { readModel: 'cooperatives', streamId: 'cooperative-alpha', revision: 2, position: '30', eventId: 'ev-3', reason: 'differs' } });
  });

  it('says which events the live read model lacks', () => {
    const events = history();
    const live = liveOf(events.slice(0, 5));
    expect(replayCooperative(events, { coopId: 'alpha' }).compareWith(live).firstDivergence).toMatchObject({ revision: 5, position: '60', reason: 'missing_in_live' });
  });
});

describe('audit bundle', () => {
  const write = (events: RecordedEvent[]) => {
    const writer = new AuditBundleWriter();
    const replay = replayCooperative(events, { coopId: 'alpha' }).reached();
    const lines = [writer.manifest({ coopId: 'alpha', generatedAt: '2025-02-01T00:00:00.000Z', position: replay.position, streams: replay.streams, events: replay.events, heads: replay.heads, digest: replay.digest })];
    for (const e of events) lines.push(writer.event(e));
    lines.push(writer.end());
    return lines.join('');
  };
  const linesOf = (text: string) =>
    (async function* () {
      yield* text.split('\n');
    })();

  it('verifies a bundle as written: every hash, the chain, the digest, the counts', async () => {
    const text = write(history());
    const report = await verifyBundle(linesOf(text));
    expect(report).toMatchObject({ valid: true, coopId: 'alpha', events: 7, streams: 1, position: '70' });
    expect(report.digest).toBe(report.manifestDigest);
  });

  it('names the event whose data was edited by one byte', async () => {
    const text = write(history()).replace('"shares":4', '"shares":5');
    const report = await verifyBundle(linesOf(text), { reread: () => linesOf(text) });
    expect(report.valid).toBe(false);
    expect(report.firstBreak).toEqual({ streamId: 'cooperative-alpha', revision: 5, reason: 'hash_mismatch', line: 7, position: '60', eventId: 'ev-6', type: 'SharesSubscribed' });
  });

  it('catches an edited position, which no hash chain covers, by the file hash', async () => {
    const text = write(history()).replace('"position":"30"', '"position":"31"');
    const report = await verifyBundle(linesOf(text));
    expect(report).toMatchObject({ valid: false, problem: { reason: 'file_hash_mismatch' } });
    expect(report.firstBreak).toBeUndefined();
  });

  it('catches a bundle cut short and a deleted last event', async () => {
    const lines = write(history()).split('\n');
    const cut = await verifyBundle(linesOf(lines.slice(0, 7).join('\n')));
    expect(cut).toMatchObject({ valid: false, firstBreak: { reason: 'missing_tail', revision: 6 } });
    expect(cut.problem?.reason).toBe('no_end');
  });
});
