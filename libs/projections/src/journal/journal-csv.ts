import { CsvColumn, CsvDialect, toCsv } from '../csv';
import { JournalLine } from './entries';
import { Journal, JournalEntry } from './journal';

type Row = { entry: JournalEntry; line: JournalLine };

const COLUMNS: ReadonlyArray<CsvColumn<Row>> = [
  { name: 'number', kind: 'number', value: (r) => r.entry.number },
  { name: 'journalCode', kind: 'text', value: (r) => r.entry.journalCode },
  { name: 'journalLabel', kind: 'text', value: (r) => r.entry.journalLabel },
  { name: 'date', kind: 'text', value: (r) => r.entry.date },
  { name: 'pieceRef', kind: 'text', value: (r) => r.entry.pieceRef },
  { name: 'pieceDate', kind: 'text', value: (r) => r.entry.pieceDate },
  { name: 'label', kind: 'text', value: (r) => r.entry.label },
  { name: 'account', kind: 'text', value: (r) => r.line.account },
  { name: 'accountLabel', kind: 'text', value: (r) => r.line.accountLabel },
  { name: 'auxiliary', kind: 'text', value: (r) => r.line.auxiliary },
  { name: 'auxiliaryLabel', kind: 'text', value: (r) => r.line.auxiliaryLabel },
  { name: 'debitCents', kind: 'cents', value: (r) => r.line.debitCents },
  { name: 'creditCents', kind: 'cents', value: (r) => r.line.creditCents },
  { name: 'validDate', kind: 'text', value: (r) => r.entry.validDate },
];

/** The journal as CSV, one row per line of an entry, each account and auxiliary account with its name beside it. */
export function journalCsv(journal: Journal, dialect: CsvDialect = 'rfc4180'): string {
  function* rows(): Generator<Row> {
    for (const entry of journal.entries) for (const line of entry.lines) yield { entry, line };
  }
  return toCsv(COLUMNS, rows(), dialect);
}
