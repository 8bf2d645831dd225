/**
 * The benchmark's scenario, generated deterministically: one SCIC, 10,000 × scale admissions
 * (each appends AssociateAdmitted + SharesSubscribed), then 90,000 × scale capital movements
 * (subscriptions, payments, transfers) spread over the associates — every one of them lawful
 * at any scale, so the run measures the accepted path.
 *
 * Dates are spread over fixed windows whatever the scale: admissions over the 1,000 days from
 * 2015-02-01, movements over the 900 days from 2018-01-01 (after the last admission). At scale 3
 * the old spacing (10 admissions, 100 movements a day) ran admissions past 2018 and dated
 * movements of associates before their own admission, which the ledger rightly refused.
 *
 * The generator keeps each associate's holding as the domain computes it, so payments never
 * exceed what is owed and transfers never exceed what is held. Commands touching one associate
 * are hundreds of commands apart (as many as there are associates), and commands in flight at
 * once (32 at most) are a day apart at most, so no reordering among them can change whether a
 * command is accepted.
 */

export const COOP_ID = 'bench-scic';
export const SHARE_VALUE_CENTS = 5000;

export const statuts = {
  id: COOP_ID,
  name: 'Bench SCIC',
  legalForm: 'SCIC',
  companyForm: 'SAS',
  registeredOn: '2015-01-05',
  shareValueCents: SHARE_VALUE_CENTS,
  colleges: [
    { code: 'workers', name: 'Salariés', weightBp: 4000 },
    { code: 'users', name: 'Usagers', weightBp: 3000 },
    { code: 'partners', name: 'Partenaires', weightBp: 2000 },
    { code: 'public', name: 'Collectivités', weightBp: 1000 },
  ],
};

export interface BenchRequest {
  path: string;
  body: Record<string, unknown>;
}

interface Holding {
  shares: number;
  subscribedCents: number;
  paidUpCents: number;
}

const CATEGORY_CYCLE = ['employee', 'beneficiary', 'producer', 'supporter', 'employee', 'beneficiary', 'volunteer', 'other'] as const;
const COLLEGE_OF: Record<string, string> = {
  employee: 'workers',
  beneficiary: 'users',
  producer: 'users',
  supporter: 'partners',
  volunteer: 'partners',
  other: 'partners',
  public_body: 'public',
};

/** `start` plus `days`, as YYYY-MM-DD. */
function dateAfter(start: string, days: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const quarterOf = (cents: number) => Math.ceil(cents / 4);
/** floor(a × b / c) for the small integers here (a × b far below 2^53, c ≤ a few hundred). */
const mulDivFloor = (a: number, b: number, c: number) => Math.floor((a * b) / c);

/** The windows the dates are spread over, whatever the number of commands. */
const ADMISSION_DAYS = 1000;
const MOVEMENT_DAYS = 900;

export class Workload {
  readonly associates: number;
  /** Movements the scenario will send in all: their dates are spread over MOVEMENT_DAYS. */
  readonly movements: number;
  private readonly holdings: Holding[] = [];
  /** Associates that movements touch: every one but the public bodies (SCIC-PUBLIC-CAPITAL-50 stays far away). */
  private readonly movers: number[] = [];

  constructor(associates = 10_000, movements = associates * 9) {
    this.associates = associates;
    this.movements = movements;
  }

  static associateId(i: number): string {
    return `a${i}`;
  }

  /** Admission i: the associate and their first subscription (a third of them paid a quarter only). */
  admission(i: number): BenchRequest {
    const publicBody = i % 50 === 49;
    const category = publicBody ? 'public_body' : CATEGORY_CYCLE[i % CATEGORY_CYCLE.length];
    const shares = publicBody ? 2 : 1 + (i % 10) * 2;
    const amount = shares * SHARE_VALUE_CENTS;
    const paid = i % 3 === 0 ? quarterOf(amount) : amount;
    this.holdings[i] = { shares, subscribedCents: amount, paidUpCents: paid };
    if (!publicBody) this.movers.push(i);
    return {
      path: `/v1/cooperatives/${COOP_ID}/associates`,
      body: {
        id: Workload.associateId(i),
        name: `Associé ${i}`,
        personType: publicBody ? 'legal' : 'natural',
        category,
        collegeCode: COLLEGE_OF[category],
        admittedOn: dateAfter('2015-02-01', Math.floor((i * ADMISSION_DAYS) / this.associates)),
        shares,
        ...(paid !== amount ? { paidCents: paid } : {}),
      },
    };
  }

  /**
   * Movement j (after every admission): 40 % subscriptions, 35 % payments of what is owed,
   * 25 % transfers of one share. A payment with nothing owed, or a transfer from an associate
   * down to one share, becomes a subscription paid a quarter.
   */
  movement(j: number): BenchRequest {
    const count = this.movers.length;
    const from = this.movers[j % count];
    const holding = this.holdings[from];
    const effectiveDate = dateAfter('2018-01-01', Math.floor((j * MOVEMENT_DAYS) / this.movements));
    const base = `/v1/cooperatives/${COOP_ID}`;
    const kind = j % 20;
    const unpaid = holding.subscribedCents - holding.paidUpCents;
    if (kind >= 8 && kind < 15 && unpaid > 0) {
      const amountCents = unpaid > 1 ? Math.ceil(unpaid / 2) : unpaid;
      holding.paidUpCents += amountCents;
      return { path: `${base}/associates/${Workload.associateId(from)}/payments`, body: { amountCents, effectiveDate } };
    }
    if (kind >= 15 && holding.shares >= 2) {
      const to = this.movers[(j + Math.floor(count / 2)) % count];
      const buyer = this.holdings[to];
      const amount = mulDivFloor(holding.subscribedCents, 1, holding.shares);
      const paid = mulDivFloor(holding.paidUpCents, 1, holding.shares);
      holding.shares -= 1;
      holding.subscribedCents -= amount;
      holding.paidUpCents -= paid;
      buyer.shares += 1;
      buyer.subscribedCents += amount;
      buyer.paidUpCents += paid;
      return {
        path: `${base}/share-transfers`,
        body: { fromAssociateId: Workload.associateId(from), toAssociateId: Workload.associateId(to), shares: 1, effectiveDate },
      };
    }
    const shares = 1 + (j % 5);
    const amount = shares * SHARE_VALUE_CENTS;
    const paid = kind % 2 === 0 ? amount : quarterOf(amount);
    holding.shares += shares;
    holding.subscribedCents += amount;
    holding.paidUpCents += paid;
    return {
      path: `${base}/associates/${Workload.associateId(from)}/subscriptions`,
      body: { shares, effectiveDate, ...(paid !== amount ? { paidCents: paid } : {}) },
    };
  }
}
