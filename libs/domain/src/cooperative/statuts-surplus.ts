import { DomainError, RuleViolation } from '../rules/errors';
import { FULL_BP } from './thresholds';
import type { LegalForm, Statuts } from './statuts';

/**
 * What the statuts say of the year's result (docs/api.md, "Fiscal years, surplus and accounting"):
 * the SIREN that names the FEC file, the fiscal year's end, and the surplus clauses, each within
 * its legal bounds. Statuts adopted before these fields existed are read with the defaults
 * (`fiscalYearEndOf`, `surplusTermsOf`): nothing stored is rewritten.
 */
export type LegalReserveCeiling = 'allReserves' | 'legalReserve';
export type ShareInterestModeClause = 'yearEnd' | 'proRataDays';
export type LossImputation = 'proRataCapitalAndReserves' | 'reservesFirst' | 'capitalOnly';

export interface SeniorityCoefficient {
  readonly fromYears: number;
  readonly coefficientBp: number;
}

export interface WorkerShareSplit {
  readonly salaryBp: number;
  readonly hoursBp: number;
  readonly equalBp: number;
  readonly seniority: readonly SeniorityCoefficient[];
}

export interface SurplusTerms {
  /** COOP-LEGAL-RESERVE / SCOP-LEGAL-RESERVE: at least 15 % of the surplus. */
  readonly legalReserveBp: number;
  /** SCIC: what the legal reserve's ceiling compares with the capital (a SCOP: the legal reserve with the highest capital). */
  readonly legalReserveCeiling: LegalReserveCeiling;
  /** Once the legal reserve is full, its 15 % go on to the statutory reserve (SCIC-STATUTORY-RESERVE, SCOP-LEGAL-RESERVE). */
  readonly redirectLegalReserveWhenFull: boolean;
  /** SCOP-WORKER-SHARE: at least 25 % of the net surplus (a SCIC: 0). */
  readonly workerShareBp: number;
  /** SCOP-DEVELOPMENT-FUND: the statuts' minimum, if any. */
  readonly developmentFundMinBp: number;
  readonly shareInterest: { readonly allowed: boolean; readonly mode: ShareInterestModeClause };
  readonly workerShareSplit: WorkerShareSplit;
  /** COOP-REDEMPTION-NOMINAL: how losses reduce a leaving associate's refund. */
  readonly lossImputationForRedemption: LossImputation;
}

export type SurplusTermsInput = Partial<Omit<SurplusTerms, 'shareInterest' | 'workerShareSplit'>> & {
  readonly shareInterest?: Partial<SurplusTerms['shareInterest']>;
  readonly workerShareSplit?: Partial<WorkerShareSplit>;
};

export const DEFAULT_FISCAL_YEAR_END = '12-31';

/** L1978 art. 33 and L1947 art. 16, 19 nonies: the legal floors the statuts may raise, never lower. */
export const SURPLUS_LEGAL = {
  legalReserveMinBp: 1500,
  scopWorkerShareMinBp: 2500,
  /** SCOP-WORKER-SHARE: a seniority coefficient at most 2. */
  maximumSeniorityCoefficientBp: 20000,
} as const;

export function defaultSurplusTerms(legalForm: LegalForm): SurplusTerms {
  return {
    legalReserveBp: SURPLUS_LEGAL.legalReserveMinBp,
    legalReserveCeiling: 'allReserves',
    redirectLegalReserveWhenFull: false,
    workerShareBp: legalForm === 'SCOP' ? SURPLUS_LEGAL.scopWorkerShareMinBp : 0,
    developmentFundMinBp: 0,
    shareInterest: { allowed: true, mode: 'yearEnd' },
    workerShareSplit: { salaryBp: 5000, hoursBp: 5000, equalBp: 0, seniority: [] },
    lossImputationForRedemption: 'proRataCapitalAndReserves',
  };
}

/** The clauses given laid over `base` (the defaults, or the statuts in force when amending): nested objects merge field by field. */
export function resolveSurplusTerms(legalForm: LegalForm, given: SurplusTermsInput | null | undefined, base: SurplusTerms = defaultSurplusTerms(legalForm)): SurplusTerms {
  const g = definedOnly(given ?? {});
  return {
    ...base,
    ...g,
    shareInterest: { ...base.shareInterest, ...definedOnly(g.shareInterest ?? {}) },
    workerShareSplit: { ...base.workerShareSplit, ...definedOnly(g.workerShareSplit ?? {}) },
  } as SurplusTerms;
}

export function surplusTermsOf(statuts: Pick<Statuts, 'legalForm'> & { surplus?: SurplusTerms }): SurplusTerms {
  return statuts.surplus ?? defaultSurplusTerms(statuts.legalForm);
}

export function fiscalYearEndOf(statuts: { fiscalYearEnd?: string }): string {
  return statuts.fiscalYearEnd ?? DEFAULT_FISCAL_YEAR_END;
}

/** The bounds of the three fields, checked at adoption and at every amendment (requireValidStatuts). */
export function requireValidSurplusClauses(s: Statuts): void {
  requireSiren(s.siren);
  requireFiscalYearEnd(s.fiscalYearEnd);
  requireSurplusTerms(s.legalForm, surplusTermsOf(s));
}

/** A SIREN is 9 digits whose Luhn key is valid (INSEE). */
export function isValidSiren(siren: unknown): siren is string {
  if (typeof siren !== 'string' || !/^\d{9}$/.test(siren)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(siren[8 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function requireSiren(siren: unknown): void {
  if (siren === undefined || siren === null || isValidSiren(siren)) return;
  throw new DomainError('INVALID_VALUE', `siren must be 9 digits with a valid Luhn key, not ${String(siren)}`);
}

/** MM-DD of a day every year has: 02-29 would end some years and not others. */
function requireFiscalYearEnd(end: unknown): void {
  if (end === undefined) return;
  const m = typeof end === 'string' ? /^(\d{2})-(\d{2})$/.exec(end) : null;
  const valid = !!m && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= new Date(Date.UTC(2001, Number(m[1]), 0)).getUTCDate();
  if (!valid) throw new DomainError('INVALID_VALUE', `fiscalYearEnd must be a day of the year MM-DD that every year has (not 02-29), not ${String(end)}`);
}

function isBp(value: unknown, min = 0): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= FULL_BP;
}

function requireSurplusTerms(legalForm: LegalForm, t: SurplusTerms): void {
  const scop = legalForm === 'SCOP';
  const invalid = (detail: string) => new DomainError('INVALID_VALUE', detail);
  if (!isBp(t.legalReserveBp, SURPLUS_LEGAL.legalReserveMinBp)) {
    throw new RuleViolation(
      scop ? 'SCOP-LEGAL-RESERVE' : 'COOP-LEGAL-RESERVE',
      `surplus.legalReserveBp is ${String(t.legalReserveBp)}; it must be between ${SURPLUS_LEGAL.legalReserveMinBp} (15 % of the surplus) and ${FULL_BP}`,
    );
  }
  if (!['allReserves', 'legalReserve'].includes(t.legalReserveCeiling)) throw invalid(`surplus.legalReserveCeiling must be allReserves or legalReserve, not ${String(t.legalReserveCeiling)}`);
  if (typeof t.redirectLegalReserveWhenFull !== 'boolean') throw invalid('surplus.redirectLegalReserveWhenFull must be true or false');
  if (scop && !isBp(t.workerShareBp, SURPLUS_LEGAL.scopWorkerShareMinBp)) {
    throw new RuleViolation('SCOP-WORKER-SHARE', `surplus.workerShareBp is ${String(t.workerShareBp)}; a SCOP gives its workers between ${SURPLUS_LEGAL.scopWorkerShareMinBp} (25 % of the net surplus) and ${FULL_BP}`);
  }
  if (!scop && t.workerShareBp !== 0) throw invalid(`surplus.workerShareBp is ${String(t.workerShareBp)}; the worker share (part travail, L1978 art. 33) is a SCOP's: a SCIC's is 0`);
  if (!isBp(t.developmentFundMinBp)) throw new RuleViolation('SCOP-DEVELOPMENT-FUND', `surplus.developmentFundMinBp is ${String(t.developmentFundMinBp)}; it must be between 0 and ${FULL_BP}`);
  if (!scop && t.developmentFundMinBp !== 0) throw invalid('surplus.developmentFundMinBp is a SCOP clause (the fonds de développement); a SCIC sets statutoryReserveBp');
  if (t.legalReserveBp + t.workerShareBp + t.developmentFundMinBp > FULL_BP) {
    throw invalid(`the legal reserve (${t.legalReserveBp} bp), the worker share (${t.workerShareBp} bp) and the development fund minimum (${t.developmentFundMinBp} bp) exceed the whole surplus`);
  }
  const si = t.shareInterest;
  if (!si || typeof si.allowed !== 'boolean' || !['yearEnd', 'proRataDays'].includes(si.mode)) throw invalid('surplus.shareInterest must be { allowed: true|false, mode: yearEnd|proRataDays }');
  if (!['proRataCapitalAndReserves', 'reservesFirst', 'capitalOnly'].includes(t.lossImputationForRedemption)) {
    throw invalid(`surplus.lossImputationForRedemption must be proRataCapitalAndReserves, reservesFirst or capitalOnly, not ${String(t.lossImputationForRedemption)}`);
  }
  requireSplit(t.workerShareSplit);
}

/** SCOP-WORKER-SHARE: keys summing to 100 %, seniority coefficients between 1 and 2 by increasing years. */
function requireSplit(split: WorkerShareSplit): void {
  const violation = (detail: string) => new RuleViolation('SCOP-WORKER-SHARE', detail);
  if (!split || !isBp(split.salaryBp) || !isBp(split.hoursBp) || !isBp(split.equalBp)) throw violation('surplus.workerShareSplit needs salaryBp, hoursBp and equalBp, each 0 to 10000');
  const total = split.salaryBp + split.hoursBp + split.equalBp;
  if (total !== FULL_BP) throw violation(`surplus.workerShareSplit keys sum to ${total} bp; salary, hours and equal parts must sum to ${FULL_BP}`);
  if (!Array.isArray(split.seniority)) throw violation('surplus.workerShareSplit.seniority must be a list');
  let previous = -1;
  for (const step of split.seniority) {
    if (!Number.isInteger(step?.fromYears) || step.fromYears <= previous || step.fromYears > 100) throw violation('surplus.workerShareSplit.seniority steps need whole, increasing fromYears (0 to 100)');
    if (!Number.isInteger(step.coefficientBp) || step.coefficientBp < FULL_BP || step.coefficientBp > SURPLUS_LEGAL.maximumSeniorityCoefficientBp) {
      throw violation(`a seniority coefficient is ${String(step.coefficientBp)} bp; it must be between ${FULL_BP} (1) and ${SURPLUS_LEGAL.maximumSeniorityCoefficientBp} (2)`);
    }
    previous = step.fromYears;
  }
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
