import type { WorkerShareSplit } from '../cooperative/statuts-surplus';
import { FULL_BP } from '../cooperative/thresholds';
import { addMonths, IsoDate } from '../shared/dates';
import { addDays } from '../shared/dates';
import { FiscalPeriod } from './fiscal-period';
import type { WorkerShareEmployee } from './fiscal-year-events';

/**
 * SCOP-WORKER-SHARE (L1978 art. 33): the part travail goes to every employee, associate or not,
 * with 3 calendar months' presence in the fiscal year or 6 calendar months' seniority at its end.
 * The statuts' keys split it by salary, by hours, equally, or a mix; a seniority coefficient
 * (at most 2) weighs each employee in every key, renormalised by the key's weighted total.
 * Exact shares are floored and the cents left go one each to the largest remainders, ties by
 * employee id: the split sums exactly, and is computed, never typed.
 */
export interface WorkerShareRow {
  readonly employeeId: string;
  readonly name: string;
  readonly associateId?: string;
  readonly eligible: boolean;
  readonly reason?: string;
  readonly seniorityYears: number;
  readonly coefficientBp: number;
  readonly salaryPartCents: number;
  readonly hoursPartCents: number;
  readonly equalPartCents: number;
  readonly amountCents: number;
}

export interface WorkerShareSplitResult {
  readonly totalCents: number;
  readonly rows: WorkerShareRow[];
}

export function eligibilityOf(employee: WorkerShareEmployee, period: FiscalPeriod): { eligible: boolean; reason?: string } {
  const from = employee.hiredOn > period.startsOn ? employee.hiredOn : period.startsOn;
  const to = employee.leftOn !== undefined && employee.leftOn < period.endsOn ? employee.leftOn : period.endsOn;
  if (employee.hiredOn > period.endsOn || (employee.leftOn !== undefined && employee.leftOn < period.startsOn)) {
    return { eligible: false, reason: 'not employed during the fiscal year' };
  }
  // "3 calendar months" from `from`: reached when the day before the same date 3 months on is worked.
  if (addDays(addMonths(from, 3), -1) <= to) return { eligible: true, reason: 'at least 3 months of presence in the fiscal year' };
  if (addDays(addMonths(employee.hiredOn, 6), -1) <= to) return { eligible: true, reason: "at least 6 months of seniority at the fiscal year's end" };
  return { eligible: false, reason: `present from ${from} to ${to}: less than 3 months in the fiscal year and less than 6 months of seniority` };
}

/** Whole years of seniority at the fiscal year's end (or on leaving). */
export function seniorityYears(hiredOn: IsoDate, at: IsoDate): number {
  let years = Number(at.slice(0, 4)) - Number(hiredOn.slice(0, 4));
  if (at.slice(5) < hiredOn.slice(5)) years -= 1;
  return Math.max(0, years);
}

export function coefficientFor(split: WorkerShareSplit, years: number): number {
  let coefficient = FULL_BP;
  for (const step of split.seniority) if (years >= step.fromYears) coefficient = step.coefficientBp;
  return coefficient;
}

export function splitWorkerShare(totalCents: number, employees: readonly WorkerShareEmployee[], split: WorkerShareSplit, period: FiscalPeriod): WorkerShareSplitResult {
  const prepared = employees.map((e) => {
    const { eligible, reason } = eligibilityOf(e, period);
    const at = e.leftOn !== undefined && e.leftOn < period.endsOn ? e.leftOn : period.endsOn;
    const years = seniorityYears(e.hiredOn, at);
    const coefficientBp = coefficientFor(split, years);
    const c = eligible ? BigInt(coefficientBp) : 0n;
    return { e, eligible, reason, years, coefficientBp, weights: { salary: BigInt(e.salaryCents) * c, hours: BigInt(Math.round(e.hours * 100)) * c, equal: c } };
  });
  const sums = { salary: 0n, hours: 0n, equal: 0n };
  for (const p of prepared) {
    sums.salary += p.weights.salary;
    sums.hours += p.weights.hours;
    sums.equal += p.weights.equal;
  }
  // A key nobody weighs in (no hours stated, say) leaves its part to the keys that remain, in their proportions.
  const keyBp = { salary: sums.salary > 0n ? split.salaryBp : 0, hours: sums.hours > 0n ? split.hoursBp : 0, equal: sums.equal > 0n ? split.equalBp : 0 };
  const keysTotal = BigInt(keyBp.salary + keyBp.hours + keyBp.equal);
  const total = BigInt(totalCents);
  // Each employee's exact share = total × Σ_k (keyBp_k / keysTotal) × (w_k / sum_k): over one common denominator.
  const keys = (['salary', 'hours', 'equal'] as const).filter((k) => keyBp[k] > 0);
  const denominator = keys.reduce((d, k) => d * sums[k], keysTotal);
  const numeratorOf = (p: (typeof prepared)[number], only?: (typeof keys)[number]) =>
    keys.reduce((acc, k) => (only && k !== only ? acc : acc + total * BigInt(keyBp[k]) * p.weights[k] * keys.reduce((m, other) => (other === k ? m : m * sums[other]), 1n)), 0n);
  if (keys.length === 0 || keysTotal === 0n) {
    return { totalCents: 0, rows: prepared.map((p) => row(p, 0, 0, 0, 0)) };
  }
  const exact = prepared.map((p) => numeratorOf(p));
  const floors = exact.map((n) => n / denominator);
  const left = Number(total - floors.reduce((s, f) => s + f, 0n));
  const order = prepared
    .map((p, index) => ({ index, id: p.e.id, remainder: exact[index] % denominator, eligible: p.eligible }))
    .filter((o) => o.eligible)
    .sort((a, b) => (a.remainder === b.remainder ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.remainder > b.remainder ? -1 : 1));
  for (let k = 0; k < left && order.length > 0; k++) floors[order[k % order.length].index] += 1n;
  const rows = prepared.map((p, i) => {
    const part = (k: 'salary' | 'hours' | 'equal') => (keyBp[k] > 0 ? Number(numeratorOf(p, k) / denominator) : 0);
    return row(p, part('salary'), part('hours'), part('equal'), Number(floors[i]));
  });
  return { totalCents: rows.reduce((s, r) => s + r.amountCents, 0), rows };

  function row(p: (typeof prepared)[number], salaryPartCents: number, hoursPartCents: number, equalPartCents: number, amountCents: number): WorkerShareRow {
    return {
      employeeId: p.e.id,
      name: p.e.name,
      ...(p.e.associateId ? { associateId: p.e.associateId } : {}),
      eligible: p.eligible,
      ...(p.reason ? { reason: p.reason } : {}),
      seniorityYears: p.years,
      coefficientBp: p.coefficientBp,
      salaryPartCents,
      hoursPartCents,
      equalPartCents,
      amountCents,
    };
  }
}
