import fc from 'fast-check';
import { CooperativeEvent, Statuts } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { CapitalMovementRow, capitalMovementRow, capitalMovements, capitalMovementsCsv, capitalMovementsCsvOf, capitalMovementsExport, capitalMovementsPage } from './capital-movements';
import { referenceRegister } from './capital-movements.fixtures';
import { cooperativeLedgerProjection, CooperativeLedgerState, LedgerEvent } from './cooperative-ledger.projection';
import { StoredTextEvent } from './lazy-event-data';
import { InvalidCursorError } from './cooperative-queries';

const row: CapitalMovementRow = {
  number: 7,
  movementId: 'c-1',
  type: 'CapitalMovementCancelled',
  effectiveDate: '2024-04-01',
  recordedAt: '2024-07-01T08:00:00.000Z',
  associateId: 'ana',
  toAssociateId: null,
  shares: 10,
  amountCents: 50000,
  paidCents: 50000,
  cancelled: false,
  cancels: 'm-1',
  reason: 'line one\r\nline "two", and three',
};

describe('the capital movements register as CSV (RFC 4180)', () => {
  it('has a header line, CRLF line ends, names beside ids, and empty fields for what a row does not have', () => {
    const csv = capitalMovementsCsv([{ ...row, reason: 'plain' }], (id) => (id === 'ana' ? 'Ana Lopez' : null));
    expect(csv).toBe(
      'number,movementId,type,effectiveDate,recordedAt,associateId,associateName,toAssociateId,toAssociateName,shares,amountCents,paidCents,cancelled,cancelledBy,cancels,reason\r\n' +
        '7,c-1,CapitalMovementCancelled,2024-04-01,2024-07-01T08:00:00.000Z,ana,Ana Lopez,,,10,50000,50000,false,,m-1,plain\r\n',
    );
  });

  it('in the French dialect: a BOM, `;` between fields, euros with a decimal comma under …Eur headers', () => {
    const csv = capitalMovementsCsv([{ ...row, toAssociateId: 'bob', amountCents: 123456, paidCents: 5, reason: 'a; b' }], (id) => (id === 'ana' ? 'Ana' : 'Bob'), 'fr');
    const [header, line] = csv.split('\r\n');
    expect(header).toBe('\uFEFFnumber;movementId;type;effectiveDate;recordedAt;associateId;associateName;toAssociateId;toAssociateName;shares;amountEur;paidEur;cancelled;cancelledBy;cancels;reason');
    expect(line).toBe('7;c-1;CapitalMovementCancelled;2024-04-01;2024-07-01T08:00:00.000Z;ana;Ana;bob;Bob;10;1234,56;0,05;false;;m-1;"a; b"');
  });

  it('keeps a text a spreadsheet would run as a formula from running: a leading quote', () => {
    const csv = capitalMovementsCsv([{ ...row, reason: '=HYPERLINK("http://x")' }], () => '@SUM(A1)');
    expect(csv.split('\r\n')[1]).toBe(`7,c-1,CapitalMovementCancelled,2024-04-01,2024-07-01T08:00:00.000Z,ana,'@SUM(A1),,,10,50000,50000,false,,m-1,"'=HYPERLINK(""http://x"")"`);
  });

  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(capitalMovementsCsv([row])).toContain(',m-1,"line one\r\nline ""two"", and three"\r\n');
  });

  it('is a header alone for an empty register', () => {
    expect(capitalMovementsCsv([]).split('\r\n')).toEqual([expect.stringMatching(/^number,/), '']);
  });
});

describe('the capital movements register kept beside the read model', () => {
  const statuts = { name: 'Register SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-01', shareValueCents: 100, colleges: [] } as unknown as Statuts;
  const DATES = ['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'];
  const story = fc.array(
    fc.record({
      kind: fc.constantFrom('subscribe', 'transfer', 'redeem', 'cancel', 'read'),
      who: fc.nat(3),
      date: fc.constantFrom(...DATES),
      limit: fc.integer({ min: 1, max: 4 }),
      from: fc.constantFrom(undefined, ...DATES),
    }),
    { maxLength: 30 },
  );

  function recorded(event: CooperativeEvent, position: number): RecordedEvent {
    const data = event.data as unknown as RecordedEvent['data'];
    const eventId = typeof data.movementId === 'string' && event.type !== 'CapitalMovementCancelled' ? data.movementId : `e${position}`;
    return {
      streamId: 'cooperative-reg',
      revision: BigInt(position - 1),
      position: BigInt(position),
      type: event.type,
      data,
      metadata: {
        eventId,
        coopId: 'reg',
        actor: { sub: 't', role: 'gerant' },
        correlationId: 'c',
        causationId: 'c',
        recordedAt: `2024-06-01T00:00:${String(position % 60).padStart(2, '0')}.000Z`,
        schemaVersion: 1,
        prevHash: '',
        hash: '',
      },
    };
  }

  /** The same stream in a read model of its own: nothing kept, the register computed from scratch. */
  function fresh(stream: CooperativeEvent[]): CooperativeLedgerState {
    return stream.reduce((state, event, i) => cooperativeLedgerProjection.apply(state, recorded(event, i + 1)), cooperativeLedgerProjection.init());
  }

  it('is extended as events arrive, answers (as JSON pages or CSV) what a fresh computation and the former whole-stream register answer, and never changes a page already handed out', () => {
    fc.assert(
      fc.property(story, (steps) => {
        let state: CooperativeLedgerState = cooperativeLedgerProjection.init();
        const stream: CooperativeEvent[] = [];
        const record = (event: CooperativeEvent) => {
          stream.push(event);
          state = cooperativeLedgerProjection.apply(state, recorded(event, stream.length));
        };
        record({ type: 'StatutsAdopted', data: { coopId: 'reg', statuts, effectiveDate: '2024-01-01' } });
        for (const id of ['a0', 'a1', 'a2', 'a3']) {
          record({ type: 'AssociateAdmitted', data: { associateId: id, name: id, personType: 'natural', category: 'employee', collegeCode: null, effectiveDate: '2024-01-01' } });
        }
        const standing: Array<{ id: string; date: string; type: 'SharesSubscribed' | 'SharesTransferred' | 'SharesRedeemed' }> = [];
        const handedOut: Array<{ rows: CapitalMovementRow[]; json: string }> = [];
        for (const [i, step] of steps.entries()) {
          const id = `m${i}`;
          const who = `a${step.who}`;
          if (step.kind === 'subscribe') {
            record({ type: 'SharesSubscribed', data: { movementId: id, associateId: who, shares: 4, amountCents: 400, paidCents: 100, effectiveDate: step.date } });
            standing.push({ id, date: step.date, type: 'SharesSubscribed' });
          } else if (step.kind === 'transfer') {
            record({ type: 'SharesTransferred', data: { movementId: id, fromAssociateId: who, toAssociateId: `a${(step.who + 1) % 4}`, shares: 1, amountCents: 100, paidCents: 25, effectiveDate: step.date } });
            standing.push({ id, date: step.date, type: 'SharesTransferred' });
          } else if (step.kind === 'redeem') {
            record({ type: 'SharesRedeemed', data: { movementId: id, associateId: who, shares: 1, amountCents: 100, effectiveDate: step.date } });
            standing.push({ id, date: step.date, type: 'SharesRedeemed' });
          } else if (step.kind === 'cancel' && standing.length > 0) {
            const m = standing.splice(step.who % standing.length, 1)[0];
            record({ type: 'CapitalMovementCancelled', data: { movementId: m.id, cancelledType: m.type, reason: 'mistake', effectiveDate: m.date } });
          }
          const rows = capitalMovements(state, 'reg')!;
          expect(rows).toEqual(capitalMovements(fresh(stream), 'reg'));
          expect(rows).toEqual(referenceRegister(state.coops.reg).rows);
          const nameOf = (id: string) => id;
          expect(capitalMovementsCsvOf(state, 'reg')).toBe(capitalMovementsCsv(rows, nameOf));
          expect(capitalMovementsCsvOf(state, 'reg', {}, 'fr')).toBe(capitalMovementsCsv(rows, nameOf, 'fr'));
          expect(capitalMovementsCsvOf(state, 'reg', { from: step.from })).toBe(capitalMovementsCsv(capitalMovements(state, 'reg', { from: step.from })!, nameOf));
          if (step.kind === 'read') handedOut.push({ rows, json: JSON.stringify(rows) });
          for (const page of handedOut) expect(JSON.stringify(page.rows)).toBe(page.json);

          // Page after page, the register filtered by the range, in order; `next` is the last number given.
          const whole = capitalMovements(state, 'reg', { from: step.from })!;
          const paged: CapitalMovementRow[] = [];
          let after: number | undefined;
          for (;;) {
            const page = capitalMovementsPage(state, 'reg', { from: step.from, after, limit: step.limit })!;
            expect(page.items.length).toBeLessThanOrEqual(step.limit);
            paged.push(...page.items);
            if (page.next === null) break;
            expect(page.next).toBe(page.items[page.items.length - 1].number);
            after = page.next;
          }
          expect(paged).toEqual(whole);
          expect(() => capitalMovementsPage(state, 'reg', { after: rows.length + 1, limit: 1 })).toThrow(InvalidCursorError);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('the capital movements register over events whose data is still the stored text', () => {
  it('answers pages, exports and rows by id without keeping any event parsed in the read model', () => {
    const kept = (position: number, eventId: string, type: string, data: object) => new StoredTextEvent(String(position), position - 1, eventId, '2024-06-01T00:00:00.000Z', type, JSON.stringify(data)) as LedgerEvent;
    const events = [
      kept(1, 'e1', 'AssociateAdmitted', { associateId: 'ana', name: 'Ana', personType: 'natural', category: 'employee', collegeCode: null, effectiveDate: '2024-01-01' }),
      kept(2, 'm1', 'SharesSubscribed', { movementId: 'm1', associateId: 'ana', shares: 4, amountCents: 400, paidCents: 400, effectiveDate: '2024-01-01' }),
      kept(3, 'm2', 'SharesRedeemed', { movementId: 'm2', associateId: 'ana', shares: 1, amountCents: 100, nominalCents: 100, paidCents: 100, effectiveDate: '2024-02-01' }),
      kept(4, 'c1', 'CapitalMovementCancelled', { movementId: 'm2', cancelledType: 'SharesRedeemed', reason: 'mistake', effectiveDate: '2024-02-01' }),
    ];
    const state: CooperativeLedgerState = { coops: { lazy: { coopId: 'lazy', revision: 3, events } }, coopOrder: ['lazy'] };
    expect(capitalMovementsPage(state, 'lazy', { after: 1, limit: 1 })!.items).toMatchObject([{ movementId: 'm2', cancelled: true, cancelledBy: 'c1', paidCents: 100 }]);
    expect([...capitalMovementsExport(state, 'lazy', { format: 'ndjson' })!].join('').split('\n')).toHaveLength(4);
    expect(capitalMovementsCsvOf(state, 'lazy')).toContain(',ana,Ana,');
    expect(capitalMovementRow(state, 'lazy', 'c1')).toMatchObject({ cancels: 'm2', associateId: 'ana', shares: 1 });
    expect(events.map((event) => Object.getOwnPropertyDescriptor(event, 'data')?.get !== undefined)).toEqual([true, true, true, true]);
  });
});
