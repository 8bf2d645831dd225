import { CooperativeEvent, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { capTable } from './cap-table';
import { associatesAsOf } from './cooperative-queries';
import { cooperativeLedgerProjection, CooperativeLedgerState, EVENTS_PER_PART, partKey } from './cooperative-ledger.projection';
import { ASSOCIATES_PER_PART } from './ledger-folds';
import { partText } from './snapshot-store';

/**
 * What the first queries after a restart read of the snapshot (issue 13: the first query reads
 * what it needs, not the stream): a fold saved after the last event answers the first page of
 * the cap table and of the member register from its head and first part of associates; a fold
 * saved a few events behind the log is brought up to date from the last events part only.
 */
const COOP = 'c';
const TODAY = '2024-12-31';
const statuts = { name: 'C', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2020-01-01', shareValueCents: 100, colleges: [] } as unknown as Statuts;

function recorded(event: CooperativeEvent, position: number): RecordedEvent {
  const metadata = { eventId: `e${position}`, coopId: COOP, actor: { sub: 't', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2024-01-01T00:00:00.000Z', schemaVersion: 1, prevHash: '', hash: '' };
  return { streamId: `cooperative-${COOP}`, revision: BigInt(position - 1), position: BigInt(position), type: event.type, data: event.data as unknown as RecordedEvent['data'], metadata };
}

/** `associates` admitted, then subscriptions in turn to `count` events; every third associate withdrawn after their subscription. */
function story(count: number, associates = 50): RecordedEvent[] {
  const events: CooperativeEvent[] = [{ type: 'StatutsAdopted', data: { coopId: COOP, statuts, effectiveDate: '2020-01-01' } } as CooperativeEvent];
  for (let i = 0; i < associates; i++)
    events.push({ type: 'AssociateAdmitted', data: { associateId: `a${i}`, name: `A${i}`, personType: 'natural', category: 'beneficiary', collegeCode: null, effectiveDate: '2020-01-02' } });
  for (let i = 0; events.length < count; i++)
    events.push({ type: 'SharesSubscribed', data: { movementId: `m${i}`, associateId: `a${i % associates}`, shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2020-02-01' } });
  return events.map((event, i) => recorded(event, i + 1));
}

function folded(events: readonly RecordedEvent[], state = cooperativeLedgerProjection.init()): CooperativeLedgerState {
  for (const event of events) state = cooperativeLedgerProjection.apply(state, event);
  return state;
}

/** A snapshot as the engine keeps it: parts saved through JSON, each save writing over the parts it names. */
function snapshot() {
  const parts = cooperativeLedgerProjection.parts!;
  const saved = new Map<string, string>();
  let head = '';
  const reads: string[] = [];
  return {
    reads,
    save(state: CooperativeLedgerState): void {
      const split = parts.split(state);
      for (const [key, part] of split.parts) saved.set(key, partText(part));
      split.saved();
      head = JSON.stringify(split.head);
    },
    restart(): CooperativeLedgerState {
      reads.length = 0;
      return parts.join(JSON.parse(head), (key) => {
        reads.push(key);
        const body = saved.get(key);
        return body === undefined ? undefined : JSON.parse(body);
      });
    },
  };
}

describe('the first queries after a restart', () => {
  it('answer the first pages from the fold head and the first part of associates, as the whole fold would', () => {
    const events = story(2 * ASSOCIATES_PER_PART + 3000, ASSOCIATES_PER_PART + 100);
    const saved = snapshot();
    const live = folded(events.slice(0, -2));
    capTable(live, COOP, TODAY);
    folded(events.slice(-2), live); // after the last query: the save brings the fold in memory up to them
    saved.save(live);

    const restarted = saved.restart();
    const whole = folded(events);
    const first = capTable(restarted, COOP, TODAY, { limit: 100 });
    const members = associatesAsOf(restarted, COOP, { asOf: TODAY, limit: 100 });
    expect(saved.reads).toEqual([partKey(COOP, 'fold', 0), partKey(COOP, 'associates', 0), partKey(COOP, 'fold', 0), partKey(COOP, 'associates', 0)]);
    expect(first).toEqual(capTable(whole, COOP, TODAY, { limit: 100 }));
    expect(first?.next).toBe('a99');
    expect(members).toEqual(associatesAsOf(whole, COOP, { asOf: TODAY, limit: 100 }));
    // A page that runs past the first part reads the next; the page after a cursor folds them all, as before.
    expect(capTable(restarted, COOP, TODAY, { limit: ASSOCIATES_PER_PART + 50 })).toEqual(capTable(whole, COOP, TODAY, { limit: ASSOCIATES_PER_PART + 50 }));
    expect(capTable(restarted, COOP, TODAY, { limit: 100, after: 'a99' })).toEqual(capTable(whole, COOP, TODAY, { limit: 100, after: 'a99' }));
  });

  it('fold a fold part saved behind the log up to date from the last events part only', () => {
    const events = story(2 * EVENTS_PER_PART + 500);
    const saved = snapshot();
    const live = folded(events.slice(0, -3));
    capTable(live, COOP, TODAY); // the fold part is saved with what it covered then
    saved.save(live);
    // Three more events on a server restarted since, which no query folded: its fold part stays behind.
    const second = folded(events.slice(-3), saved.restart());
    saved.save(second);

    const restarted = saved.restart();
    const table = capTable(restarted, COOP, TODAY);
    expect(table).toEqual(capTable(folded(events), COOP, TODAY));
    expect(table?.totals.shares).toBe(events.length - 51);
    expect(saved.reads.filter((key) => key.includes('"events"'))).toEqual([partKey(COOP, 'events', 2)]);
  });
});
