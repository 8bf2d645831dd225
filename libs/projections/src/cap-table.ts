import { CooperativeLedger, CooperativeLedgerState, ledgerEventCount } from './cooperative-ledger.projection';
import { InvalidCursorError } from './cooperative-queries';
import { csvChunks, CsvColumn, CsvDialect, toCsv } from './csv';
import { capTableRow, CapTable, CapTableRow, tableOfFold, WholeTable } from './cap-table-split';
import { cooperativeStateAsOf, savedFoldAsOf } from './ledger-folds';
import { ownEntry } from './own-entry';

export type { CapTable, CapTableRow } from './cap-table-split';

/** Which rows to answer: those after the holder `after` (in admission order), at most `limit`; all of them by default. */
export interface CapTablePage {
  after?: string;
  limit?: number;
}

/**
 * Who holds the capital on `asOf`. Rows cover every holder, a withdrawn associate whose shares
 * await redemption included: their capital is still the cooperative's until it is repaid.
 * `associates` counts active associates only, the ones with a vote. `…Bp` figures are for
 * display only (no rule is decided on them), and each column of them — `byCategory`, `rows` —
 * is a split of the whole capital that adds up to exactly 10000 (largest remainder).
 *
 * One figure, one rounding: a category's share that a legal check also shows is rounded as the
 * compliance report rounds it (libs/domain/src/cooperative/compliance-checks.ts, unit 'bp'),
 * toward the side of its threshold that keeps the verdict readable — public bodies' capital
 * (SCIC-PUBLIC-CAPITAL-50, at most 50 %) up, employees' capital (SCOP-CAP-51, at least 51 %)
 * down — and the other categories share what is left of the 10000. So 5/11 held by public
 * bodies reads 45.46 % on the cap table as on /compliance, never 45.45 % on one and 45.46 % on
 * the other.
 *
 * `page` cuts the rows (admission order, which never changes) and leaves totals, byCategory
 * and byCollege whole; a row's capitalBp is the same on its page as in the whole table. A cursor
 * naming no associate admitted by `asOf` is an InvalidCursorError. The rows and figures are
 * shared with the next call on the same fold: do not mutate them.
 */
export function capTable(state: CooperativeLedgerState, coopId: string, asOf: string, page: CapTablePage = {}): CapTable | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const first = page.after === undefined && page.limit !== undefined ? firstPageOfSavedFold(coop, asOf, page.limit) : undefined;
  if (first) return first;
  const whole = wholeTableOf(coop, asOf);
  const { rows, next } = pageOf(whole, page);
  return { asOf, totals: whole.totals, byCategory: whole.byCategory, byCollege: whole.byCollege, rows, next };
}

function wholeTableOf(coop: CooperativeLedger, asOf: string): WholeTable {
  return tableOfFold(cooperativeStateAsOf(coop, asOf), ledgerEventCount(coop));
}

/**
 * The first page from the snapshot's fold, when it is the cooperative as of `asOf` (savedFoldAsOf):
 * the summary saved with it and the first part of associates, with the capitalBp the whole
 * table gave each. After a restart over 100,000 associates this reads one part of 4,096 instead
 * of folding them all and splitting the capital among them.
 */
function firstPageOfSavedFold(coop: CooperativeLedger, asOf: string, limit: number): CapTable | undefined {
  const saved = savedFoldAsOf(coop, asOf);
  if (!saved) return undefined;
  const wanted = Math.max(1, Math.floor(limit));
  const rows: CapTableRow[] = [];
  for (const { associate, capitalBp } of saved.associates()) {
    if (associate.shares > 0) rows.push(capTableRow(associate, capitalBp));
    // Stopped here, not at the next pull: that could read the next part for nothing.
    if (rows.length === wanted) break;
  }
  const { totals, byCategory, byCollege, holders } = saved.table;
  return { asOf, totals, byCategory, byCollege, rows, next: rows.length < holders ? rows[rows.length - 1].associateId : null };
}

function pageOf(whole: WholeTable, page: CapTablePage): { rows: readonly CapTableRow[]; next: string | null } {
  const start = page.after === undefined ? 0 : rowAfter(whole, page.after);
  const end = page.limit === undefined ? whole.rows.length : Math.min(whole.rows.length, start + Math.max(1, Math.floor(page.limit)));
  const rows = start === 0 && end === whole.rows.length ? whole.rows : whole.rows.slice(start, end);
  if (end === whole.rows.length) return { rows, next: null };
  const next = whole.rows[end - 1].associateId;
  if (whole.handedOut.size >= HANDED_OUT_KEPT) whole.handedOut.clear();
  whole.handedOut.set(next, end);
  return { rows, next };
}

/** Cursors remembered per table: a thousand clients paging at once, then they are found by the whole index. */
const HANDED_OUT_KEPT = 1000;

/**
 * Where the page after `associateId` starts. A cursor may name an associate who holds no share
 * now (they redeemed everything between two pages): the page then starts at the next holder
 * admitted after them, so paging never skips nor repeats a row.
 */
function rowAfter(whole: WholeTable, associateId: string): number {
  const handedOut = whole.handedOut.get(associateId);
  if (handedOut !== undefined) return handedOut;
  if (!whole.cursors) {
    const cursors = new Map<string, number>();
    let next = 0;
    for (const id of whole.order) {
      if (next < whole.rows.length && whole.rows[next].associateId === id) next++;
      cursors.set(id, next);
    }
    whole.cursors = cursors;
  }
  const start = whole.cursors.get(associateId);
  if (start === undefined) throw new InvalidCursorError(associateId);
  return start;
}

const CAP_TABLE_COLUMNS: ReadonlyArray<CsvColumn<CapTableRow>> = [
  { name: 'associateId', kind: 'text', value: (row) => row.associateId },
  { name: 'name', kind: 'text', value: (row) => row.name },
  { name: 'category', kind: 'text', value: (row) => row.category },
  { name: 'collegeCode', kind: 'text', value: (row) => row.collegeCode },
  { name: 'status', kind: 'text', value: (row) => row.status },
  { name: 'shares', kind: 'number', value: (row) => row.shares },
  { name: 'capitalCents', kind: 'cents', value: (row) => row.capitalCents },
  { name: 'paidUpCents', kind: 'cents', value: (row) => row.paidUpCents },
  { name: 'capitalBp', kind: 'bp', value: (row) => row.capitalBp },
];

/** The cap table's rows (one per holder, as in the JSON) as CSV; the totals are the spreadsheet's to sum. */
export function capTableCsv(table: CapTable, dialect: CsvDialect = 'rfc4180'): string {
  return toCsv(CAP_TABLE_COLUMNS, table.rows, dialect);
}

/** `capTableCsv` a thousand rows at a time, for an answer written as it is made; the rows are the table's, which no later event changes. */
export function capTableCsvChunks(table: CapTable, dialect: CsvDialect = 'rfc4180'): Iterable<string> {
  return csvChunks(CAP_TABLE_COLUMNS, table.rows, dialect);
}
