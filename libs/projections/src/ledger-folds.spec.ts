import fc from 'fast-check';
import { CooperativeEvent, evolveAll, inEffectiveOrder, initialState, stateAsOf, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { cooperativeLedgerProjection, CooperativeLedgerState } from './cooperative-ledger.projection';
import { cooperativeStateAsOf, eventsAsOf, latestCooperativeState } from './ledger-folds';

const statuts = { name: 'Fold SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-01', shareValueCents: 100, colleges: [] } as unknown as Statuts;
const DATES = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01', '2024-05-01'];

/** A command-free story: admissions, subscriptions, redemptions and cancellations at random dates. */
const story = fc.array(
  fc.record({ kind: fc.constantFrom('admit', 'subscribe', 'redeem', 'cancel'), who: fc.nat(4), date: fc.constantFrom(...DATES), shares: fc.integer({ min: 1, max: 5 }), asOf: fc.constantFrom(...DATES, '2023-12-31') }),
  { maxLength: 40 },
);

function recorded(event: CooperativeEvent, position: number): RecordedEvent {
  const data = event.data as unknown as RecordedEvent['data'];
  const eventId = typeof data.movementId === 'string' && event.type !== 'CapitalMovementCancelled' ? data.movementId : `e${position}`;
  return {
    streamId: 'cooperative-fold',
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: event.type,
    data,
    metadata: { eventId, coopId: 'fold', actor: { sub: 't', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2024-06-01T00:00:00.000Z', schemaVersion: 1, prevHash: '', hash: '' },
  };
}

describe('as-of folds of the cooperative read model', () => {
  it('answer what stateAsOf answers over the whole stream, whatever the order of recording', () => {
    fc.assert(
      fc.property(story, (steps) => {
        let state: CooperativeLedgerState = cooperativeLedgerProjection.init();
        const stream: CooperativeEvent[] = [];
        const admitted = new Set<string>();
        const movements: Array<{ id: string; date: string; type: 'SharesSubscribed' | 'SharesRedeemed' }> = [];
        const record = (event: CooperativeEvent) => {
          stream.push(event);
          state = cooperativeLedgerProjection.apply(state, recorded(event, stream.length));
        };
        record({ type: 'StatutsAdopted', data: { coopId: 'fold', statuts, effectiveDate: '2024-01-01' } });
        for (const [i, step] of steps.entries()) {
          const associateId = `a${step.who}`;
          const id = `m${i}`;
          if (step.kind === 'admit' && !admitted.has(associateId)) {
            admitted.add(associateId);
            record({ type: 'AssociateAdmitted', data: { associateId, name: associateId, personType: 'natural', category: 'employee', collegeCode: null, effectiveDate: step.date } });
          } else if (step.kind === 'subscribe' && admitted.has(associateId)) {
            record({ type: 'SharesSubscribed', data: { movementId: id, associateId, shares: step.shares, amountCents: step.shares * 100, paidCents: step.shares * 100, effectiveDate: step.date } });
            movements.push({ id, date: step.date, type: 'SharesSubscribed' });
          } else if (step.kind === 'redeem' && admitted.has(associateId)) {
            record({ type: 'SharesRedeemed', data: { movementId: id, associateId, shares: 1, amountCents: 100, effectiveDate: step.date } });
            movements.push({ id, date: step.date, type: 'SharesRedeemed' });
          } else if (step.kind === 'cancel' && movements.length > 0) {
            const m = movements.splice(step.who % movements.length, 1)[0];
            record({ type: 'CapitalMovementCancelled', data: { movementId: m.id, cancelledType: m.type, reason: 'mistake', effectiveDate: m.date } });
          }
          const coop = state.coops.fold;
          expect(eventsAsOf(coop, step.asOf).map(({ type, data }) => ({ type, data }))).toEqual(inEffectiveOrder(stream).filter((e) => e.data.effectiveDate <= step.asOf));
          expect(cooperativeStateAsOf(coop, step.asOf)).toEqual(stateAsOf(stream, step.asOf));
        }
        // The decider's view: the stream in recording order.
        expect(latestCooperativeState(state.coops.fold)).toEqual(evolveAll(initialState(), stream));
      }),
      { numRuns: 200 },
    );
  });
});
