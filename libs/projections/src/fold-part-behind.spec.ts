import { CooperativeEvent, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { capTable } from './cap-table';
import { cooperativeLedgerProjection, CooperativeLedgerState, EVENTS_PER_PART, partKey } from './cooperative-ledger.projection';

/**
 * A fold part saved a few events behind the log (the snapshot saved after a command that no
 * query folded): the first cap table after a restart folds those events from the last part,
 * and reads no other events part (issue 13: the first query reads what it needs, not the stream).
 */
const COOP = 'c';
const statuts = { name: 'C', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2020-01-01', shareValueCents: 100, colleges: [] } as unknown as Statuts;

function recorded(event: CooperativeEvent, position: number): RecordedEvent {
  const metadata = { eventId: `e${position}`, coopId: COOP, actor: { sub: 't', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2024-01-01T00:00:00.000Z', schemaVersion: 1, prevHash: '', hash: '' };
  return { streamId: `cooperative-${COOP}`, revision: BigInt(position - 1), position: BigInt(position), type: event.type, data: event.data as unknown as RecordedEvent['data'], metadata };
}

function story(count: number): RecordedEvent[] {
  const events: CooperativeEvent[] = [{ type: 'StatutsAdopted', data: { coopId: COOP, statuts, effectiveDate: '2020-01-01' } } as CooperativeEvent];
  for (let i = 0; i < 50; i++) events.push({ type: 'AssociateAdmitted', data: { associateId: `a${i}`, name: `A${i}`, personType: 'natural', category: 'beneficiary', collegeCode: null, effectiveDate: '2020-01-02' } });
  for (let i = 0; events.length < count; i++) events.push({ type: 'SharesSubscribed', data: { movementId: `m${i}`, associateId: `a${i % 50}`, shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2020-02-01' } });
  return events.map((event, i) => recorded(event, i + 1));
}

function folded(events: readonly RecordedEvent[]): CooperativeLedgerState {
  let state = cooperativeLedgerProjection.init();
  for (const event of events) state = cooperativeLedgerProjection.apply(state, event);
  return state;
}

describe('a fold part saved behind the log', () => {
  it('is brought up to date from the last events part only, and answers as a fold of the whole stream', () => {
    const events = story(2 * EVENTS_PER_PART + 500);
    const parts = cooperativeLedgerProjection.parts!;
    const saved = new Map<string, string>();
    const save = (state: CooperativeLedgerState) => {
      const split = parts.split(state);
      for (const [key, part] of split.parts) saved.set(key, JSON.stringify(part));
      split.saved();
      return JSON.stringify(split.head);
    };
    const live = folded(events.slice(0, -3));
    capTable(live, COOP, '2024-12-31'); // the fold part is saved with what it covered then
    save(live);
    for (const event of events.slice(-3)) cooperativeLedgerProjection.apply(live, event);
    const head = save(live); // three more events, no query: the fold part stays three events behind

    const reads: string[] = [];
    const restarted = parts.join(JSON.parse(head), (key) => {
      reads.push(key);
      const body = saved.get(key);
      return body === undefined ? undefined : JSON.parse(body);
    });
    const table = capTable(restarted, COOP, '2024-12-31');
    expect(table).toEqual(capTable(folded(events), COOP, '2024-12-31'));
    expect(table?.totals.shares).toBe(events.length - 51);
    expect(reads.filter((key) => key.includes('"events"'))).toEqual([partKey(COOP, 'events', 2)]);
  });
});
