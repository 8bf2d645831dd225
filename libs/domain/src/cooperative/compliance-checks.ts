import { RuleId } from '../rules/rule-catalogue';
import { IsoDate } from '../shared/dates';
import { atLeastBp, atMostBp, bpCeil, bpFloor } from '../shared/fraction';
import { euros, percent } from '../shared/format';
import { CapitalPicture, capitalPicture } from './capital-picture';
import { Category } from './events';
import { MembershipCounts } from './membership-counts';
import { PendingRedemption, pendingRedemptions, redemptionQueue } from './redemption-queue';
import { associateOf, CooperativeState } from './state';
import { withinConversionWaiver } from './rules/max-holding.rule';
import { Statuts } from './statuts';
import { amorcageDeadline, withinAmorcage } from './statuts-in-force';
import { LEGAL } from './thresholds';
import { earliestDeadline, overdueOn, UnpaidBalances } from './unpaid-balances';

export type CheckStatus = 'ok' | 'violation' | 'not_applicable';

/**
 * value and threshold are plain integers in `unit`:
 * - 'bp': a share in basis points (5100 = 51 %), rounded so that comparing the displayed value
 *   with the threshold gives the status — down for "at least" rules (5099.9 shows 5099), up for
 *   "at most" rules (5000.1 shows 5001). The status itself is decided on exact integers;
 * - 'cents': money; 'associates', 'categories': counts.
 * value is null when there is nothing to measure yet (no capital, no associate).
 */
export type CheckUnit = 'bp' | 'cents' | 'associates' | 'categories';

/** A check as evaluated on one date; the report adds the article and `since`. */
export interface Finding {
  readonly rule: RuleId;
  readonly status: CheckStatus;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly unit: CheckUnit | null;
  readonly detail: string;
  readonly deadline?: IsoDate;
  /** The law's time to regularise, counted from `since` (SCOP-MIN-ASSOCIATES: one year). */
  readonly graceYears?: number;
}

/** A cooperative folded up to a date, with what the report keeps in step beside the state. */
export interface ReportFold {
  readonly state: CooperativeState;
  readonly balances: UnpaidBalances;
  readonly members: MembershipCounts;
}

export interface CheckContext {
  readonly state: CooperativeState;
  readonly statuts: Statuts;
  readonly date: IsoDate;
  readonly balances: UnpaidBalances;
  readonly members: MembershipCounts;
  /** Computed on first use, once per date, for the checks that read them. */
  readonly picture: () => CapitalPicture;
  readonly pending: () => PendingRedemption[];
}

/** The report rules of docs/rules.md, in the order the report lists them. */
export function evaluateChecks(fold: ReportFold, date: IsoDate): Finding[] {
  const ctx = contextOf(fold, date);
  return CHECKS.map(({ finding }) => finding(ctx));
}

/**
 * The rules among `rules` that are broken on `date`: the status `evaluateChecks` gives them,
 * found for less where the finding costs a pass over the associates (the report asks this on
 * every date of the history to date a violation).
 */
export function brokenRules(fold: ReportFold, date: IsoDate, rules: ReadonlySet<RuleId>): Set<RuleId> {
  const ctx = contextOf(fold, date);
  const broken = new Set<RuleId>();
  for (const check of CHECKS) {
    if (!rules.has(check.rule)) continue;
    if (check.broken ? check.broken(ctx) : check.finding(ctx).status === 'violation') broken.add(check.rule);
  }
  return broken;
}

function contextOf({ state, balances, members }: ReportFold, date: IsoDate): CheckContext {
  let picture: CapitalPicture | undefined;
  let pending: PendingRedemption[] | undefined;
  return {
    state,
    statuts: state.statuts as Statuts,
    date,
    balances,
    members,
    picture: () => (picture ??= capitalPicture(state)),
    pending: () => (pending ??= pendingRedemptions(state)),
  };
}

interface Check {
  readonly rule: RuleId;
  readonly finding: (ctx: CheckContext) => Finding;
  /** Whether `finding` would be a violation, from the figures kept beside the fold; absent where the finding is as cheap. */
  readonly broken?: (ctx: CheckContext) => boolean;
  /** Testing it costs a pass over the exit queue: the report dates it only when it is violated on asOf. */
  readonly scansExits?: true;
}

const CHECKS: readonly Check[] = [
  { rule: 'SCOP-CAP-51', finding: employeeCapital },
  { rule: 'SCOP-AMORCAGE', finding: amorcage },
  { rule: 'SCOP-MAX-HOLDING', finding: maximumHolding, scansExits: true },
  { rule: 'SCOP-VOTES-65', finding: employeeVotes },
  { rule: 'SCOP-MIN-ASSOCIATES', finding: minimumEmployeeAssociates },
  { rule: 'SCIC-CATEGORIES', finding: scicCategories, broken: scicCategoriesBroken },
  { rule: 'SCIC-PUBLIC-CAPITAL-50', finding: publicCapital },
  { rule: 'COOP-SA-MIN-CAPITAL', finding: saMinimumCapital },
  { rule: 'COOP-PAYUP-QUARTER', finding: overduePayments, broken: overduePaymentsBroken },
  { rule: 'COOP-REDEMPTION-NOMINAL', finding: overdueRedemptions, scansExits: true },
  { rule: 'COOP-CAPITAL-FLOOR', finding: capitalFloor, broken: () => false }, // for information: always ok
  { rule: 'SCIC-COLLEGES', finding: collegeMembership, broken: collegeMembershipBroken },
];

/** The rules whose test costs little on every date (see `brokenRules`): the report dates them all in one walk. */
export const RULES_DATED_IN_ONE_WALK: ReadonlySet<RuleId> = new Set(CHECKS.filter((c) => !c.scansExits).map((c) => c.rule));

function notApplicable(rule: RuleId, detail: string): Finding {
  return { rule, status: 'not_applicable', value: null, threshold: null, unit: null, detail };
}

function verdict(holds: boolean): CheckStatus {
  return holds ? 'ok' : 'violation';
}

/** SCOP-CAP-51; during a SCOP d'amorçage the 50 % to reach by the deadline (SCOP-AMORCAGE). */
function employeeCapital({ statuts, picture: pictureOf, date }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCOP') return notApplicable('SCOP-CAP-51', 'a SCIC has no employee capital rule');
  const picture = pictureOf();
  const amorcage = withinAmorcage(statuts, date);
  const threshold = amorcage ? LEGAL.scopAmorcageEmployeeCapitalMinBp : LEGAL.scopEmployeeCapitalMinBp;
  const deadline = amorcage ? (amorcageDeadline(statuts) as IsoDate) : undefined;
  const regime = amorcage ? `; as a SCOP d'amorçage they must reach ${percent(threshold)} by ${deadline}` : `; at least ${percent(threshold)} required`;
  if (picture.capitalCents === 0) return { rule: 'SCOP-CAP-51', status: 'ok', value: null, threshold, unit: 'bp', detail: `no capital yet${regime}`, deadline };
  const value = bpFloor(picture.employeeCapitalCents, picture.capitalCents);
  return {
    rule: 'SCOP-CAP-51',
    // SCOP-AMORCAGE: a non-employee majority is lawful until the deadline, which the check shows.
    status: amorcage ? 'ok' : verdict(atLeastBp(picture.employeeCapitalCents, picture.capitalCents, threshold)),
    value,
    threshold,
    unit: 'bp',
    detail: `employee-associates hold ${euros(picture.employeeCapitalCents)} of ${euros(picture.capitalCents)} of capital (${percent(value)})${regime}`,
    deadline,
  };
}

/** SCOP-VOTES-65: one associate one vote, active associates. */
function employeeVotes({ statuts, picture: pictureOf }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCOP') return notApplicable('SCOP-VOTES-65', 'a SCIC has no employee votes rule');
  const picture = pictureOf();
  const threshold = LEGAL.scopEmployeeVotesMinBp;
  if (picture.votes === 0) return { rule: 'SCOP-VOTES-65', status: 'ok', value: null, threshold, unit: 'bp', detail: 'no associate with a vote yet' };
  const value = bpFloor(picture.employeeVotes, picture.votes);
  return {
    rule: 'SCOP-VOTES-65',
    status: verdict(atLeastBp(picture.employeeVotes, picture.votes, threshold)),
    value,
    threshold,
    unit: 'bp',
    detail: `employee-associates hold ${picture.employeeVotes} of ${picture.votes} votes (${percent(value)}); at least ${percent(threshold)} required, non-employees' votes are reduced pro rata in tallies otherwise`,
  };
}

/** SCOP-MIN-ASSOCIATES: below it for more than a year exposes the SCOP to dissolution. */
function minimumEmployeeAssociates({ statuts, picture: pictureOf }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCOP') return notApplicable('SCOP-MIN-ASSOCIATES', 'a SCIC has no minimum of employee-associates');
  const picture = pictureOf();
  const threshold = LEGAL.scopMinimumEmployeeAssociates[statuts.companyForm];
  const holds = picture.employeeVotes >= threshold;
  return {
    rule: 'SCOP-MIN-ASSOCIATES',
    status: verdict(holds),
    value: picture.employeeVotes,
    threshold,
    unit: 'associates',
    detail: `${picture.employeeVotes} employee-associate(s); a SCOP ${statuts.companyForm} needs at least ${threshold}${holds ? '' : ', and exposes itself to dissolution after a year below'}`,
    graceYears: holds ? undefined : LEGAL.scopMinimumAssociatesGraceYears,
  };
}

/**
 * SCIC-CATEGORIES (L1947 art. 19 septies), among active associates. The ledger cannot know whether
 * the SCIC employs anyone: with no employee-associate, producers are taken to stand in for them,
 * and the detail says so.
 */
function scicCategories({ state, statuts }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCIC') return notApplicable('SCIC-CATEGORIES', 'a SCOP has no categories rule');
  const present = new Set<Category>();
  for (const id of state.associateOrder) if (state.associates[id].status === 'active') present.add(state.associates[id].category);
  const missing = missingCategories(present);
  const found = present.size === 0 ? 'no active associate' : [...present].join(', ');
  const producersNote = !present.has('employee') && present.has('producer') ? '; producers stand in for employees, which holds only if the SCIC employs no one' : '';
  return {
    rule: 'SCIC-CATEGORIES',
    status: verdict(missing.length === 0),
    value: present.size,
    threshold: LEGAL.scicMinimumCategories,
    unit: 'categories',
    detail: (missing.length === 0 ? `categories present: ${found}` : `categories present: ${found}; missing: ${missing.join('; ')}`) + producersNote,
  };
}

function scicCategoriesBroken({ statuts, members }: CheckContext): boolean {
  return statuts.legalForm === 'SCIC' && missingCategories(members.activeByCategory).length > 0;
}

/** What SCIC-CATEGORIES finds missing, given the categories of the active associates. */
function missingCategories(present: { readonly size: number; has(category: Category): boolean }): string[] {
  const missing: string[] = [];
  if (present.size < LEGAL.scicMinimumCategories) missing.push(`at least ${LEGAL.scicMinimumCategories} categories`);
  if (!present.has('beneficiary')) missing.push('beneficiaries');
  if (!present.has('employee') && !present.has('producer')) missing.push('employees (or producers, when the SCIC has no employees)');
  return missing;
}

/** SCIC-PUBLIC-CAPITAL-50, report side: others' exits can take public bodies above half. */
function publicCapital({ statuts, picture: pictureOf }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCIC') return notApplicable('SCIC-PUBLIC-CAPITAL-50', 'a SCOP has no public capital cap');
  const picture = pictureOf();
  const threshold = LEGAL.scicPublicCapitalMaxBp;
  if (picture.capitalCents === 0) return { rule: 'SCIC-PUBLIC-CAPITAL-50', status: 'ok', value: null, threshold, unit: 'bp', detail: 'no capital yet' };
  const value = bpCeil(picture.publicCapitalCents, picture.capitalCents);
  return {
    rule: 'SCIC-PUBLIC-CAPITAL-50',
    status: verdict(atMostBp(picture.publicCapitalCents, picture.capitalCents, threshold)),
    value,
    threshold,
    unit: 'bp',
    detail: `public bodies hold ${euros(picture.publicCapitalCents)} of ${euros(picture.capitalCents)} of capital (${percent(value)}); at most ${percent(threshold)} allowed`,
  };
}

/** COOP-SA-MIN-CAPITAL (L1947 art. 27): subscribed capital, withdrawn associates' unredeemed shares included. */
function saMinimumCapital({ statuts, picture: pictureOf }: CheckContext): Finding {
  if (statuts.companyForm !== 'SA') return notApplicable('COOP-SA-MIN-CAPITAL', `a ${statuts.companyForm} has no minimum capital`);
  const picture = pictureOf();
  const threshold = LEGAL.saMinimumCapitalCents;
  return {
    rule: 'COOP-SA-MIN-CAPITAL',
    status: verdict(picture.capitalCents >= threshold),
    value: picture.capitalCents,
    threshold,
    unit: 'cents',
    detail: `capital ${euros(picture.capitalCents)}; a cooperative SA needs at least ${euros(threshold)}`,
  };
}

/** COOP-PAYUP-QUARTER, report side: balances still unpaid after the statuts' payment delay. */
function overduePayments({ statuts, balances, date }: CheckContext): Finding {
  if (scopPaysInFull(statuts)) {
    // COOP-PAYUP-QUARTER for a SCOP SARL/SAS (L1978 art. 27, edition 2026-12): no balance may be
    // owed at all. Subscriptions recorded partly paid before the ledger applied it stay as they
    // were recorded (events are facts); the report says so, dated by `since`, until paid up.
    const unpaid = totalUnpaid(balances);
    if (unpaid > 0) {
      return {
        rule: 'COOP-PAYUP-QUARTER',
        status: 'violation',
        value: unpaid,
        threshold: 0,
        unit: 'cents',
        detail: `${euros(unpaid)} of subscriptions recorded partly paid are still unpaid; a SCOP ${statuts.companyForm} takes shares paid in full at subscription (L1978 art. 27, read so since edition 2026-12 of docs/rules.md). Those subscriptions were recorded before and are not rewritten: the balance is to be paid up`,
      };
    }
  }
  const overdue = overdueOn(balances, date);
  return {
    rule: 'COOP-PAYUP-QUARTER',
    status: verdict(overdue.cents === 0),
    value: overdue.cents,
    threshold: 0,
    unit: 'cents',
    detail:
      overdue.cents === 0
        ? 'no subscription balance is past its payment delay'
        : `${euros(overdue.cents)} of subscriptions by ${overdue.associates} associate(s) unpaid past the payment delay, the oldest due on ${overdue.oldestDeadline}`,
    deadline: overdue.oldestDeadline ?? undefined,
  };
}

/** Overdue cents exist exactly when the earliest deadline still owed has passed; a SCOP SARL/SAS owes nothing at all. */
function overduePaymentsBroken({ statuts, balances, date }: CheckContext): boolean {
  const earliest = earliestDeadline(balances);
  if (scopPaysInFull(statuts)) return earliest !== null;
  return earliest !== null && earliest < date;
}

function scopPaysInFull(statuts: Statuts): boolean {
  return statuts.legalForm === 'SCOP' && statuts.companyForm !== 'SA';
}

function totalUnpaid(balances: UnpaidBalances): number {
  let cents = 0;
  for (const owed of balances.byDeadline.values()) cents += owed;
  return cents;
}

/**
 * SCOP-AMORCAGE (L1978 art. 49 bis, 49 ter): a converted SCOP's cooperators must hold 50 % of the
 * capital by 31 December of the 7th year after the conversion year; the row shows both.
 */
function amorcage({ statuts, picture: pictureOf, date }: CheckContext): Finding {
  const deadline = amorcageDeadline(statuts);
  if (statuts.legalForm !== 'SCOP' || deadline === null) return notApplicable('SCOP-AMORCAGE', statuts.legalForm === 'SCOP' ? "not a SCOP d'amorçage (no conversion date in the statuts)" : "a SCIC is no SCOP d'amorçage");
  const picture = pictureOf();
  const threshold = LEGAL.scopAmorcageEmployeeCapitalMinBp;
  const value = picture.capitalCents === 0 ? null : bpFloor(picture.employeeCapitalCents, picture.capitalCents);
  const reached = atLeastBp(picture.employeeCapitalCents, picture.capitalCents, threshold);
  const before = date <= deadline;
  return {
    rule: 'SCOP-AMORCAGE',
    status: before || reached ? 'ok' : 'violation',
    value,
    threshold,
    unit: 'bp',
    detail:
      `converted on ${statuts.amorcageConvertedOn}: the cooperators hold ${value === null ? 'no capital yet' : percent(value)}; they must hold ${percent(threshold)} by ${deadline} ` +
      `(31 December of the ${LEGAL.scopAmorcageYearsAfterConversion}th year after the conversion year)${before ? '' : reached ? '; reached' : '; the deadline has passed'}`,
    deadline,
  };
}

/**
 * SCOP-MAX-HOLDING, report side (L1978 art. 24): no associate above half of the capital, judged on
 * the state at the end of each day (founding subscriptions together), waived for the 7 years after
 * a conversion. Costs a pass over the associates: dated only when violated on asOf.
 */
function maximumHolding({ statuts, state, picture: pictureOf, date }: CheckContext): Finding {
  if (statuts.legalForm !== 'SCOP') return notApplicable('SCOP-MAX-HOLDING', 'a SCIC has no maximum holding rule');
  const threshold = LEGAL.scopMaximumHoldingBp;
  if (withinConversionWaiver(statuts, date))
    return { rule: 'SCOP-MAX-HOLDING', status: 'ok', value: null, threshold, unit: 'bp', detail: `waived for the 7 years after the conversion of ${statuts.amorcageConvertedOn} (L1978 art. 49 bis)` };
  const capital = pictureOf().capitalCents;
  let largest: { id: string; cents: number } | null = null;
  for (const id of state.associateOrder) {
    const cents = associateOf(state, id)?.subscribedCents ?? 0;
    if (largest === null || cents > largest.cents) largest = { id, cents };
  }
  if (largest === null || capital === 0) return { rule: 'SCOP-MAX-HOLDING', status: 'ok', value: null, threshold, unit: 'bp', detail: 'no capital yet' };
  const value = bpCeil(largest.cents, capital);
  return {
    rule: 'SCOP-MAX-HOLDING',
    status: verdict(atMostBp(largest.cents, capital, threshold)),
    value,
    threshold,
    unit: 'bp',
    detail: `the largest holding is ${largest.id}'s, ${euros(largest.cents)} of ${euros(capital)} (${percent(value)}, rounded up); no associate may hold more than ${percent(threshold)}`,
  };
}

/**
 * COOP-REDEMPTION-NOMINAL, report side: leaving associates not repaid within the statuts' delay.
 * A redemption suspended by COOP-CAPITAL-FLOOR is lawfully waiting: only what could be repaid now
 * counts as overdue; the rest is named in the detail.
 */
function overdueRedemptions({ date, pending }: CheckContext): Finding {
  const overdue = pending().filter((p) => p.redemptionDeadline < date);
  const payable = overdue.filter((p) => p.redeemableNowCents > 0);
  const cents = payable.reduce((sum, p) => sum + p.redeemableNowCents, 0);
  const oldest = payable.reduce<IsoDate | undefined>((min, p) => (min === undefined || p.redemptionDeadline < min ? p.redemptionDeadline : min), undefined);
  const suspended = overdue.length - payable.length;
  const waiting = suspended > 0 ? `; ${suspended} overdue redemption(s) suspended by the capital floor` : '';
  return {
    rule: 'COOP-REDEMPTION-NOMINAL',
    status: verdict(payable.length === 0),
    value: cents,
    threshold: 0,
    unit: 'cents',
    detail:
      payable.length === 0
        ? `no leaving associate is past the redemption delay with room to be repaid${waiting}`
        : `${euros(cents)} owed to ${payable.length} leaving associate(s) past the redemption delay could be repaid now (oldest due ${oldest})${waiting}`,
    deadline: oldest,
  };
}

/** COOP-CAPITAL-FLOOR, for information: the law limits redemptions, not the capital itself. */
function capitalFloor({ state, statuts, pending }: CheckContext): Finding {
  const queue = redemptionQueue(state, statuts);
  const waiting = pending().filter((p) => p.waitsFor !== null).length;
  return {
    rule: 'COOP-CAPITAL-FLOOR',
    status: 'ok',
    value: state.totals.capitalCents,
    threshold: queue.floorCents,
    unit: 'cents',
    detail:
      `capital ${euros(state.totals.capitalCents)}, floor ${euros(queue.floorCents)} (${percent(statuts.capitalFloorBp)} of the highest capital reached, ${euros(state.highestCapitalCents)}); ` +
      `${euros(Math.max(0, queue.headroomCents))} may be redeemed` +
      (waiting > 0 ? `; ${waiting} redemption(s) wait for new subscriptions` : ''),
  };
}

/**
 * SCIC-COLLEGES, report side: an amendment can create or remove collèges while associates stand
 * outside them; until each is placed (ChangeCollege), the voter list cannot be drawn right.
 */
function collegeMembership({ state, statuts }: CheckContext): Finding {
  if (statuts.colleges.length === 0) return notApplicable('SCIC-COLLEGES', 'the statuts create no collèges');
  const codes = new Set(statuts.colleges.map((c) => c.code));
  const outside = state.associateOrder.filter((id) => state.associates[id].status === 'active' && !codes.has(state.associates[id].collegeCode ?? ''));
  return {
    rule: 'SCIC-COLLEGES',
    status: verdict(outside.length === 0),
    value: outside.length,
    threshold: 0,
    unit: 'associates',
    detail: outside.length === 0 ? 'every active associate is in one collège of the statuts' : `not in a collège of the statuts in force: ${outside.join(', ')}`,
  };
}

function collegeMembershipBroken({ statuts, members }: CheckContext): boolean {
  if (statuts.colleges.length === 0) return false;
  const codes = new Set(statuts.colleges.map((c) => c.code));
  for (const [code, active] of members.activeByCollege) if (active > 0 && !codes.has(code)) return true;
  return false;
}
