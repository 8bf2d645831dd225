/**
 * A fichier des écritures comptables read back field by field, as the administration's test
 * tool (Test Compta Demat) reads one against LPF art. A47 A-1: the header's 18 names in order,
 * 18 fields on every line, no mandatory field empty, the optional pairs filled together, dates
 * AAAAMMJJ that exist and, for EcritureDate, fall within the fiscal year, amounts with a decimal
 * comma and no thousands separator, each entry balanced and on one journal and date, the file
 * balanced in total, EcritureNum continuous (1, 2, 3…) in the order of validation. It knows
 * nothing of how the ledger writes the file: a FEC is judged only by what it holds.
 */
export const FEC_HEADER = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

type Field = (typeof FEC_HEADER)[number];

const MANDATORY: readonly Field[] = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'ValidDate'];
/** Filled together or not at all. */
const PAIRS: ReadonlyArray<readonly [Field, Field]> = [
  ['CompAuxNum', 'CompAuxLib'],
  ['EcritureLet', 'DateLet'],
  ['Montantdevise', 'Idevise'],
];
const DATES: readonly Field[] = ['EcritureDate', 'PieceDate', 'DateLet', 'ValidDate'];
const AMOUNT = /^\d+(,\d{1,2})?$/;

export interface FecProblem {
  /** 1-based line of the file (1: the header); 0 for the file as a whole. */
  line: number;
  field?: Field;
  message: string;
}

export interface FecReport {
  problems: FecProblem[];
  lines: number;
  entries: number;
  totalDebitCents: number;
  totalCreditCents: number;
}

export interface FecExpectations {
  /** The fiscal year, inclusive, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  /** When given: must be `<siren>FEC<AAAAMMJJ of endsOn>.txt` with a valid SIREN. */
  fileName?: string;
}

export function checkFec(content: string, expected: FecExpectations): FecReport {
  const problems: FecProblem[] = [];
  const report = (line: number, message: string, field?: Field) => problems.push({ line, field, message });
  if (expected.fileName !== undefined) checkFileName(expected.fileName, expected.endsOn, report);

  const rows = content.split(/\r?\n/);
  if (rows[rows.length - 1] === '') rows.pop();
  if (rows.length === 0) {
    report(0, 'the file is empty');
    return { problems, lines: 0, entries: 0, totalDebitCents: 0, totalCreditCents: 0 };
  }
  const separator = rows[0].includes('\t') ? '\t' : '|';
  const header = rows[0].split(separator);
  if (header.join('\u0000') !== FEC_HEADER.join('\u0000')) report(1, `the header must be the 18 field names in order, separated by a tab or a pipe; found ${JSON.stringify(header)}`);

  const start = compact(expected.startsOn);
  const end = compact(expected.endsOn);
  let totalDebit = 0;
  let totalCredit = 0;
  let entries = 0;
  let current: { num: string; firstLine: number; journal: string; date: string; debit: number; credit: number } | undefined;
  const seen = new Set<string>();
  let previousValid = '';
  const closeEntry = () => {
    if (current && current.debit !== current.credit) report(current.firstLine, `entry ${current.num} does not balance: debit ${euros(current.debit)}, credit ${euros(current.credit)}`);
  };

  for (let i = 1; i < rows.length; i++) {
    const line = i + 1;
    const cells = rows[i].split(separator);
    if (cells.length !== 18) {
      report(line, `${cells.length} fields instead of 18`);
      continue;
    }
    const value = (field: Field) => cells[FEC_HEADER.indexOf(field)];
    for (const field of MANDATORY) if (value(field).trim() === '') report(line, 'is empty: the field is mandatory', field);
    for (const [a, b] of PAIRS) if ((value(a).trim() === '') !== (value(b).trim() === '')) report(line, `${a} and ${b} are filled together or not at all`, value(a).trim() === '' ? a : b);
    for (const field of DATES) if (value(field) !== '' && !isDate(value(field))) report(line, `"${value(field)}" is no date AAAAMMJJ`, field);
    const date = value('EcritureDate');
    if (isDate(date) && (date < start || date > end)) report(line, `${date} is outside the fiscal year ${start}–${end}`, 'EcritureDate');
    if (value('CompteNum') !== '' && !/^[1-8][0-9A-Za-z]*$/.test(value('CompteNum'))) report(line, `"${value('CompteNum')}" is no account of the PCG's classes 1 to 8`, 'CompteNum');
    const cents: Partial<Record<Field, number>> = {};
    for (const field of ['Debit', 'Credit'] as const) {
      if (!AMOUNT.test(value(field))) report(line, `"${value(field)}" is no amount: digits, a decimal comma, at most 2 decimals, no sign, no thousands separator`, field);
      else cents[field] = toCents(value(field));
    }
    if (value('Montantdevise') !== '' && !/^-?\d+(,\d+)?$/.test(value('Montantdevise'))) report(line, `"${value('Montantdevise')}" is no amount`, 'Montantdevise');
    if (cents.Debit !== undefined && cents.Credit !== undefined && cents.Debit > 0 && cents.Credit > 0) report(line, 'a line is a debit or a credit, not both', 'Debit');

    const num = value('EcritureNum');
    if (current?.num !== num) {
      closeEntry();
      if (seen.has(num)) report(line, `entry ${num} appears again after other entries: an entry's lines follow one another`, 'EcritureNum');
      else if (String(entries + 1) !== num) report(line, `entry number ${num} breaks the sequence: ${entries + 1} expected`, 'EcritureNum');
      seen.add(num);
      entries++;
      current = { num, firstLine: line, journal: value('JournalCode'), date, debit: 0, credit: 0 };
      const valid = value('ValidDate');
      if (isDate(valid) && valid < previousValid) report(line, `validated on ${valid}, before the entry numbered before it (${previousValid}): numbers follow the order of validation`, 'ValidDate');
      if (isDate(valid)) previousValid = valid;
    } else {
      if (value('JournalCode') !== current.journal) report(line, `entry ${num} changes journal (${current.journal} → ${value('JournalCode')})`, 'JournalCode');
      if (date !== current.date) report(line, `entry ${num} changes date (${current.date} → ${date})`, 'EcritureDate');
    }
    current.debit += cents.Debit ?? 0;
    current.credit += cents.Credit ?? 0;
    totalDebit += cents.Debit ?? 0;
    totalCredit += cents.Credit ?? 0;
  }
  closeEntry();
  if (totalDebit !== totalCredit) report(0, `the file does not balance: debit ${euros(totalDebit)}, credit ${euros(totalCredit)}`);
  return { problems, lines: rows.length - 1, entries, totalDebitCents: totalDebit, totalCreditCents: totalCredit };
}

function checkFileName(name: string, endsOn: string, report: (line: number, message: string) => void): void {
  const match = /^(\d{9})FEC(\d{8})\.txt$/.exec(name);
  if (!match) return report(0, `the file name "${name}" is not <SIREN>FEC<AAAAMMJJ>.txt`);
  if (!luhn(match[1])) report(0, `${match[1]} is no SIREN (its Luhn key is wrong)`);
  if (match[2] !== compact(endsOn)) report(0, `the file name is dated ${match[2]}, the fiscal year ends on ${compact(endsOn)}`);
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function isDate(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const [y, m, d] = [Number(value.slice(0, 4)), Number(value.slice(4, 6)), Number(value.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function compact(date: string): string {
  return date.replace(/-/g, '');
}

function toCents(amount: string): number {
  const [units, decimals = ''] = amount.split(',');
  return Number(units) * 100 + Number(decimals.padEnd(2, '0'));
}

function euros(cents: number): string {
  return (cents / 100).toFixed(2);
}
