import { Category, CooperativeCommand, CooperativeEvent, cooperativeDecider, StatutsInput } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { capTable, capTableCsv, capTableCsvChunks } from './cap-table';
import { InvalidCursorError } from './cooperative-queries';
import { complianceAsOf } from './compliance-queries';
import { cooperativeLedgerProjection, CooperativeLedgerState } from './cooperative-ledger.projection';

const AS_OF = '2024-12-31';

/** A cooperative whose associates each subscribe `shares` at admission, run through the real decider; `then` records more acts on it. */
function ledgerOf(statuts: StatutsInput, holders: Array<{ id: string; category: Category; shares: number }>, then: CooperativeCommand[] = []): CooperativeLedgerState {
  return cooperative(statuts, holders).run(...then).state;
}

function cooperative(statuts: StatutsInput, holders: Array<{ id: string; category: Category; shares: number }>) {
  let history = cooperativeDecider.initialState();
  const ledger = { state: cooperativeLedgerProjection.init(), run };
  let position = 0;
  function run(...commands: CooperativeCommand[]) {
    for (const command of commands) {
      for (const event of cooperativeDecider.decide(command, history) as CooperativeEvent[]) {
        history = cooperativeDecider.evolve(history, event);
        position += 1;
        ledger.state = cooperativeLedgerProjection.apply(ledger.state, recorded(event, position));
      }
    }
    return ledger;
  }
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
  return ledger;
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

describe('cap table pages', () => {
  const CATEGORIES_CYCLE = ['employee', 'beneficiary', 'supporter', 'volunteer', 'producer'] as const;
  const holders = Array.from({ length: 23 }, (_, i) => ({ id: `h${String(i).padStart(2, '0')}`, category: CATEGORIES_CYCLE[i % 5], shares: 1 + ((i * 7) % 11) }));
  const state = ledgerOf(scic, holders);

  function pagesOf(limit: number) {
    const pages = [];
    let after: string | undefined;
    do {
      const page = capTable(state, 'split', AS_OF, { after, limit })!;
      pages.push(page);
      after = page.next ?? undefined;
    } while (after !== undefined);
    return pages;
  }

  it.each([1, 5, 7, 22, 23, 1000])('makes the whole table’s rows, each with its capitalBp, when its pages of %i are put end to end', (limit) => {
    const whole = capTable(state, 'split', AS_OF)!;
    const pages = pagesOf(limit);
    expect(pages.flatMap((page) => page.rows)).toEqual(whole.rows);
    expect(pages).toHaveLength(Math.ceil(23 / limit));
    for (const page of pages) expect({ totals: page.totals, byCategory: page.byCategory, byCollege: page.byCollege }).toEqual({ totals: whole.totals, byCategory: whole.byCategory, byCollege: whole.byCollege });
    expect(sum(whole.rows.map((r) => r.capitalBp))).toBe(10000);
    expect(whole.next).toBeNull();
  });

  it('names the last row of a page as the next cursor, and none after the last row, even on an exactly full page', () => {
    const first = capTable(state, 'split', AS_OF, { limit: 10 })!;
    expect(first.rows.map((r) => r.associateId)).toEqual(holders.slice(0, 10).map((h) => h.id));
    expect(first.next).toBe('h09');
    expect(capTable(state, 'split', AS_OF, { after: 'h12', limit: 10 })!.next).toBeNull();
    expect(capTable(state, 'split', AS_OF, { after: 'h22', limit: 10 })!.rows).toEqual([]);
    expect(capTable(state, 'split', AS_OF, { after: 'h20' })!.rows.map((r) => r.associateId)).toEqual(['h21', 'h22']);
  });

  it('refuses a cursor naming no associate admitted by asOf', () => {
    expect(() => capTable(state, 'split', AS_OF, { after: 'nobody', limit: 5 })).toThrow(InvalidCursorError);
    expect(() => capTable(state, 'split', '2024-01-31', { after: 'h01', limit: 5 })).toThrow(InvalidCursorError);
  });

  it('goes on after a cursor whose associate no longer holds a share, at the next holder admitted', () => {
    const moved = ledgerOf(scic, holders, [
      { type: 'WithdrawAssociate', associateId: 'h03', reason: 'resignation', effectiveDate: '2024-05-01' },
      { type: 'RedeemShares', associateId: 'h03', shares: holders[3].shares, amountCents: holders[3].shares * scic.shareValueCents, effectiveDate: '2024-05-02', movementId: 'm-h03-out' },
    ]);
    const whole = capTable(moved, 'split', AS_OF)!;
    expect(whole.rows.map((r) => r.associateId)).not.toContain('h03');
    expect(capTable(moved, 'split', AS_OF, { after: 'h03', limit: 2 })!.rows.map((r) => r.associateId)).toEqual(['h04', 'h05']);
    expect(capTable(moved, 'split', '2024-04-30', { after: 'h03', limit: 1 })!.rows.map((r) => r.associateId)).toEqual(['h04']);
  });

  it('splits once per fold: a second page slices the rows the first one split, and a new act splits them again', () => {
    const ledger = cooperative(scic, holders);
    const first = capTable(ledger.state, 'split', AS_OF, { limit: 5 })!;
    const second = capTable(ledger.state, 'split', AS_OF, { after: first.next!, limit: 5 })!;
    const whole = capTable(ledger.state, 'split', AS_OF)!;
    expect(first.rows[0]).toBe(whole.rows[0]);
    expect(second.rows[0]).toBe(whole.rows[5]);
    expect(second.totals).toBe(whole.totals);

    ledger.run({ type: 'SubscribeShares', associateId: 'h00', shares: 100, effectiveDate: '2024-06-01', movementId: 'm-h00-more' });
    const after = capTable(ledger.state, 'split', AS_OF, { limit: 5 })!;
    expect(after.rows[0]).not.toBe(whole.rows[0]);
    expect(after.rows[0].shares).toBe(holders[0].shares + 100);
    expect(after.rows[0].capitalBp).toBeGreaterThan(whole.rows[0].capitalBp);
    expect(sum(capTable(ledger.state, 'split', AS_OF)!.rows.map((r) => r.capitalBp))).toBe(10000);
  });

  it.each(['rfc4180', 'fr'] as const)('writes the CSV a chunk at a time with the bytes of the whole CSV (%s)', (dialect) => {
    const whole = capTable(state, 'split', AS_OF)!;
    expect([...capTableCsvChunks(whole, dialect)].join('')).toBe(capTableCsv(whole, dialect));
  });
});
