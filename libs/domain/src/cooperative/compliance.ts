import { LEGAL } from './thresholds';
import { DomainError } from '../rules/errors';
import { RuleId, RULES } from '../rules/rule-catalogue';
import { addDays, addMonths, addYears, IsoDate, isIsoDate } from '../shared/dates';
import { brokenRules, CheckStatus, CheckUnit, evaluateChecks, Finding, ReportFold, RULES_DATED_IN_ONE_WALK } from './compliance-checks';
import { effectiveDateOf, inEffectiveOrder } from './effective-order';
import { CooperativeEvent } from './events';
import { evolve } from './evolve';
import { emptyMembershipCounts, followMembership } from './membership-counts';
import { initialState } from './state';
import { Statuts } from './statuts';
import { amorcageDeadline } from './statuts-in-force';
import { emptyUnpaidBalances, followUnpaidBalances } from './unpaid-balances';

export { stateAsOf } from './effective-order';
export { pendingRedemptions } from './redemption-queue';
export type { PendingRedemption } from './redemption-queue';
export type { CheckStatus, CheckUnit } from './compliance-checks';

/** One line of GET /compliance (docs/api.md); `unit` says what `value` and `threshold` count. */
export interface ComplianceCheck {
  readonly rule: RuleId;
  readonly article: string;
  readonly status: CheckStatus;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly unit: CheckUnit | null;
  readonly detail: string;
  /** Violations: the effective date from which the rule has been broken without a break up to asOf. */
  readonly since?: IsoDate;
  /** Where the law gives one: the date by which to regularise. */
  readonly deadline?: IsoDate;
}

export interface ComplianceReport {
  readonly asOf: IsoDate;
  readonly status: 'compliant' | 'non_compliant';
  readonly checks: ComplianceCheck[];
}

/**
 * The report rules of docs/rules.md as of a date, from the cooperative stream's events (any order:
 * they are put in effective order, recording order within a date). Each check is evaluated on
 * the cooperative as it stood on asOf. To date a violation (`since`: the first day of its last
 * unbroken run), the rules are tested on each date something could change: each event's date,
 * and each day after a deadline (a payment delay, a redemption delay, the end of an amorçage),
 * when time alone turns a state into a breach.
 *
 * One walk folds the events date by date, tests the rules on each date from figures kept in step
 * with the fold (the earliest unpaid deadline, the active associates per category and per
 * collège, the capital picture) — never a pass over every associate — and evaluates the checks
 * in full on asOf. COOP-REDEMPTION-NOMINAL, whose test scans the exit queue, is dated by a second
 * walk, and only when it is violated on asOf. The report thus costs one fold of the history
 * (two with that violation), whatever the number of associates.
 */
export function complianceReport(events: readonly CooperativeEvent[], asOf: IsoDate): ComplianceReport {
  if (!isIsoDate(asOf)) throw new DomainError('INVALID_VALUE', `asOf must be a date YYYY-MM-DD, not ${String(asOf)}`);
  const inForce = inEffectiveOrder(events).filter((e) => effectiveDateOf(e) <= asOf);
  const dates = evaluationDates(inForce, asOf); // asOf last
  const brokenSince = new Map<RuleId, IsoDate>();
  let findings: Finding[] | undefined;
  walk(inForce, dates, (fold, date) => {
    if (date !== asOf) return trackRuns(brokenSince, RULES_DATED_IN_ONE_WALK, brokenRules(fold, date, RULES_DATED_IN_ONE_WALK), date);
    findings = evaluateChecks(fold, date);
    trackRuns(brokenSince, RULES_DATED_IN_ONE_WALK, new Set(violations(findings)), date);
  });
  if (!findings) throw new DomainError('NOT_FOUND', `the cooperative was not registered on ${asOf}`);
  const undated = new Set(violations(findings).filter((rule) => !RULES_DATED_IN_ONE_WALK.has(rule)));
  if (undated.size > 0) walk(inForce, dates, (fold, date) => trackRuns(brokenSince, undated, brokenRules(fold, date, undated), date));
  const checks = findings.map((f) => toCheck(f, brokenSince.get(f.rule)));
  return { asOf, status: checks.some((c) => c.status === 'violation') ? 'non_compliant' : 'compliant', checks };
}

function violations(findings: readonly Finding[]): RuleId[] {
  return findings.filter((f) => f.status === 'violation').map((f) => f.rule);
}

/** Keeps, for each of `rules`, the first date of its current run of violation. */
function trackRuns(brokenSince: Map<RuleId, IsoDate>, rules: ReadonlySet<RuleId>, broken: ReadonlySet<RuleId>, date: IsoDate): void {
  for (const rule of rules) {
    if (!broken.has(rule)) brokenSince.delete(rule);
    else if (!brokenSince.has(rule)) brokenSince.set(rule, date);
  }
}

/** Folds the events date by date and visits the fold on each of `dates` from registration. */
function walk(inForce: readonly CooperativeEvent[], dates: readonly IsoDate[], visit: (fold: ReportFold, date: IsoDate) => void): void {
  const fold: ReportFold = { state: initialState(), balances: emptyUnpaidBalances(), members: emptyMembershipCounts() };
  let next = 0;
  for (const date of dates) {
    for (; next < inForce.length && effectiveDateOf(inForce[next]) <= date; next++) {
      const event = inForce[next];
      evolve(fold.state, event);
      followUnpaidBalances(fold.balances, fold.state, event);
      followMembership(fold.members, fold.state, event);
    }
    if (fold.state.statuts) visit(fold, date);
  }
}

function toCheck(finding: Finding, since: IsoDate | undefined): ComplianceCheck {
  const { graceYears, deadline, ...figures } = finding;
  const check: ComplianceCheck = { ...figures, article: RULES[finding.rule].article };
  if (finding.status !== 'violation') return deadline ? { ...check, deadline } : check;
  const until = graceYears !== undefined && since ? addYears(since, graceYears) : deadline;
  return { ...check, since, ...(until ? { deadline: until } : {}) };
}

/**
 * Every date on which a check may change, up to asOf: the events' dates, and the day after each
 * deadline the events start (a deadline is met on its day and missed from the next). A payment
 * deadline is the one the subscription recorded; other delays are those of the statuts in force
 * on the event's date, as the checks themselves take them.
 */
function evaluationDates(inForce: readonly CooperativeEvent[], asOf: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>([asOf]);
  // Many events share a date and a delay: each day after a deadline is computed once.
  const missedFrom = new Map<string, IsoDate>();
  const dayAfter = (date: IsoDate, months: number): IsoDate => {
    const key = `${date}+${months}`;
    let day = missedFrom.get(key);
    if (day === undefined) missedFrom.set(key, (day = addDays(addMonths(date, months), 1)));
    return day;
  };
  let statuts: Statuts | null = null;
  for (const event of inForce) {
    const date = effectiveDateOf(event);
    dates.add(date);
    if (event.type === 'StatutsAdopted' || event.type === 'StatutsAmended') {
      statuts = event.data.statuts;
      const end = amorcageDeadline(statuts);
      if (end) dates.add(addDays(end, 1));
      // SCOP-MAX-HOLDING: its waiver ends 7 years after the conversion date (L1978 art. 49 bis).
      if (statuts.legalForm === 'SCOP' && statuts.amorcageConvertedOn) dates.add(addYears(statuts.amorcageConvertedOn, LEGAL.scopAmorcageYearsAfterConversion));
    } else if (event.type === 'SharesSubscribed' && event.data.paymentDueOn) {
      // The deadline the decider fixed and the event carries (see unpaid-balances.ts).
      dates.add(addDays(event.data.paymentDueOn, 1));
    } else if (statuts && event.type === 'SharesSubscribed' && event.data.paidCents < event.data.amountCents) {
      dates.add(dayAfter(date, statuts.paymentDelayMonths));
    } else if (statuts && event.type === 'AssociateWithdrew') {
      dates.add(dayAfter(date, statuts.redemptionDelayMonths));
    }
  }
  return [...dates].filter((d) => d <= asOf).sort();
}
