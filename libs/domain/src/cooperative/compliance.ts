import { DomainError } from '../rules/errors';
import { RuleId, RULES } from '../rules/rule-catalogue';
import { addDays, addMonths, addYears, IsoDate, isIsoDate } from '../shared/dates';
import { CheckStatus, CheckUnit, evaluateChecks, Finding } from './compliance-checks';
import { effectiveDateOf, inEffectiveOrder } from './effective-order';
import { CooperativeEvent } from './events';
import { evolve } from './evolve';
import { initialState } from './state';
import { Statuts } from './statuts';
import { amorcageDeadline } from './statuts-in-force';
import { followUnpaidBalances, UnpaidBalances } from './unpaid-balances';

export { stateAsOf } from './effective-order';
export { pendingRedemptions } from './redemption-queue';
export type { PendingRedemption } from './redemption-queue';
export type { CheckStatus, CheckUnit } from './compliance-checks';

/** One line of GET /compliance (API.md); `unit` says what `value` and `threshold` count. */
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
 * The report rules of RULES.md as of a date, from the cooperative stream's events (any order:
 * they are put in effective order, recording order within a date). Each check is evaluated on
 * the cooperative as it stood on asOf. To date a violation (`since`), the events are folded
 * again date by date and the violated checks — only those — evaluated on each date something
 * could change: each event's date, and each day after a deadline (a payment delay, a
 * redemption delay, the end of an amorçage), when time alone turns a state into a breach.
 * A compliant cooperative thus costs one fold.
 */
export function complianceReport(events: readonly CooperativeEvent[], asOf: IsoDate): ComplianceReport {
  if (!isIsoDate(asOf)) throw new DomainError('INVALID_VALUE', `asOf must be a date YYYY-MM-DD, not ${String(asOf)}`);
  const inForce = inEffectiveOrder(events).filter((e) => effectiveDateOf(e) <= asOf);
  let findings: Finding[] | undefined;
  walk(inForce, [asOf], undefined, (_, onAsOf) => (findings = onAsOf));
  if (!findings) throw new DomainError('NOT_FOUND', `the cooperative was not registered on ${asOf}`);
  const violated = new Set(findings.filter((f) => f.status === 'violation').map((f) => f.rule));
  const brokenSince = new Map<RuleId, IsoDate>();
  if (violated.size > 0) {
    walk(inForce, evaluationDates(inForce, asOf), violated, (date, onDate) => {
      for (const f of onDate) {
        if (f.status !== 'violation') brokenSince.delete(f.rule);
        else if (!brokenSince.has(f.rule)) brokenSince.set(f.rule, date);
      }
    });
  }
  const checks = findings.map((f) => toCheck(f, brokenSince.get(f.rule)));
  return { asOf, status: checks.some((c) => c.status === 'violation') ? 'non_compliant' : 'compliant', checks };
}

/** Folds the events date by date and shows the checks (`only` those, if given) on each date from registration. */
function walk(inForce: readonly CooperativeEvent[], dates: readonly IsoDate[], only: ReadonlySet<RuleId> | undefined, visit: (date: IsoDate, findings: Finding[]) => void): void {
  const state = initialState();
  const balances: UnpaidBalances = {};
  let next = 0;
  for (const date of dates) {
    for (; next < inForce.length && effectiveDateOf(inForce[next]) <= date; next++) {
      evolve(state, inForce[next]);
      followUnpaidBalances(balances, state, inForce[next]);
    }
    if (state.statuts) visit(date, evaluateChecks(state, balances, date, only));
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
 * deadline the events start (a deadline is met on its day and missed from the next). Delays are
 * those of the statuts in force on the event's date, as the checks themselves take them.
 */
function evaluationDates(inForce: readonly CooperativeEvent[], asOf: IsoDate): IsoDate[] {
  const dates = new Set<IsoDate>([asOf]);
  let statuts: Statuts | null = null;
  for (const event of inForce) {
    const date = effectiveDateOf(event);
    dates.add(date);
    if (event.type === 'StatutsAdopted' || event.type === 'StatutsAmended') {
      statuts = event.data.statuts;
      const end = amorcageDeadline(statuts);
      if (end) dates.add(addDays(end, 1));
    } else if (statuts && event.type === 'SharesSubscribed' && event.data.paidCents < event.data.amountCents) {
      dates.add(addDays(addMonths(date, statuts.paymentDelayMonths), 1));
    } else if (statuts && event.type === 'AssociateWithdrew') {
      dates.add(addDays(addMonths(date, statuts.redemptionDelayMonths), 1));
    }
  }
  return [...dates].filter((d) => d <= asOf).sort();
}
