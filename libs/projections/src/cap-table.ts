import { AssociateState, bpFloor, CATEGORIES, Category } from '@ledger/domain';
import { CooperativeLedgerState } from './cooperative-ledger.projection';
import { cooperativeStateAsOf } from './ledger-folds';

export interface CapTable {
  asOf: string;
  totals: { associates: number; shares: number; capitalCents: number; paidUpCents: number };
  byCategory: Array<{ category: Category; associates: number; shares: number; capitalCents: number; capitalBp: number }>;
  byCollege: Array<{ code: string; weightBp: number; associates: number; shares: number; capitalCents: number }>;
  rows: Array<{
    associateId: string;
    name: string;
    category: Category;
    collegeCode: string | null;
    status: AssociateState['status'];
    shares: number;
    capitalCents: number;
    paidUpCents: number;
    capitalBp: number;
  }>;
}

/**
 * Who holds the capital on `asOf`. Rows cover every holder, a withdrawn associate whose shares
 * await redemption included: their capital is still the cooperative's until it is repaid.
 * `associates` counts active associates only, the ones with a vote. `…Bp` figures are rounded
 * down for display; no rule is decided on them.
 */
export function capTable(state: CooperativeLedgerState, coopId: string, asOf: string): CapTable | undefined {
  const coop = state.coops[coopId];
  if (!coop) return undefined;
  const folded = cooperativeStateAsOf(coop, asOf);
  const total = folded.totals.capitalCents;
  const categories = new Map<Category, { associates: number; shares: number; capitalCents: number }>();
  const colleges = new Map((folded.statuts?.colleges ?? []).map((c) => [c.code, { code: c.code, weightBp: c.weightBp, associates: 0, shares: 0, capitalCents: 0 }]));
  const rows: CapTable['rows'] = [];
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
        capitalBp: bpFloor(a.subscribedCents, total),
      });
    }
  }
  return {
    asOf,
    totals: {
      associates,
      shares: folded.totals.shares,
      capitalCents: total,
      paidUpCents: folded.totals.paidUpCents,
    },
    byCategory: CATEGORIES.filter((c) => categories.has(c)).map((c) => {
      const figures = categories.get(c)!;
      return { category: c, ...figures, capitalBp: bpFloor(figures.capitalCents, total) };
    }),
    byCollege: [...colleges.values()],
    rows,
  };
}
