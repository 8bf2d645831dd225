import type { PersonType } from '../cooperative/events';
import { evolve } from '../cooperative/evolve';
import { effectiveDateOf } from '../cooperative/effective-order';
import type { CooperativeEvent } from '../cooperative/events';
import { associateOf, CooperativeState, initialState } from '../cooperative/state';
import type { ShareInterestModeClause } from '../cooperative/statuts-surplus';
import { DomainError } from '../rules/errors';
import { percentOfFloor } from '../shared/decimal-rate';
import { Ratio } from '../shared/fraction';
import { dayNumber, FiscalPeriod } from './fiscal-period';
import type { ShareInterestRow } from './fiscal-year-events';

/**
 * What interest on shares is paid on, per associate: paid-up capital × days held, in cent-days,
 * over a divisor of days. `yearEnd`: the paid-up capital at the fiscal year's end, divisor 1.
 * `proRataDays`: each cent counts from the day it is paid (inclusive) to the day it leaves —
 * redeemed or transferred — (exclusive), over the days of the fiscal year (366 across a
 * 29 February). Capital is interest-bearing while held, whether or not its holder has withdrawn:
 * a withdrawn associate's shares still wait, unpaid back, in the capital.
 */
export interface InterestBasis {
  readonly associateId: string;
  readonly name: string;
  readonly personType: PersonType;
  /** Paid-up cents × days (yearEnd: × 1). */
  readonly capitalDays: number;
}

export interface InterestBases {
  readonly mode: ShareInterestModeClause;
  /** The divisor of capitalDays: the fiscal year's days (proRataDays) or 1 (yearEnd). */
  readonly days: number;
  readonly rows: InterestBasis[];
}

/** The bases from the cooperative's events in effective order (the cooperative history's timeline). */
export function interestBasesOf(timeline: readonly CooperativeEvent[], period: FiscalPeriod, mode: ShareInterestModeClause): InterestBases {
  const state = initialState();
  const start = dayNumber(period.startsOn);
  const end = dayNumber(period.endsOn) + 1;
  const accrued = new Map<string, bigint>();
  const since = new Map<string, number>();
  const accrue = (id: string, upTo: number) => {
    const a = state.associates[id];
    const from = since.get(id) ?? start;
    if (a && a.paidUpCents !== 0 && upTo > from) accrued.set(id, (accrued.get(id) ?? 0n) + BigInt(a.paidUpCents) * BigInt(upTo - from));
    since.set(id, Math.max(upTo, start));
  };
  for (const event of timeline) {
    const date = effectiveDateOf(event);
    if (date > period.endsOn) break;
    const day = dayNumber(date);
    const touched = touchedBy(event, state);
    if (mode === 'proRataDays' && day > start) for (const id of touched) accrue(id, day);
    evolve(state, event);
  }
  const rows: InterestBasis[] = [];
  for (const id of state.associateOrder) {
    const a = associateOf(state, id)!;
    let capitalDays: bigint;
    if (mode === 'yearEnd') capitalDays = BigInt(a.paidUpCents);
    else {
      accrue(id, end);
      capitalDays = accrued.get(id) ?? 0n;
    }
    if (capitalDays <= 0n) continue;
    if (capitalDays > BigInt(Number.MAX_SAFE_INTEGER)) throw new DomainError('INVALID_VALUE', `the interest basis of ${id} passes the safe integer range`);
    rows.push({ associateId: id, name: a.name, personType: a.personType, capitalDays: Number(capitalDays) });
  }
  return { mode, days: mode === 'yearEnd' ? 1 : period.days, rows };
}

function touchedBy(event: CooperativeEvent, state: CooperativeState): string[] {
  switch (event.type) {
    case 'SharesSubscribed':
    case 'SharesPaidUp':
    case 'SharesRedeemed':
      return [event.data.associateId];
    case 'SharesTransferred':
      return [event.data.fromAssociateId, event.data.toAssociateId];
    case 'CapitalMovementCancelled': {
      const m = state.movements[event.data.movementId];
      return m ? [m.associateId, ...(m.toAssociateId ? [m.toAssociateId] : [])] : [];
    }
    default:
      return [];
  }
}

export function basisCentsOf(basis: InterestBasis, days: number): number {
  return Math.floor(basis.capitalDays / days);
}

/** Interest at a rate (percent): each associate's floored to the cent; the cents lost go to the statutory reserve (COOP-ALLOCATION-SUM). */
export function interestRowsAtRate(bases: InterestBases, rate: Ratio): ShareInterestRow[] {
  const days = BigInt(bases.days);
  return bases.rows.map((b) => ({
    associateId: b.associateId,
    name: b.name,
    personType: b.personType,
    basisCents: basisCentsOf(b, bases.days),
    grossCents: Number(percentOfFloor(BigInt(b.capitalDays), { numerator: rate.numerator, denominator: rate.denominator * days })),
  }));
}

export function totalGross(rows: readonly ShareInterestRow[]): number {
  return rows.reduce((sum, r) => sum + r.grossCents, 0);
}

/**
 * An envelope (a SCOP's `shareInterestCents`) split by the same bases: exact shares floored, then
 * the cents left one each to the largest remainders, ties by associate id; sums exactly.
 */
export function interestRowsForEnvelope(bases: InterestBases, envelopeCents: number): ShareInterestRow[] {
  const total = bases.rows.reduce((sum, b) => sum + BigInt(b.capitalDays), 0n);
  if (total === 0n) {
    if (envelopeCents > 0) throw new DomainError('INVALID_VALUE', `shareInterestCents is ${envelopeCents} but no associate held paid-up capital in the fiscal year`);
    return [];
  }
  const amounts = largestRemainderSplit(
    BigInt(envelopeCents),
    bases.rows.map((b) => ({ key: b.associateId, weight: BigInt(b.capitalDays) })),
  );
  return bases.rows.map((b, i) => ({ associateId: b.associateId, name: b.name, personType: b.personType, basisCents: basisCentsOf(b, bases.days), grossCents: amounts[i] }));
}

/**
 * `amount` split in proportion to the weights, to the cent: floors, then one cent each to the
 * largest remainders, ties by key (ascending). Sums exactly to `amount`.
 */
export function largestRemainderSplit(amount: bigint, parts: ReadonlyArray<{ key: string; weight: bigint }>): number[] {
  const total = parts.reduce((sum, p) => sum + p.weight, 0n);
  if (total === 0n) return parts.map(() => 0);
  const shares = parts.map((p) => (amount * p.weight) / total);
  const given = shares.reduce((sum, s) => sum + s, 0n);
  const order = parts
    .map((p, index) => ({ index, key: p.key, remainder: (amount * p.weight) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; k < Number(amount - given); k++) shares[order[k].index] += 1n;
  return shares.map(Number);
}
