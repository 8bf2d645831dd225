import { checkFec, FEC_HEADER, FecProblem } from './support/fec-checker';

const YEAR = { startsOn: '2024-01-01', endsOn: '2024-12-31' };
const HEADER = FEC_HEADER.join('\t');

/** One FEC line from the fields that matter here; the rest as a plain capital entry has them. */
function line(num: number, account: string, debit: string, credit: string, over: Partial<Record<(typeof FEC_HEADER)[number], string>> = {}): string {
  const fields: Record<string, string> = {
    JournalCode: 'BQ',
    JournalLib: 'Banque',
    EcritureNum: String(num),
    EcritureDate: '20240301',
    CompteNum: account,
    CompteLib: `Compte ${account}`,
    CompAuxNum: '',
    CompAuxLib: '',
    PieceRef: `m-${num}`,
    PieceDate: '20240301',
    EcritureLib: 'Versement sur souscription - Ana',
    Debit: debit,
    Credit: credit,
    EcritureLet: '',
    DateLet: '',
    ValidDate: '20240302',
    Montantdevise: '',
    Idevise: '',
    ...over,
  };
  return FEC_HEADER.map((name) => fields[name]).join('\t');
}

const GOOD = [
  HEADER,
  line(1, '512', '500,00', '0,00'),
  line(1, '1013', '0,00', '500,00', { CompAuxNum: 'ana', CompAuxLib: 'Ana' }),
  line(2, '4567', '120,5', '0,00', { JournalCode: 'OD', JournalLib: 'Opérations diverses', EcritureDate: '20241231' }),
  line(2, '512', '0,00', '120,50', { JournalCode: 'OD', JournalLib: 'Opérations diverses', EcritureDate: '20241231' }),
].join('\r\n');

const problemsOf = (content: string, fileName?: string): FecProblem[] => checkFec(content, { ...YEAR, fileName }).problems;
const replaceLine = (n: number, text: string) =>
  GOOD.split('\r\n')
    .map((l, i) => (i === n ? text : l))
    .join('\r\n');

describe('the FEC checker (LPF art. A47 A-1, field by field)', () => {
  it('accepts a good file: its entries, lines and totals', () => {
    expect(checkFec(GOOD + '\r\n', { ...YEAR, fileName: '732829320FEC20241231.txt' })).toEqual({ problems: [], lines: 4, entries: 2, totalDebitCents: 62050, totalCreditCents: 62050 });
    // A pipe is the other separator the norm allows; LF line ends too.
    expect(problemsOf(GOOD.replace(/\t/g, '|').replace(/\r\n/g, '\n'))).toEqual([]);
  });

  it('refuses a header that is not the 18 names in order', () => {
    expect(problemsOf(GOOD.replace('EcritureDate\tCompteNum', 'CompteNum\tEcritureDate'))).toEqual([expect.objectContaining({ line: 1, message: expect.stringMatching(/header/) })]);
    expect(problemsOf(GOOD.replace('\tIdevise', ''))[0]).toMatchObject({ line: 1 });
  });

  it('refuses a line that has not 18 fields', () => {
    expect(problemsOf(replaceLine(1, line(1, '512', '500,00', '0,00') + '\textra'))).toContainEqual({ line: 2, field: undefined, message: '19 fields instead of 18' });
  });

  it('refuses an empty mandatory field, and an optional pair half filled', () => {
    expect(problemsOf(replaceLine(1, line(1, '512', '500,00', '0,00', { PieceRef: '' })))).toContainEqual(expect.objectContaining({ line: 2, field: 'PieceRef' }));
    expect(problemsOf(replaceLine(1, line(1, '512', '500,00', '0,00', { EcritureLib: ' ' })))).toContainEqual(expect.objectContaining({ line: 2, field: 'EcritureLib' }));
    expect(problemsOf(replaceLine(2, line(1, '1013', '0,00', '500,00', { CompAuxNum: 'ana' })))).toContainEqual(expect.objectContaining({ line: 3, field: 'CompAuxLib' }));
  });

  it('refuses a date that does not exist, is not AAAAMMJJ, or falls outside the fiscal year', () => {
    const on = (date: string) => replaceLine(1, line(1, '512', '500,00', '0,00', { EcritureDate: date })).replace(/\t20240301\t1013/, `\t${date}\t1013`);
    expect(problemsOf(on('20240230'))).toContainEqual(expect.objectContaining({ field: 'EcritureDate', message: expect.stringMatching(/no date/) }));
    expect(problemsOf(on('2024-03-01'))).toContainEqual(expect.objectContaining({ field: 'EcritureDate', message: expect.stringMatching(/no date/) }));
    expect(problemsOf(on('20250101'))).toContainEqual(expect.objectContaining({ field: 'EcritureDate', message: expect.stringMatching(/outside the fiscal year/) }));
    expect(problemsOf(replaceLine(1, line(1, '512', '500,00', '0,00', { ValidDate: '20241301' })))).toContainEqual(expect.objectContaining({ field: 'ValidDate' }));
  });

  it('refuses amounts with a point, a sign, a thousands separator or three decimals, and a line both debit and credit', () => {
    for (const amount of ['500.00', '-500,00', '1 500,00', '500,001', '']) {
      expect(problemsOf(replaceLine(1, line(1, '512', amount, '0,00')))).toContainEqual(expect.objectContaining({ line: 2, field: 'Debit' }));
    }
    expect(problemsOf(replaceLine(1, line(1, '512', '500,00', '1,00')))).toContainEqual(expect.objectContaining({ message: 'a line is a debit or a credit, not both' }));
  });

  it('refuses an entry that does not balance, and says the file does not balance either', () => {
    const problems = problemsOf(replaceLine(1, line(1, '512', '500,01', '0,00')));
    expect(problems).toContainEqual({ line: 2, field: undefined, message: 'entry 1 does not balance: debit 500.01, credit 500.00' });
    expect(problems).toContainEqual({ line: 0, field: undefined, message: 'the file does not balance: debit 620.51, credit 620.50' });
  });

  it('refuses entry numbers that skip, repeat or come back, and an entry split across journals or dates', () => {
    const renumbered = GOOD.replace(/\t2\t/g, '\t3\t');
    expect(problemsOf(renumbered)).toContainEqual(expect.objectContaining({ line: 4, field: 'EcritureNum', message: 'entry number 3 breaks the sequence: 2 expected' }));
    const rows = GOOD.split('\r\n');
    expect(problemsOf([rows[0], rows[1], rows[3], rows[2], rows[4]].join('\r\n'))).toContainEqual(expect.objectContaining({ field: 'EcritureNum', message: expect.stringMatching(/appears again/) }));
    expect(problemsOf(replaceLine(2, line(1, '1013', '0,00', '500,00', { CompAuxNum: 'ana', CompAuxLib: 'Ana', JournalCode: 'OD' })))).toContainEqual(expect.objectContaining({ field: 'JournalCode' }));
  });

  it('refuses numbers out of the order of validation', () => {
    const validated = (on: string) => ({ ValidDate: on });
    const rows = GOOD.split('\r\n');
    const late = [rows[0], line(1, '512', '500,00', '0,00', validated('20240303')), line(1, '1013', '0,00', '500,00', validated('20240303')), rows[3], rows[4]].join('\r\n');
    expect(problemsOf(late)).toEqual([{ line: 4, field: 'ValidDate', message: 'validated on 20240302, before the entry numbered before it (20240303): numbers follow the order of validation' }]);
  });

  it('refuses an account outside the classes of the PCG', () => {
    expect(problemsOf(replaceLine(1, line(1, '9512', '500,00', '0,00')))).toContainEqual(expect.objectContaining({ field: 'CompteNum' }));
  });

  it('refuses a file name that is not <SIREN>FEC<closing date>.txt', () => {
    expect(problemsOf(GOOD, '732829320FEC20240630.txt')).toContainEqual(expect.objectContaining({ line: 0, message: expect.stringMatching(/ends on 20241231/) }));
    expect(problemsOf(GOOD, '732829321FEC20241231.txt')).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/Luhn/) }));
    expect(problemsOf(GOOD, 'FEC20241231.txt')).toHaveLength(1);
  });
});
