import { CooperativeCommand, CooperativeEvent, cooperativeDecider, FiscalYearEvent, StatutsInput } from '@ledger/domain';
import { RecordedEvent } from '@ledger/event-store/event-store.port';
import { cooperativeLedgerProjection, CooperativeLedgerState, fecBytes, fecDecode, fecFileName, fecText, imbalanceOf, journalOf, journalProjection, JournalState, Journal } from '@ledger/projections';
import { checkFec } from './support/fec-checker';

/*
 * The journal of docs/year-close.md ("Journal and FEC") on a SCIC whose 2024 has every kind of
 * capital event, then its 2024 result allocated at the AG of 2025-06-15 (interest to a natural
 * and a legal person), and a SCOP whose part travail is charged at 2024's end. Amounts are
 * worked by hand in the comments.
 */
const SHARE = 10_000; // 100.00 € a share

function recorded(streamId: string, event: { type: string; data: unknown }, position: number, recordedAt: string): RecordedEvent {
  return {
    streamId,
    revision: BigInt(position - 1),
    position: BigInt(position),
    type: event.type,
    data: event.data as RecordedEvent['data'],
    metadata: {
      eventId: event.type === 'CapitalMovementCancelled' ? `e${position}` : ((event.data as { movementId?: string }).movementId ?? `e${position}`),
      coopId: 'c',
      actor: { sub: 't', role: 'gerant' },
      correlationId: 'c',
      causationId: 'c',
      recordedAt,
      schemaVersion: 1,
      prevHash: '',
      hash: '',
    },
  };
}

/** A cooperative run through the real decider, its events and its fiscal-year events in one global log. */
class Books {
  ledger: CooperativeLedgerState = cooperativeLedgerProjection.init();
  journal: JournalState = journalProjection.init();
  private history = cooperativeDecider.initialState();
  private position = 0;
  constructor(readonly coopId: string) {}

  run(command: CooperativeCommand, recordedAt = '2024-06-01T10:00:00.000Z'): CooperativeEvent[] {
    const events = cooperativeDecider.decide(command, this.history) as CooperativeEvent[];
    for (const event of events) {
      this.history = cooperativeDecider.evolve(this.history, event);
      this.ledger = cooperativeLedgerProjection.apply(this.ledger, recorded(`cooperative-${this.coopId}`, event, ++this.position, recordedAt));
    }
    return events;
  }

  fiscal(year: number, event: FiscalYearEvent, recordedAt: string): void {
    this.journal = journalProjection.apply(this.journal, recorded(`fiscalyear-${this.coopId}.${year}`, event, ++this.position, recordedAt));
  }

  year(year: number): Journal {
    return journalOf(this.ledger, this.journal, this.coopId, year)!;
  }
}

const scic: StatutsInput = { name: 'Journal SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-15', shareValueCents: SHARE, siren: '732829320' } as StatutsInput;

function scicBooks(): Books {
  const books = new Books('jscic');
  books.run({ type: 'AdoptStatuts', coopId: 'jscic', statuts: scic });
  // ana: 10 shares paid in full (1,000.00 €); bea: 8 shares, 200.00 € paid of 800.00 €; coop-x a legal person, 20 shares.
  books.run({ type: 'AdmitAssociate', associateId: 'ana', name: 'Ana Lopez', personType: 'natural', category: 'employee', admittedOn: '2024-01-15', shares: 10, movementId: 'm-ana' } as CooperativeCommand);
  books.run({
    type: 'AdmitAssociate',
    associateId: 'bea',
    name: 'Béa Œuvre',
    personType: 'natural',
    category: 'beneficiary',
    admittedOn: '2024-01-15',
    shares: 8,
    paidCents: 20_000,
    movementId: 'm-bea',
  } as CooperativeCommand);
  books.run({ type: 'AdmitAssociate', associateId: 'coopx', name: 'Coop X', personType: 'legal', category: 'supporter', admittedOn: '2024-01-15', shares: 20, movementId: 'm-coopx' } as CooperativeCommand);
  books.run({ type: 'PayUpShares', associateId: 'bea', amountCents: 30_000, effectiveDate: '2024-03-01', movementId: 'm-pay' } as CooperativeCommand);
  // bea gives 4 shares to ana: nominal 400.00 €, of which paid pro rata 500/800 → 250.00 €, unpaid 150.00 €.
  books.run({ type: 'TransferShares', fromAssociateId: 'bea', toAssociateId: 'ana', shares: 4, effectiveDate: '2024-04-01', movementId: 'm-transfer' } as CooperativeCommand);
  books.run({ type: 'SubscribeShares', associateId: 'ana', shares: 100, effectiveDate: '2024-05-01', movementId: 'm-mistake' } as CooperativeCommand);
  books.run({ type: 'CancelCapitalMovement', movementId: 'm-mistake', reason: 'typed 100 for 10' } as CooperativeCommand, '2024-06-02T10:00:00.000Z');
  books.run({ type: 'WithdrawAssociate', associateId: 'coopx', reason: 'resignation', effectiveDate: '2024-09-30' } as CooperativeCommand);
  // coopx's 20 shares (2,000.00 € paid up) refunded 1,900.00 €: 100.00 € of losses absorbed.
  books.run({ type: 'RedeemShares', associateId: 'coopx', shares: 20, amountCents: 190_000, effectiveDate: '2024-10-31', movementId: 'm-redeem' } as CooperativeCommand, '2024-11-02T10:00:00.000Z');
  return books;
}

const lines = (journal: Journal, pieceRef: string) =>
  journal.entries
    .filter((e) => e.pieceRef === pieceRef)
    .map((e) => [e.journalCode, e.date, e.lines.map((l) => `${l.account}${l.auxiliary ? `/${l.auxiliary}` : ''} ${l.debitCents ? 'D' : 'C'} ${l.debitCents || l.creditCents}`)]);

describe('the journal of the capital events (PCG)', () => {
  const books = scicBooks();
  const year = books.year(2024);

  it('every entry balances, for every event type', () => {
    expect(year.entries.length).toBeGreaterThan(0);
    for (const entry of year.entries) expect([entry.number, entry.label, imbalanceOf(entry.lines)]).toEqual([entry.number, entry.label, 0]);
  });

  it('books a subscription partly paid as subscribed (called part, uncalled balance), then the money received', () => {
    // 800.00 € subscribed: 200.00 € called (4562/1012) and paid (512, 1012 → 1013); 600.00 € not called (109/1011).
    expect(lines(year, 'm-bea')).toEqual([
      ['OD', '2024-01-15', ['4562/bea D 20000', '109/bea D 60000', '1012/bea C 20000', '1011/bea C 60000']],
      ['BQ', '2024-01-15', ['512 D 20000', '4562/bea C 20000', '1012/bea D 20000', '1013/bea C 20000']],
    ]);
    // Paying up the balance calls and pays it at once.
    expect(lines(year, 'm-pay')).toEqual([['BQ', '2024-03-01', ['512 D 30000', '109/bea C 30000', '1011/bea D 30000', '1013/bea C 30000']]]);
  });

  it('books a transfer as capital moving between the two associates, the unpaid balance with it', () => {
    // bea had 500.00 € paid of 800.00 €: 4 shares carry 250.00 € paid, 150.00 € unpaid.
    expect(lines(year, 'm-transfer')).toEqual([['OD', '2024-04-01', ['1013/bea D 25000', '1013/ana C 25000', '1011/bea D 15000', '1011/ana C 15000', '109/ana D 15000', '109/bea C 15000']]]);
  });

  it('reverses every entry of a cancelled movement on its own date, numbered when the cancellation was recorded', () => {
    const mistake = year.entries.filter((e) => e.pieceRef === 'm-mistake');
    const reversal = year.entries.filter((e) => e.label.startsWith('Annulation : '));
    expect(reversal.map((e) => e.date)).toEqual(mistake.map((e) => e.date));
    expect(reversal.map((e) => e.lines.map((l) => [l.account, l.creditCents, l.debitCents]))).toEqual(mistake.map((e) => e.lines.map((l) => [l.account, l.debitCents, l.creditCents])));
    expect(reversal[0].validDate).toBe('2024-06-02');
  });

  it('books a redemption below the paid-up capital: what is owed back, the losses absorbed, then the refund paid', () => {
    expect(lines(year, 'm-redeem')).toEqual([
      ['OD', '2024-10-31', ['1013/coopx D 200000', '4567/coopx C 190000', '119 C 10000']],
      ['BQ', '2024-10-31', ['4567/coopx D 190000', '512 C 190000']],
    ]);
  });

  it('numbers the entries 1, 2, 3… across journals in the order of validation', () => {
    expect(year.entries.map((e) => e.number)).toEqual(year.entries.map((_, i) => i + 1));
    expect(new Set(year.entries.map((e) => e.journalCode))).toEqual(new Set(['OD', 'BQ']));
    expect(year).toMatchObject({ startsOn: '2024-01-15', endsOn: '2024-12-31' });
  });
});

/** The SCIC of docs/year-close.md, worked: 2024's result 10,000.00 €, AG on 2025-06-15, interest at 3.8025 %. */
function allocated(books: Books): void {
  books.fiscal(
    2024,
    {
      type: 'FiscalYearClosed',
      data: { coopId: 'jscic', year: 2024, legalForm: 'SCIC', startsOn: '2024-01-15', endsOn: '2024-12-31', closedOn: '2025-03-31', netResultCents: 1_000_000, subsidiesCents: 0, excludedGainsCents: 0 },
    },
    '2025-04-01T10:00:00.000Z',
  );
  const noReserves = { legalReserveCents: 0, statutoryReserveCents: 0, retainedEarningsCents: 0 };
  books.fiscal(
    2024,
    {
      type: 'SurplusAllocated',
      data: {
        year: 2024,
        resolution: { assemblyId: 'ag-2025', resolutionId: 'r2' },
        heldOn: '2025-06-15',
        base: { netResultCents: 1_000_000, priorLossesCents: 0, excludedGainsCents: 0, subsidiesCents: 0, distributableCents: 1_000_000 },
        // legal 1,500.00 + interest 228.15 + 45.63 + statutory 8,226.22 = 10,000.00 €
        legalReserveCents: 150_000,
        statutoryReserveCents: 822_622,
        workerShareCents: 0,
        shareInterestCents: 27_378,
        retainedEarningsCents: 0,
        shareInterestRate: '3.8025',
        capRate: { rate: '3.8025', from: 'tmo', years: [2022, 2023, 2024] },
        shareInterest: {
          mode: 'yearEnd',
          rows: [
            { associateId: 'ana', name: 'Ana Lopez', personType: 'natural', basisCents: 600_000, grossCents: 22_815 },
            { associateId: 'bea', name: 'Béa Œuvre', personType: 'natural', basisCents: 120_000, grossCents: 4_563 },
          ],
        },
        workerShare: [],
        figures: { capitalCents: 720_000, highestCapitalCents: 920_000, reservesBefore: noReserves, reservesAfter: { ...noReserves, legalReserveCents: 150_000, statutoryReserveCents: 822_622 } },
      },
    },
    '2025-06-16T10:00:00.000Z',
  );
}

describe('the journal of the fiscal-year events', () => {
  const books = scicBooks();
  allocated(books);

  it('dates the allocation of 2024 at the AG, so in the journal of 2025, and it balances', () => {
    expect(books.year(2024).entries.some((e) => e.label.startsWith('Affectation'))).toBe(false);
    const y2025 = books.year(2025);
    expect(lines(y2025, 'ag-2025/r2')).toEqual([
      ['OD', '2025-06-15', ['120 D 1000000', '1061 C 150000', '1063 C 822622', '457/ana C 22815', '457/bea C 4563']],
      // Interest put in payment (natural persons, paid in 2025: 12.8 % + 17.2 %): ana 228.15 € → 29.20 + 39.24 withheld; bea 45.63 € → 5.84 + 7.85.
      ['BQ', '2025-06-15', ['457/ana D 22815', '457/bea D 4563', '4423 C 8213', '512 C 19165']],
    ]);
    expect(y2025.entries.map((e) => e.number)).toEqual([1, 2]);
    for (const entry of y2025.entries) expect(imbalanceOf(entry.lines)).toBe(0);
  });

  it('books a loss against the statutory reserve and the report à nouveau débiteur', () => {
    const loss = new Books('jloss');
    loss.run({ type: 'AdoptStatuts', coopId: 'jloss', statuts: { ...scic, name: 'Loss SCIC' } });
    const figures = {
      capitalCents: 0,
      highestCapitalCents: 0,
      reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 300_000, retainedEarningsCents: 0 },
      reservesAfter: { legalReserveCents: 0, statutoryReserveCents: 0, retainedEarningsCents: -200_000 },
    };
    loss.fiscal(
      2024,
      {
        type: 'LossAllocated',
        data: {
          year: 2024,
          resolution: { assemblyId: 'ag', resolutionId: 'r1' },
          heldOn: '2025-05-20',
          lossCents: 500_000,
          loss: 'statutoryReserve',
          statutoryReserveCents: 300_000,
          retainedEarningsCents: 200_000,
          figures,
        },
      },
      '2025-05-21T08:00:00.000Z',
    );
    expect(lines(loss.year(2025), 'ag/r1')).toEqual([['OD', '2025-05-20', ['1063 D 300000', '119 D 200000', '129 C 500000']]]);
  });

  it('charges a SCOP part travail to the year it rewards, on its last day, one line per employee', () => {
    const scop = new Books('jscop');
    scop.run({ type: 'AdoptStatuts', coopId: 'jscop', statuts: { ...scic, name: 'Journal SCOP', legalForm: 'SCOP', companyForm: 'SARL' } });
    const reserves = { legalReserveCents: 0, statutoryReserveCents: 0, retainedEarningsCents: 0 };
    // Net result before the part travail 12,000.00 €: part travail 2,500.00 €, the result booked 9,500.00 € = legal 1,000 + fund 7,500.
    scop.fiscal(
      2024,
      {
        type: 'SurplusAllocated',
        data: {
          year: 2024,
          resolution: { assemblyId: 'ag', resolutionId: 'r1' },
          heldOn: '2025-06-01',
          base: { netResultCents: 1_200_000, priorLossesCents: 0, excludedGainsCents: 0, subsidiesCents: 0, distributableCents: 1_200_000 },
          legalReserveCents: 100_000,
          statutoryReserveCents: 750_000,
          workerShareCents: 250_000,
          shareInterestCents: 0,
          retainedEarningsCents: 0,
          shareInterestRate: null,
          capRate: null,
          shareInterest: { mode: 'yearEnd', rows: [] },
          workerShare: [
            { employeeId: 'e1', name: 'Emma', amountCents: 150_000 },
            { employeeId: 'e2', name: 'Eli', amountCents: 100_000 },
          ],
          figures: { capitalCents: 0, highestCapitalCents: 0, reservesBefore: reserves, reservesAfter: reserves },
        },
      },
      '2025-06-02T08:00:00.000Z',
    );
    expect(lines(scop.year(2024), 'ag/r1')).toEqual([['OD', '2024-12-31', ['691 D 250000', '4284/S-e1 C 150000', '4284/S-e2 C 100000']]]);
    expect(lines(scop.year(2025), 'ag/r1')).toEqual([['OD', '2025-06-01', ['120 D 950000', '1061 C 100000', '1063 C 750000']]]);
  });
});

describe('the FEC of a year', () => {
  const books = scicBooks();
  allocated(books);

  it('passes the checker, year after year, named after the SIREN and the fiscal year’s end', () => {
    for (const y of [2024, 2025]) {
      const journal = books.year(y);
      const bytes = fecBytes(fecText(journal));
      const report = checkFec(fecDecode(bytes), { startsOn: journal.startsOn, endsOn: journal.endsOn, fileName: fecFileName('732829320', journal.endsOn) });
      expect(report.problems).toEqual([]);
      expect(report.entries).toBe(journal.entries.length);
      expect(report.totalDebitCents).toBeGreaterThan(0);
    }
  });

  it('is written in ISO 8859-15: Œ and é are one byte each and read back', () => {
    const text = fecText(books.year(2024));
    const bytes = fecBytes(text);
    expect(bytes.includes(Buffer.from([0xbc]))).toBe(true); // Œ
    expect(fecDecode(bytes)).toBe(text);
    expect(fecDecode(fecBytes('Dvořák € Łukasz'))).toBe('Dvorák € ?ukasz');
  });

  it('writes amounts with a decimal comma and dates AAAAMMJJ', () => {
    const row = fecText(books.year(2024))
      .split('\r\n')
      .find((l) => l.includes('\t4567\t'))!
      .split('\t');
    expect([row[0], row[3], row[4], row[6], row[7], row[11], row[12]]).toEqual(['OD', '20241031', '4567', 'coopx', 'Coop X', '0,00', '1900,00']);
  });
});
