import { AssociateState, bpCeil, bpFloor, CATEGORIES, Category, CooperativeState, largestRemainderBp } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState, ledgerEventCount } from './cooperative-ledger.projection';
import { InvalidCursorError } from './cooperative-queries';
import { csvChunks, CsvColumn, CsvDialect, toCsv } from './csv';
import { cooperativeStateAsOf } from './ledger-folds';
import { ownEntry } from './own-entry';

export interface CapTable {
  asOf: string;
  totals: { associates: number; shares: number; capitalCents: number; paidUpCents: number };
  byCategory: Array<{ category: Category; associates: number; shares: number; capitalCents: number; capitalBp: number }>;
  byCollege: Array<{ code: string; weightBp: number; associates: number; shares: number; capitalCents: number }>;
  rows: readonly CapTableRow[];
  /** The `after` of the next page: the associateId of this page's last row; null when no row follows. */
  next: string | null;
}

export interface CapTableRow {
  associateId: string;
  name: string;
  category: Category;
  collegeCode: string | null;
  status: AssociateState['status'];
  shares: number;
  capitalCents: number;
  paidUpCents: number;
  capitalBp: number;
}

/** Which rows to answer: those after the holder `after` (in admission order), at most `limit`; all of them by default. */
export interface CapTablePage {
  after?: string;
  limit?: number;
}

/** The cap table of one fold, its rows split once: what every page of it shares. */
interface WholeTable {
  /** Events the cooperative had recorded when it was made: the fold has not moved while they are all. */
  covered: number;
  totals: CapTable['totals'];
  byCategory: CapTable['byCategory'];
  byCollege: CapTable['byCollege'];
  rows: readonly CapTableRow[];
  /** Associate id → index of the first row after it in admission order; made when a cursor not handed out asks. */
  cursors?: Map<string, number>;
  /** The `next` cursors this table handed out, with where their page starts: paging in order never builds `cursors`. */
  handedOut: Map<string, number>;
  order: Iterable<string>;
}

/**
 * Beside the fold, as ledger-folds.ts keeps its caches: the capitalBp of a row is a split over
 * all the rows (largest remainder), so a page can only be cut from the whole table, and the
 * second page of 100,000 holders costs a slice, not a second split.
 */
const wholeTables = new WeakMap<CooperativeState, WholeTable>();

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
  const whole = wholeTableOf(coop, asOf);
  const { rows, next } = pageOf(whole, page);
  return { asOf, totals: whole.totals, byCategory: whole.byCategory, byCollege: whole.byCollege, rows, next };
}

function wholeTableOf(coop: CooperativeLedger, asOf: string): WholeTable {
  const folded = cooperativeStateAsOf(coop, asOf);
  const covered = ledgerEventCount(coop);
  const cached = wholeTables.get(folded);
  if (cached && cached.covered === covered) return cached;
  const table = { ...splitTable(folded), covered, handedOut: new Map<string, number>() };
  wholeTables.set(folded, table);
  return table;
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

function splitTable(folded: CooperativeState): Omit<WholeTable, 'covered' | 'handedOut'> {
  const total = folded.totals.capitalCents;
  const categories = new Map<Category, { associates: number; shares: number; capitalCents: number }>();
  const colleges = new Map((folded.statuts?.colleges ?? []).map((c) => [c.code, { code: c.code, weightBp: c.weightBp, associates: 0, shares: 0, capitalCents: 0 }]));
  const rows: CapTableRow[] = [];
  let associates = 0;
  for (const id of folded.associateOrder) {
    const a = folded.associates[id];
    const active = a.status === 'active' ? 1 : 0;
    associates += active;
    if (!active && a.shares === 0) continue;
    const category = categories.get(a.category) ?? { associates: 0, shares: 0, capitalCents: 0 };
    categories.set(a.category, category);
    category.associates += active;
    category.shares += a.shares;
    category.capitalCents += a.subscribedCents;
    const college = a.collegeCode === null ? undefined : colleges.get(a.collegeCode);
    if (college) {
      college.associates += active;
      college.shares += a.shares;
      college.capitalCents += a.subscribedCents;
    }
    if (a.shares > 0) {
      rows.push({
        associateId: a.id,
        name: a.name,
        category: a.category,
        collegeCode: a.collegeCode,
        status: a.status,
        shares: a.shares,
        capitalCents: a.subscribedCents,
        paidUpCents: a.paidUpCents,
        capitalBp: 0,
      });
    }
  }
  largestRemainderBp(rows.map((r) => r.capitalCents)).forEach((bp, i) => (rows[i].capitalBp = bp));
  const present = CATEGORIES.filter((c) => categories.has(c));
  const categoryBp = largestRemainderBp(
    present.map((c) => categories.get(c)!.capitalCents),
    new Map(
      present.flatMap((c, i): Array<[number, number]> => {
        const cents = categories.get(c)!.capitalCents;
        if (c === 'public_body') return [[i, bpCeil(cents, total)]];
        // SCOP-CAP-51 counts active employees only: the same figure when every employee holder is active.
        if (c === 'employee' && folded.statuts?.legalForm === 'SCOP' && employeesAllActive(folded.associateOrder.map((id) => folded.associates[id]))) return [[i, bpFloor(cents, total)]];
        return [];
      }),
    ),
  );
  return {
    totals: {
      associates,
      shares: folded.totals.shares,
      capitalCents: total,
      paidUpCents: folded.totals.paidUpCents,
    },
    byCategory: present.map((c, i) => ({ category: c, ...categories.get(c)!, capitalBp: categoryBp[i] })),
    byCollege: [...colleges.values()],
    rows,
    order: folded.associateOrder,
  };
}

/** No withdrawn employee still holds shares: the employee category is what SCOP-CAP-51 measures. */
function employeesAllActive(associates: readonly AssociateState[]): boolean {
  return associates.every((a) => a.category !== 'employee' || a.status === 'active' || a.subscribedCents === 0);
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
