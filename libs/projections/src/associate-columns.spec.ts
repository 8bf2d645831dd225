import { CooperativeCommand, CooperativeEvent, cooperativeDecider, StatutsInput } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { AssociateColumns, associateColumns, associatesFromColumns } from './associate-columns';
import { capTable } from './cap-table';
import { associatesAsOf } from './cooperative-queries';
import { cooperativeLedgerProjection, CooperativeLedgerState } from './cooperative-ledger.projection';
import { cooperativeStateAsOf } from './ledger-folds';
import { partText } from './snapshot-store';

const TODAY = '2030-01-01';
const statuts: StatutsInput = { name: 'Columns SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-15', shareValueCents: 100 };

/** A cooperative with every kind of associate field: a cooperative society, withdrawals (ranked), a collège-less associate. */
function liveLedger(): CooperativeLedgerState {
  let history = cooperativeDecider.initialState();
  let state = cooperativeLedgerProjection.init();
  let position = 0;
  const run = (command: CooperativeCommand) => {
    for (const event of cooperativeDecider.decide(command, history) as CooperativeEvent[]) {
      history = cooperativeDecider.evolve(history, event);
      position += 1;
      state = cooperativeLedgerProjection.apply(state, recorded(event, position));
    }
  };
  run({ type: 'AdoptStatuts', coopId: 'cols', statuts });
  const admit = (id: string, extra: Partial<Extract<CooperativeCommand, { type: 'AdmitAssociate' }>> = {}) =>
    run({ type: 'AdmitAssociate', associateId: id, name: `Associé ${id}`, personType: 'natural', category: 'supporter', admittedOn: '2024-02-01', shares: 3, movementId: `m-${id}`, ...extra });
  admit('ana', { category: 'employee' });
  admit('coop', { personType: 'legal', cooperativeSociety: true, shares: 5 });
  admit('constructor', { category: 'beneficiary' });
  admit('dora');
  admit('eli');
  run({ type: 'WithdrawAssociate', associateId: 'dora', reason: 'resignation', effectiveDate: '2024-05-01' });
  run({ type: 'WithdrawAssociate', associateId: 'eli', reason: 'death', effectiveDate: '2024-05-01' });
  run({ type: 'RedeemShares', associateId: 'eli', shares: 3, amountCents: 300, effectiveDate: '2024-06-01', movementId: 'm-eli-out' });
  return state;
}

function recorded(event: CooperativeEvent, position: number): RecordedEvent {
  return {
    streamId: 'cooperative-cols',
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: event.type,
    data: event.data as unknown as RecordedEvent['data'],
    metadata: { eventId: `e${position}`, coopId: 'cols', actor: { sub: 't', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2024-06-01T00:00:00.000Z', schemaVersion: 1, prevHash: '', hash: '' },
  };
}

/** The projection's snapshot as the engine saves it (every part through JSON), read back as at a restart. */
function restarted(live: CooperativeLedgerState, rewrite: (key: string, part: unknown) => unknown = (_key, part) => part): CooperativeLedgerState {
  const parts = cooperativeLedgerProjection.parts!;
  const split = parts.split(live);
  const saved = new Map(split.parts.map(([key, part]) => [key, partText(rewrite(key, part))]));
  return parts.join(JSON.parse(JSON.stringify(split.head)), (key) => {
    const body = saved.get(key);
    return body === undefined ? undefined : JSON.parse(body);
  });
}

describe('the associates of a saved fold, as columns', () => {
  it('come back as the fold had them, optional fields present only where they were', () => {
    const live = cooperativeStateAsOf(liveLedger().coops.cols, TODAY);
    const { associates, order } = associatesFromColumns(JSON.parse(JSON.stringify(associateColumns(live.associateOrder, live.associates))));
    expect(order).toEqual(['ana', 'coop', 'constructor', 'dora', 'eli']);
    for (const id of order) expect(associates[id]).toStrictEqual(live.associates[id]);
    expect(associates.coop.cooperativeSociety).toBe(true);
    expect('cooperativeSociety' in associates.ana).toBe(false);
    expect([associates.dora.withdrawalRank, associates.eli.withdrawalRank]).toEqual([live.associates.dora.withdrawalRank, live.associates.eli.withdrawalRank]);
    expect('withdrawalRank' in associates.ana).toBe(false);
    expect(Object.getPrototypeOf(associates)).toBeNull();
  });

  it('are what a restart reads: the fold head keeps the table, a part the associates as columns, and the cap table and member register answer as before', () => {
    const live = liveLedger();
    const table = capTable(live, 'cols', TODAY);
    const members = associatesAsOf(live, 'cols', { asOf: TODAY, limit: 10 });
    const saved = new Map<string, { associates?: unknown; table?: unknown; state?: { associates?: unknown }; id?: unknown; capitalBp?: unknown }>();
    const again = restarted(live, (key, part) => {
      saved.set(key, part as never);
      return part;
    });
    const head = saved.get(JSON.stringify(['cols', 'fold', 0]));
    expect(head?.associates).toBe(5);
    expect(head?.table).toEqual({ totals: table!.totals, byCategory: table!.byCategory, byCollege: table!.byCollege, holders: table!.rows.length });
    expect(head?.state?.associates).toBeUndefined();
    const part = saved.get(JSON.stringify(['cols', 'associates', 0]));
    expect(part?.id).toEqual(['ana', 'coop', 'constructor', 'dora', 'eli']);
    // eli redeemed everything: no row, so no share of the capital.
    expect(part?.capitalBp).toEqual([...table!.rows.map((row) => row.capitalBp), 0]);
    const restored = cooperativeStateAsOf(again.coops.cols, TODAY);
    // Read from the fold part, which keeps no movements: not folded again from the events.
    expect(restored.movementOrder.length).toBe(0);
    const whole = cooperativeStateAsOf(live.coops.cols, TODAY);
    expect({ ...restored, movements: undefined, movementOrder: undefined }).toEqual({ ...whole, movements: undefined, movementOrder: undefined });
    expect(capTable(again, 'cols', TODAY)).toEqual(table);
    expect(associatesAsOf(again, 'cols', { asOf: TODAY, limit: 10 })).toEqual(members);
  });

  it.each([
    ['as columns in the fold part', (columns: AssociateColumns) => ({ associates: columns })],
    [
      'as objects in its state',
      (columns: AssociateColumns) => {
        const objects = associatesFromColumns(columns);
        return { state: { associates: objects.associates, associateOrder: objects.order } };
      },
    ],
  ])('leave a fold part saved before the parts of associates readable: associates %s', (_form, formOf) => {
    const live = liveLedger();
    const table = capTable(live, 'cols', TODAY);
    const members = associatesAsOf(live, 'cols', { asOf: TODAY, limit: 2 });
    const fold = cooperativeStateAsOf(live.coops.cols, TODAY);
    const again = restarted(live, (key, saved) => {
      if (key.includes('"associates"')) return undefined;
      if (key !== JSON.stringify(['cols', 'fold', 0])) return saved;
      const { covered, lastDate, state } = saved as { covered: number; lastDate: string; state: object };
      const form = formOf(associateColumns(fold.associateOrder, fold.associates));
      return 'associates' in form ? { covered, lastDate, state, associates: form.associates } : { covered, lastDate, state: { ...state, ...form.state } };
    });
    expect(associatesAsOf(again, 'cols', { asOf: TODAY, limit: 2 })).toEqual(members);
    expect(capTable(again, 'cols', TODAY, { limit: 2 })).toEqual({ ...table, rows: table!.rows.slice(0, 2), next: 'coop' });
    expect(capTable(again, 'cols', TODAY)).toEqual(table);
    const restored = cooperativeStateAsOf(again.coops.cols, TODAY);
    expect(restored.movementOrder.length).toBe(0);
    expect(restored.associates.constructor.name).toBe('Associé constructor');
  });
});
