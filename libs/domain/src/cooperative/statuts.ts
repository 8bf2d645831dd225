import { IsoDate } from '../shared/dates';
import type { SurplusTerms, SurplusTermsInput } from './statuts-surplus';

export type LegalForm = 'SCIC' | 'SCOP';
export type CompanyForm = 'SA' | 'SAS' | 'SARL';
export type CollegeCounting = 'proportional' | 'majority';

export interface College {
  readonly code: string;
  readonly name: string;
  readonly weightBp: number;
}

/** A majority as an exact fraction: strict means "more than", otherwise "at least". */
export interface Majority {
  readonly numerator: number;
  readonly denominator: number;
  readonly strict: boolean;
}

export interface AssemblyKindRules {
  readonly quorumFirstCallBp: number;
  readonly quorumSecondCallBp: number;
  readonly majority: Majority;
}

export interface StatutsAssemblyRules {
  readonly ordinary: AssemblyKindRules;
  readonly extraordinary: AssemblyKindRules;
}

/** AG-NOTICE: the whole days between convocation and assembly, on first and on second call. */
export interface NoticeDays {
  readonly firstCall: number;
  readonly secondCall: number;
}

/**
 * The statuts in force, with every default (statuts-defaults.ts) resolved: events carry the whole
 * resolved statuts so that a reader years later needs no knowledge of today's defaults.
 */
export interface Statuts {
  readonly name: string;
  readonly legalForm: LegalForm;
  readonly companyForm: CompanyForm;
  readonly registeredOn: IsoDate;
  readonly shareValueCents: number;
  /** Empty: no collèges, one associate one vote. */
  readonly colleges: readonly College[];
  readonly collegeCounting: CollegeCounting;
  readonly minimumPaidAtSubscriptionBp: number;
  /** Delay to pay up the balance of a subscription (COOP-PAYUP-QUARTER, at most 60). */
  readonly paymentDelayMonths: number;
  readonly capitalFloorBp: number;
  /** Delay to redeem a leaving associate (COOP-REDEMPTION-NOMINAL, model statuts: 60). */
  readonly redemptionDelayMonths: number;
  readonly statutoryReserveBp: number;
  readonly assemblyRules: StatutsAssemblyRules;
  /** AG-BLANK-PROXY: blank proxies vote for board-approved resolutions. */
  readonly blankProxyVotesWithBoard: boolean;
  /** SCOP-AMORCAGE: the conversion date of a SCOP d'amorçage, else null. */
  readonly amorcageConvertedOn: IsoDate | null;
  /** 9 digits with a valid Luhn key: names the FEC file. Null when not given; absent from statuts adopted before it existed. */
  readonly siren?: string | null;
  /** MM-DD: fiscal year N ends on N-<fiscalYearEnd>. Absent from older statuts: read as 12-31 (fiscalYearEndOf). */
  readonly fiscalYearEnd?: string;
  /** The surplus clauses (statuts-surplus.ts). Absent from older statuts: read with the defaults (surplusTermsOf). */
  readonly surplus?: SurplusTerms;
  /**
   * AG-NOTICE, never below the company form's legal floor. Absent from statuts adopted before the
   * rule was applied: they are read with the company form's defaults (`noticeDaysOf`).
   */
  readonly noticeDays?: NoticeDays;
}

/** What a client may give; absent optional fields take the defaults of statuts-defaults.ts. */
export type StatutsInput = Pick<Statuts, 'name' | 'legalForm' | 'companyForm' | 'registeredOn' | 'shareValueCents'> &
  Partial<Omit<Statuts, 'name' | 'legalForm' | 'companyForm' | 'registeredOn' | 'shareValueCents' | 'colleges' | 'assemblyRules' | 'noticeDays' | 'surplus'>> & {
    readonly surplus?: SurplusTermsInput;
    readonly noticeDays?: Partial<NoticeDays>;
    readonly colleges?: ReadonlyArray<{ code: string; name: string; weightBp?: number }>;
    readonly assemblyRules?: {
      ordinary?: Partial<AssemblyKindRules>;
      extraordinary?: Partial<AssemblyKindRules>;
    };
  };
