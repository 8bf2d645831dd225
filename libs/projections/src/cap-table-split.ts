import { AssociateState, bpCeil, bpFloor, CATEGORIES, Category, CooperativeState, largestRemainderBp } from '@ledger/domain';

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

/** What a cap table says of the whole capital, whichever page of rows it answers; `holders` counts the rows of the whole table. */
export interface TableSummary {
  totals: CapTable['totals'];
  byCategory: CapTable['byCategory'];
  byCollege: CapTable['byCollege'];
  holders: number;
}

/** The cap table of one fold, its rows split once: what every page of it shares. */
export interface WholeTable extends TableSummary {
  /** Events the cooperative had recorded when it was made: the fold has not moved while they are all. */
  covered: number;
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
 * second page of 100,000 holders costs a slice, not a second split. The snapshot's fold part
 * saves the table's summary and each associate's capitalBp (ledger-folds.ts), so that the first
 * page after a restart is cut without the split.
 */
const wholeTables = new WeakMap<CooperativeState, WholeTable>();

/** The cap table of `folded`, a fold of the cooperative's first `covered` events; kept while the fold does not move. */
export function tableOfFold(folded: CooperativeState, covered: number): WholeTable {
  const cached = wholeTables.get(folded);
  if (cached && cached.covered === covered) return cached;
  const table = { ...splitTable(folded), covered, handedOut: new Map<string, number>() };
  wholeTables.set(folded, table);
  return table;
}

/** An associate's row of the cap table: every holder has one, a withdrawn one awaiting redemption included. */
export function capTableRow(a: AssociateState, capitalBp: number): CapTableRow {
  return {
    associateId: a.id,
    name: a.name,
    category: a.category,
    collegeCode: a.collegeCode,
    status: a.status,
    shares: a.shares,
    capitalCents: a.subscribedCents,
    paidUpCents: a.paidUpCents,
    capitalBp,
  };
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
    if (a.shares > 0) rows.push(capTableRow(a, 0));
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
    holders: rows.length,
    rows,
    order: folded.associateOrder,
  };
}

/** No withdrawn employee still holds shares: the employee category is what SCOP-CAP-51 measures. */
function employeesAllActive(associates: readonly AssociateState[]): boolean {
  return associates.every((a) => a.category !== 'employee' || a.status === 'active' || a.subscribedCents === 0);
}
