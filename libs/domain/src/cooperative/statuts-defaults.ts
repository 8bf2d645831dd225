import { AssemblyKindRules, StatutsAssemblyRules, College, CompanyForm, LegalForm, Majority, NoticeDays, Statuts, StatutsInput } from './statuts';
import { DEFAULT_FISCAL_YEAR_END, resolveSurplusTerms } from './statuts-surplus';
import { FULL_BP, LEGAL } from './thresholds';

/**
 * Defaults, within the law's bounds (docs/rules.md), for what the statuts may leave unsaid. The resolved statuts, not the
 * input, go into `StatutsAdopted`: a reader years later needs no knowledge of today's defaults.
 */
export const STATUTS_DEFAULTS = {
  /** COOP-PAYUP-QUARTER: the legal quarter. SCOP model statuts require full payment: they say so. */
  minimumPaidAtSubscriptionBp: LEGAL.minimumPaidAtSubscriptionBp,
  /** COOP-PAYUP-QUARTER: the legal maximum, 5 years. */
  paymentDelayMonths: LEGAL.maximumPaymentDelayMonths,
  /** COOP-CAPITAL-FLOOR: the legal quarter of the highest capital reached. */
  capitalFloorBp: LEGAL.minimumCapitalFloorBp,
  /** COOP-REDEMPTION-NOMINAL: the model statuts' 5 years. */
  redemptionDelayMonths: LEGAL.maximumRedemptionDelayMonths,
  /** AG-COLLEGE-TALLY */
  collegeCounting: 'proportional',
  /** AG-BLANK-PROXY: on by default. */
  blankProxyVotesWithBoard: true,
  /** SCOP-AMORCAGE: an ordinary SCOP unless the statuts give the conversion date. */
  amorcageConvertedOn: null,
} as const;

/**
 * SCIC-STATUTORY-RESERVE: the legal minimum, half of the surplus left after the legal reserve.
 * SCOP: L1978 art. 33 sets the legal reserve and the worker share but no minimum for the
 * development fund, which the statuts choose (SCOP-DEVELOPMENT-FUND is a parameter); 0 means
 * "no statutory floor" rather than a figure the law does not give.
 */
export const DEFAULT_STATUTORY_RESERVE_BP: Record<LegalForm, number> = {
  SCIC: LEGAL.scicMinimumStatutoryReserveBp,
  SCOP: 0,
};

const MORE_THAN_HALF: Majority = { numerator: 1, denominator: 2, strict: true };
const TWO_THIRDS: Majority = { numerator: 2, denominator: 3, strict: false };
const THREE_QUARTERS: Majority = { numerator: 3, denominator: 4, strict: false };

/**
 * AG-QUORUM and AG-MAJORITY defaults by company form, as data.
 * - SA: C.com. L.225-98 (ordinary: 1/5 on first call, none on second, more than half of the votes
 *   cast) and L.225-96 (extraordinary: 1/4 then 1/5, two thirds of the votes cast).
 * - SARL, SAS: the law leaves it to the statuts. The only model we hold is the SCOP SARL model
 *   statuts (ordinary: no quorum, more than half; extraordinary: 3/4 then 1/2, three quarters);
 *   its quorums are borrowed for every SARL and SAS, with the SA's two-thirds majority for all
 *   but the SCOP SARL.
 */
export function defaultAssemblyRules(legalForm: LegalForm, companyForm: CompanyForm): StatutsAssemblyRules {
  if (companyForm === 'SA') {
    return {
      ordinary: { quorumFirstCallBp: 2000, quorumSecondCallBp: 0, majority: MORE_THAN_HALF },
      extraordinary: { quorumFirstCallBp: 2500, quorumSecondCallBp: 2000, majority: TWO_THIRDS },
    };
  }
  return {
    ordinary: { quorumFirstCallBp: 0, quorumSecondCallBp: 0, majority: MORE_THAN_HALF },
    extraordinary: {
      quorumFirstCallBp: 7500,
      quorumSecondCallBp: 5000,
      majority: legalForm === 'SCOP' && companyForm === 'SARL' ? THREE_QUARTERS : TWO_THIRDS,
    },
  };
}

/** Fills every field the input leaves out; keeps only the fields `Statuts` knows. */
export function resolveStatuts(input: StatutsInput): Statuts {
  return {
    name: input.name,
    legalForm: input.legalForm,
    companyForm: input.companyForm,
    registeredOn: input.registeredOn,
    shareValueCents: input.shareValueCents,
    colleges: resolveCollegeWeights(input.colleges ?? []),
    collegeCounting: input.collegeCounting ?? STATUTS_DEFAULTS.collegeCounting,
    minimumPaidAtSubscriptionBp: input.minimumPaidAtSubscriptionBp ?? STATUTS_DEFAULTS.minimumPaidAtSubscriptionBp,
    paymentDelayMonths: input.paymentDelayMonths ?? STATUTS_DEFAULTS.paymentDelayMonths,
    capitalFloorBp: input.capitalFloorBp ?? STATUTS_DEFAULTS.capitalFloorBp,
    redemptionDelayMonths: input.redemptionDelayMonths ?? STATUTS_DEFAULTS.redemptionDelayMonths,
    statutoryReserveBp: input.statutoryReserveBp ?? DEFAULT_STATUTORY_RESERVE_BP[input.legalForm],
    assemblyRules: resolveAssemblyRules(input),
    blankProxyVotesWithBoard: input.blankProxyVotesWithBoard ?? STATUTS_DEFAULTS.blankProxyVotesWithBoard,
    amorcageConvertedOn: input.amorcageConvertedOn ?? STATUTS_DEFAULTS.amorcageConvertedOn,
    siren: input.siren ?? null,
    fiscalYearEnd: input.fiscalYearEnd ?? DEFAULT_FISCAL_YEAR_END,
    surplus: resolveSurplusTerms(input.legalForm, input.surplus),
    noticeDays: { ...DEFAULT_NOTICE_DAYS[input.companyForm], ...definedNotice(input.noticeDays) },
  };
}

/**
 * AG-NOTICE, the legal floor by company form, in whole days between convocation and assembly:
 * SA 15 days on first call, 6 on second (C.com. R.225-69, R.225-77); SARL 15 days (R.223-20,
 * which makes no exception for a second consultation); SAS: the statuts alone (C.com. L.227-9),
 * so no floor. Status partial (docs/rules.md): the texts read, not yet checked against case law.
 */
export const LEGAL_NOTICE_FLOOR_DAYS: Record<CompanyForm, NoticeDays> = {
  SA: { firstCall: 15, secondCall: 6 },
  SARL: { firstCall: 15, secondCall: 15 },
  SAS: { firstCall: 0, secondCall: 0 },
};

/** AG-NOTICE defaults: the legal floor, and 15 days for a SAS (a SCIC's or SCOP's model statuts). */
export const DEFAULT_NOTICE_DAYS: Record<CompanyForm, NoticeDays> = {
  SA: { firstCall: 15, secondCall: 6 },
  SARL: { firstCall: 15, secondCall: 15 },
  SAS: { firstCall: 15, secondCall: 15 },
};

/** The notice of statuts in force: theirs, or the company form's defaults for statuts adopted before AG-NOTICE. */
export function noticeDaysOf(statuts: Pick<Statuts, 'companyForm' | 'noticeDays'>): NoticeDays {
  return statuts.noticeDays ?? DEFAULT_NOTICE_DAYS[statuts.companyForm];
}

function definedNotice(given: Partial<NoticeDays> | undefined): Partial<NoticeDays> {
  const out: { firstCall?: number; secondCall?: number } = {};
  if (given?.firstCall !== undefined && given.firstCall !== null) out.firstCall = given.firstCall;
  if (given?.secondCall !== undefined && given.secondCall !== null) out.secondCall = given.secondCall;
  return out;
}

function resolveAssemblyRules(input: StatutsInput): StatutsAssemblyRules {
  const defaults = defaultAssemblyRules(input.legalForm, input.companyForm);
  return {
    ordinary: resolveKind(defaults.ordinary, input.assemblyRules?.ordinary),
    extraordinary: resolveKind(defaults.extraordinary, input.assemblyRules?.extraordinary),
  };
}

function resolveKind(defaults: AssemblyKindRules, given: Partial<AssemblyKindRules> | undefined): AssemblyKindRules {
  return {
    quorumFirstCallBp: given?.quorumFirstCallBp ?? defaults.quorumFirstCallBp,
    quorumSecondCallBp: given?.quorumSecondCallBp ?? defaults.quorumSecondCallBp,
    majority: given?.majority ? { numerator: given.majority.numerator, denominator: given.majority.denominator, strict: given.majority.strict } : defaults.majority,
  };
}

/**
 * SCIC-COLLEGES: "equal weights by default". Collèges given without a weight share what the
 * others leave of 10000 bp equally; the indivisible basis points go one each to the first of
 * them, in the statuts' order (3 collèges: 3334, 3333, 3333), so the sum is exactly 10000.
 * Bounds are checked afterwards by `requireValidStatuts`, on the resolved figures.
 */
export function resolveCollegeWeights(colleges: ReadonlyArray<{ code: string; name: string; weightBp?: number | null }>): College[] {
  const unweighted = colleges.filter((c) => c.weightBp === undefined || c.weightBp === null).length;
  const given = colleges.reduce((sum, c) => sum + (c.weightBp ?? 0), 0);
  const rest = FULL_BP - given;
  const base = unweighted === 0 ? 0 : Math.floor(rest / unweighted);
  let remainder = rest - base * unweighted;
  return colleges.map((c) => {
    if (c.weightBp !== undefined && c.weightBp !== null) return { code: c.code, name: c.name, weightBp: c.weightBp };
    const weightBp = base + (remainder > 0 ? 1 : 0);
    remainder -= 1;
    return { code: c.code, name: c.name, weightBp };
  });
}
