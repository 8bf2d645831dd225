import { DomainError, RuleViolation } from '../rules/errors';
import { isIsoDate } from '../shared/dates';
import { AssemblyKindRules, Statuts } from './statuts';
import { LEGAL_NOTICE_FLOOR_DAYS, noticeDaysOf } from './statuts-defaults';
import { requireValidSurplusClauses } from './statuts-surplus';
import { FULL_BP, LEGAL } from './thresholds';

/**
 * The legal bounds on what the statuts may choose (the "parameter" rules of docs/rules.md), checked
 * on the resolved statuts at adoption and at every amendment. The first breach is thrown.
 */
export function requireValidStatuts(statuts: Statuts): void {
  requireStatutsShape(statuts);
  requireShareValue(statuts);
  requirePayUpTerms(statuts);
  requireCapitalFloorFraction(statuts);
  requireRedemptionDelay(statuts);
  requireCollegeBounds(statuts);
  requireStatutoryReserveRate(statuts);
  requireQuorums(statuts);
  requireMajorities(statuts);
  requireAmorcageOnlyForScop(statuts);
  requireValidSurplusClauses(statuts);
  requireNoticeDays(statuts);
}

const LEGAL_FORMS = ['SCIC', 'SCOP'];
const COMPANY_FORMS = ['SA', 'SAS', 'SARL'];
const COLLEGE_COUNTINGS = ['proportional', 'majority'];

/** Not law: values no statuts could mean (a DTO should have caught them). */
function requireStatutsShape(s: Statuts): void {
  const invalid = (detail: string) => new DomainError('INVALID_VALUE', detail);
  if (typeof s.name !== 'string' || s.name.trim() === '') throw invalid('name must not be empty');
  if (!LEGAL_FORMS.includes(s.legalForm)) throw invalid(`legalForm must be SCIC or SCOP, not ${String(s.legalForm)}`);
  if (!COMPANY_FORMS.includes(s.companyForm)) throw invalid(`companyForm must be SA, SAS or SARL, not ${String(s.companyForm)}`);
  if (!isIsoDate(s.registeredOn)) throw invalid(`registeredOn must be a date YYYY-MM-DD, not ${String(s.registeredOn)}`);
  if (!COLLEGE_COUNTINGS.includes(s.collegeCounting)) throw invalid(`collegeCounting must be proportional or majority, not ${String(s.collegeCounting)}`);
  if (typeof s.blankProxyVotesWithBoard !== 'boolean') throw invalid('blankProxyVotesWithBoard must be true or false');
  if (s.amorcageConvertedOn !== null && !isIsoDate(s.amorcageConvertedOn)) {
    throw invalid(`amorcageConvertedOn must be a date YYYY-MM-DD or null, not ${String(s.amorcageConvertedOn)}`);
  }
  if (!Array.isArray(s.colleges)) throw invalid('colleges must be a list');
  s.colleges.forEach((c, i) => {
    if (typeof c.code !== 'string' || c.code.trim() === '') throw invalid(`colleges[${i}].code must not be empty`);
    if (typeof c.name !== 'string' || c.name.trim() === '') throw invalid(`colleges[${i}].name must not be empty`);
  });
}

function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** COOP-SHARE-VALUE: one uniform nominal value, a whole number of cents above zero. */
function requireShareValue(s: Statuts): void {
  if (typeof s.shareValueCents === 'number' && Number.isSafeInteger(s.shareValueCents) && s.shareValueCents > 0) return;
  throw new RuleViolation('COOP-SHARE-VALUE', `shareValueCents is ${String(s.shareValueCents)}; the nominal value of a share must be a whole number of cents above 0`);
}

/** COOP-PAYUP-QUARTER (L1947 art. 12): at least a quarter paid at subscription, the rest within 5 years. */
function requirePayUpTerms(s: Statuts): void {
  if (!isIntegerBetween(s.minimumPaidAtSubscriptionBp, LEGAL.minimumPaidAtSubscriptionBp, FULL_BP)) {
    throw new RuleViolation(
      'COOP-PAYUP-QUARTER',
      `minimumPaidAtSubscriptionBp is ${String(s.minimumPaidAtSubscriptionBp)}; it must be between ${LEGAL.minimumPaidAtSubscriptionBp} (a quarter) and ${FULL_BP} (full payment)`,
    );
  }
  if (!isIntegerBetween(s.paymentDelayMonths, 0, LEGAL.maximumPaymentDelayMonths)) {
    throw new RuleViolation('COOP-PAYUP-QUARTER', `paymentDelayMonths is ${String(s.paymentDelayMonths)}; the balance must be paid within 0 to ${LEGAL.maximumPaymentDelayMonths} months (5 years)`);
  }
}

/** COOP-CAPITAL-FLOOR (L1947 art. 13): the statuts may raise the quarter, never lower it. */
function requireCapitalFloorFraction(s: Statuts): void {
  if (isIntegerBetween(s.capitalFloorBp, LEGAL.minimumCapitalFloorBp, FULL_BP)) return;
  throw new RuleViolation('COOP-CAPITAL-FLOOR', `capitalFloorBp is ${String(s.capitalFloorBp)}; the floor must be between ${LEGAL.minimumCapitalFloorBp} (a quarter of the highest capital reached) and ${FULL_BP}`);
}

/** COOP-REDEMPTION-NOMINAL: the delay the statuts give themselves, bounded by the model statuts' 5 years. */
function requireRedemptionDelay(s: Statuts): void {
  if (isIntegerBetween(s.redemptionDelayMonths, 0, LEGAL.maximumRedemptionDelayMonths)) return;
  throw new RuleViolation('COOP-REDEMPTION-NOMINAL', `redemptionDelayMonths is ${String(s.redemptionDelayMonths)}; leaving associates must be repaid within 0 to ${LEGAL.maximumRedemptionDelayMonths} months`);
}

/** SCIC-COLLEGES (L1947 art. 19 octies): optional; if any, at least 3, each 10 % to 50 %, summing to 100 %. */
function requireCollegeBounds(s: Statuts): void {
  const colleges = s.colleges;
  if (colleges.length === 0) return;
  const violation = (detail: string) => new RuleViolation('SCIC-COLLEGES', detail);
  if (s.legalForm !== 'SCIC') throw violation(`only a SCIC may create collèges; these ${s.legalForm} statuts list ${colleges.length}`);
  if (colleges.length < LEGAL.scicMinimumColleges) {
    throw violation(`colleges lists ${colleges.length} collège(s); a SCIC that creates collèges needs at least ${LEGAL.scicMinimumColleges}`);
  }
  const seen = new Set<string>();
  for (const c of colleges) {
    if (seen.has(c.code)) throw violation(`collège code "${c.code}" appears twice; each collège needs its own code`);
    seen.add(c.code);
    if (!isIntegerBetween(c.weightBp, LEGAL.collegeMinimumWeightBp, LEGAL.collegeMaximumWeightBp)) {
      throw violation(`collège "${c.code}" weightBp is ${String(c.weightBp)}; each collège must weigh between ${LEGAL.collegeMinimumWeightBp} and ${LEGAL.collegeMaximumWeightBp} bp (10 % to 50 % of the votes)`);
    }
  }
  const total = colleges.reduce((sum, c) => sum + c.weightBp, 0);
  if (total !== FULL_BP) throw violation(`collège weights sum to ${total} bp; they must sum to exactly ${FULL_BP} (100 %)`);
}

/**
 * SCIC-STATUTORY-RESERVE (L1947 art. 19 nonies): at least half of what the legal reserve leaves.
 * A SCOP's development fund (SCOP-DEVELOPMENT-FUND) has no legal minimum: any rate up to 100 %.
 */
function requireStatutoryReserveRate(s: Statuts): void {
  const scic = s.legalForm === 'SCIC';
  const min = scic ? LEGAL.scicMinimumStatutoryReserveBp : 0;
  if (isIntegerBetween(s.statutoryReserveBp, min, FULL_BP)) return;
  throw new RuleViolation(
    scic ? 'SCIC-STATUTORY-RESERVE' : 'SCOP-DEVELOPMENT-FUND',
    `statutoryReserveBp is ${String(s.statutoryReserveBp)}; it must be between ${min} and ${FULL_BP}${scic ? ' (at least half of the surplus left after the legal reserve)' : ''}`,
  );
}

function assemblyKinds(s: Statuts): Array<[string, AssemblyKindRules]> {
  return [
    ['ordinary', s.assemblyRules.ordinary],
    ['extraordinary', s.assemblyRules.extraordinary],
  ];
}

/** AG-QUORUM: a quorum is a share of the associates, 0 % (none) to 100 %. */
function requireQuorums(s: Statuts): void {
  for (const [kind, rules] of assemblyKinds(s)) {
    for (const field of ['quorumFirstCallBp', 'quorumSecondCallBp'] as const) {
      if (isIntegerBetween(rules[field], 0, FULL_BP)) continue;
      throw new RuleViolation('AG-QUORUM', `assemblyRules.${kind}.${field} is ${String(rules[field])}; a quorum is between 0 and ${FULL_BP} bp`);
    }
  }
}

/** AG-MAJORITY: a fraction of the votes cast above 0 and reachable ("more than 100 %" is not). */
function requireMajorities(s: Statuts): void {
  for (const [kind, rules] of assemblyKinds(s)) {
    const m = rules.majority;
    const figure = `${String(m?.numerator)}/${String(m?.denominator)}${m?.strict ? ' (strict)' : ''}`;
    const sane =
      !!m &&
      Number.isSafeInteger(m.numerator) &&
      Number.isSafeInteger(m.denominator) &&
      typeof m.strict === 'boolean' &&
      m.denominator > 0 &&
      m.numerator > 0 &&
      m.numerator <= m.denominator &&
      !(m.strict && m.numerator === m.denominator);
    if (sane) continue;
    throw new RuleViolation('AG-MAJORITY', `assemblyRules.${kind}.majority is ${figure}; a majority is a fraction above 0 and at most 1, and "more than all" cannot be reached`);
  }
}

/** SCOP-AMORCAGE (L1978 art. 49 ter): only a company converted into a SCOP has a conversion date. */
function requireAmorcageOnlyForScop(s: Statuts): void {
  if (s.amorcageConvertedOn === null || s.legalForm === 'SCOP') return;
  throw new RuleViolation('SCOP-AMORCAGE', `amorcageConvertedOn is ${s.amorcageConvertedOn}; only a SCOP d'amorçage has a conversion date, and these are ${s.legalForm} statuts`);
}

/** AG-NOTICE: the statuts may ask for more notice than the company form's legal floor, never less. */
function requireNoticeDays(s: Statuts): void {
  const notice = noticeDaysOf(s);
  const floor = LEGAL_NOTICE_FLOOR_DAYS[s.companyForm];
  for (const call of ['firstCall', 'secondCall'] as const) {
    if (!isIntegerBetween(notice[call], 0, 366)) throw new DomainError('INVALID_VALUE', `noticeDays.${call} must be a whole number of days from 0 to 366, not ${String(notice[call])}`);
    if (notice[call] < floor[call]) {
      throw new RuleViolation(
        'AG-NOTICE',
        `noticeDays.${call} is ${notice[call]} days; an ${s.companyForm} convenes its associates at least ${floor[call]} days before the assembly on ${call === 'firstCall' ? 'first' : 'second'} call`,
      );
    }
  }
}
