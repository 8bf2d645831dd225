import { Category, CooperativeCommand, CooperativeEvent, cooperativeDecider, StatutsInput } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { capTable } from './cap-table';
import { complianceAsOf } from './compliance-queries';
import { cooperativeLedgerProjection, CooperativeLedgerState } from './cooperative-ledger.projection';

const AS_OF = '2024-12-31';

/** A cooperative whose associates each subscribe `shares` at admission, run through the real decider. */
function ledgerOf(statuts: StatutsInput, holders: Array<{ id: string; category: Category; shares: number }>): CooperativeLedgerState {
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
  run({ type: 'AdoptStatuts', coopId: 'split', statuts });
  for (const h of holders) {
    run({
      type: 'AdmitAssociate',
      associateId: h.id,
      name: h.id,
      personType: h.category === 'public_body' ? 'legal' : 'natural',
      category: h.category,
      admittedOn: '2024-02-01',
      shares: h.shares,
      movementId: `m-${h.id}`,
    });
  }
  return state;
}

function recorded(event: CooperativeEvent, position: number): RecordedEvent {
  return {
    streamId: 'cooperative-split',
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: event.type,
    data: event.data as unknown as RecordedEvent['data'],
    metadata: { eventId: `e${position}`, coopId: 'split', actor: { sub: 't', role: 'gerant' }, correlationId: 'c', causationId: 'c', recordedAt: '2024-06-01T00:00:00.000Z', schemaVersion: 1, prevHash: '', hash: '' },
  };
}

const scic: StatutsInput = { name: 'Split SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-15', shareValueCents: 100 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('cap table percentages', () => {
  it('splits capital held in three equal thirds into 3334 + 3333 + 3333 bp, by category and by row: each column sums to exactly 10000', () => {
    const state = ledgerOf(scic, [
      { id: 'a', category: 'employee', shares: 1 },
      { id: 'b', category: 'beneficiary', shares: 1 },
      { id: 'c', category: 'supporter', shares: 1 },
    ]);
    const table = capTable(state, 'split', AS_OF)!;
    expect(table.rows.map((r) => r.capitalBp)).toEqual([3334, 3333, 3333]);
    expect(table.byCategory.map((c) => c.capitalBp)).toEqual([3334, 3333, 3333]);
  });

  it('sums each column to 10000 for an uneven split of seven holders', () => {
    const state = ledgerOf(
      scic,
      [1, 2, 3, 5, 7, 11, 13].map((shares, i) => ({ id: `h${i}`, category: (['employee', 'beneficiary', 'supporter', 'volunteer'] as const)[i % 4], shares })),
    );
    const table = capTable(state, 'split', AS_OF)!;
    expect(sum(table.rows.map((r) => r.capitalBp))).toBe(10000);
    expect(sum(table.byCategory.map((c) => c.capitalBp))).toBe(10000);
  });

  it('shows public bodies holding 5/11 of the capital as 4546 bp on the cap table as on /compliance (SCIC-PUBLIC-CAPITAL-50)', () => {
    const state = ledgerOf(scic, [
      { id: 'worker', category: 'employee', shares: 6 },
      { id: 'town', category: 'public_body', shares: 5 },
    ]);
    const table = capTable(state, 'split', AS_OF)!;
    const check = complianceAsOf(state, 'split', AS_OF)!.checks.find((c) => c.rule === 'SCIC-PUBLIC-CAPITAL-50')!;
    const publicBodies = table.byCategory.find((c) => c.category === 'public_body')!;
    expect(check.value).toBe(4546);
    expect(publicBodies.capitalBp).toBe(check.value);
    expect(sum(table.byCategory.map((c) => c.capitalBp))).toBe(10000);
  });

  it('shows employees holding 2/3 of a SCOP’s capital as the same bp on the cap table as on /compliance (SCOP-CAP-51)', () => {
    const state = ledgerOf({ ...scic, name: 'Split SCOP', legalForm: 'SCOP' }, [
      { id: 'w1', category: 'employee', shares: 1 },
      { id: 'w2', category: 'employee', shares: 1 },
      { id: 'friend', category: 'supporter', shares: 1 },
    ]);
    const table = capTable(state, 'split', AS_OF)!;
    const check = complianceAsOf(state, 'split', AS_OF)!.checks.find((c) => c.rule === 'SCOP-CAP-51')!;
    expect(check.value).toBe(6666);
    expect(table.byCategory.find((c) => c.category === 'employee')!.capitalBp).toBe(check.value);
    expect(sum(table.byCategory.map((c) => c.capitalBp))).toBe(10000);
  });

  it('gives every figure 0 before any capital is subscribed', () => {
    const table = capTable(ledgerOf(scic, []), 'split', AS_OF)!;
    expect(table.byCategory).toEqual([]);
    expect(table.rows).toEqual([]);
  });
});
