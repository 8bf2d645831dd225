import { IsoDate } from '../shared/dates';
import { College, CollegeCounting, CompanyForm, LegalForm, Majority } from '../cooperative/statuts';

export type AssemblyKind = 'ordinary' | 'extraordinary' | 'combined';
export type ResolutionKind = 'ordinary' | 'extraordinary';
export type AttendanceMode = 'present' | 'remote' | 'mail' | 'proxy';
export type BallotChoice = 'for' | 'against' | 'abstain' | 'blank';
export type Call = 1 | 2;
/** `not_voted`: the resolution could not be put to the vote (its kind lacked quorum, or the AG was adjourned). */
export type Outcome = 'adopted' | 'rejected' | 'not_voted';
/** Why a resolution was not put to the vote: AG-QUORUM (its kind's quorum was not met) or the AG's adjournment. */
export type NotVotedReason = 'AG-QUORUM' | 'ADJOURNED';
/** How the associates were convened (docs/api.md): by letter, by e-mail (with their consent), by a published notice, by hand. */
export type ConvocationMethod = 'letter' | 'email' | 'notice' | 'hand';

export const ASSEMBLY_KINDS: readonly AssemblyKind[] = ['ordinary', 'extraordinary', 'combined'];
export const RESOLUTION_KINDS: readonly ResolutionKind[] = ['ordinary', 'extraordinary'];
export const ATTENDANCE_MODES: readonly AttendanceMode[] = ['present', 'remote', 'mail', 'proxy'];
export const BALLOT_CHOICES: readonly BallotChoice[] = ['for', 'against', 'abstain', 'blank'];
export const CONVOCATION_METHODS: readonly ConvocationMethod[] = ['letter', 'email', 'notice', 'hand'];

/** A member of the bureau: an associate on the voter list (named from it) or a named person. */
export interface BureauMember {
  associateId: string | null;
  name: string;
}

/** The bureau of the meeting: président de séance, secrétaire, scrutateurs. */
export interface Bureau {
  president: BureauMember;
  secretary: BureauMember;
  scrutineers: BureauMember[];
}

/** How many said for, against, abstained or voted blank (ballots or hands). */
export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
  blank: number;
}

/** AG-VOTERS: an associate with voting rights on the record date, in their collège then. */
export interface Voter {
  associateId: string;
  name: string;
  collegeCode: string | null;
  /**
   * SCOP-VOTES-65: a cooperator — an employee-associate, or a former employee still an associate
   * (category employee on the record date).
   */
  employee: boolean;
  /** SCOP-VOTES-65: an outsider that is itself a cooperative society (the 49 % tier). Absent: false. */
  cooperativeSociety?: boolean;
  /**
   * SCOP-VOTES-65: the weight of this voter's vote, fixed on the list: 1/1, or the reduced weight
   * of a non-cooperator. Lists recorded before weights existed are read as 1/1 (assembly-upcast.ts).
   */
  weight: ExactFraction;
}

export interface ResolutionSpec {
  id: string;
  title: string;
  /** The text put to the vote, plain text. Absent from resolutions convened before it was recorded: read the title. */
  text?: string;
  kind: ResolutionKind;
  /** AG-BLANK-PROXY: blank proxies vote for the resolutions the board approves. */
  boardApproved: boolean;
}

/**
 * The statuts as they bear on this AG, copied at convocation so the assembly stream decides
 * alone and a reader years later needs nothing else: collèges, counting, quorum for this call,
 * majorities, blank proxies, and the legal form (SCOP-PROXY-LIMIT, SCOP-VOTES-65).
 */
export interface AssemblyRules {
  legalForm: LegalForm;
  companyForm: CompanyForm;
  colleges: College[];
  collegeCounting: CollegeCounting;
  /** AG-QUORUM for this call, per resolution kind. */
  quorumRequiredBp: { ordinary: number; extraordinary: number };
  /** AG-MAJORITY per resolution kind. */
  majority: { ordinary: Majority; extraordinary: Majority };
  blankProxyVotesWithBoard: boolean;
  /** AG-NOTICE: the whole days of notice this call needs. Absent from convocations recorded before the rule. */
  noticeDays?: number;
}

/** An exact fraction, as JSON (BigInt digits as strings). */
export interface ExactFraction {
  numerator: string;
  denominator: string;
}

export interface CollegeResult {
  /** null: no collèges, one associate one vote. */
  code: string | null;
  weightBp: number;
  /** The weight after collèges with no vote cast dropped out (AG-COLLEGE-TALLY), rounded down for display. */
  effectiveWeightBp: number;
  for: number;
  against: number;
  abstain: number;
  blank: number;
  /** No vote cast in this collège: it dropped out and the others' weights were rescaled. */
  dropped: boolean;
}

export interface ScopReduction {
  factor: ExactFraction;
  nonEmployeeVotesCast: number;
  employeeVotesCast: number;
  base?: 'register' | 'votesCast';
  /** base register: the cooperators and non-cooperators on the list the weights were fixed on. */
  cooperatorsOnList?: number;
  outsidersOnList?: number;
  /** base register: a cooperative society's weight, or null when none is on the list. */
  cooperativeSocietyFactor?: ExactFraction | null;
}

export interface ResolutionResult {
  method: 'ballots' | 'show_of_hands';
  /** Weighted share of votes for, in basis points, rounded down: for display only. */
  forBp: number;
  /** The majority required, in basis points rounded up, for display. */
  requiredBp: number;
  majority: Majority;
  /** The weighted share of votes for, exactly: what decided the outcome. */
  exact: ExactFraction;
  colleges: CollegeResult[];
  droppedColleges: string[];
  /** Blank proxies counted for (board-approved) or against (AG-BLANK-PROXY). */
  blankProxies: number;
  /**
   * SCOP-VOTES-65: the reduction of non-cooperators' votes, or null when none applied.
   * `base: 'register'` (since edition 2026-12): the weights fixed on the voter list; `factor` is a
   * non-cooperative outsider's weight, `cooperativeSocietyFactor` a cooperative society's.
   * Absent `base` (results recorded before): the reduction on the votes cast, as then computed.
   */
  scopReduction: ScopReduction | null;
  /**
   * Added: votes cast (for + against, blank proxies included), one associate one vote, before
   * any SCOP reduction. Always set by `tallyResolution`; optional for results built elsewhere.
   */
  votesCast?: number;
  /**
   * false: the assembly could not vote on this resolution (AG-QUORUM: an extraordinary
   * resolution of a combined AG whose extraordinary quorum was not met). It is rejected untallied.
   * Added; always set by `tallyResolution`.
   */
  quorumMet?: boolean;
}

/** Events of the `assembly-<coopId>.<assemblyId>` stream. */
export type AssemblyEvent =
  | {
      type: 'AssemblyConvened';
      data: {
        coopId: string;
        assemblyId: string;
        kind: AssemblyKind;
        title: string;
        convenedOn: IsoDate;
        heldOn: IsoDate;
        /** Where the AG is held, or "à distance". Absent from convocations recorded before it was asked. */
        place?: string;
        /** How the associates were convened. Absent from convocations recorded before it was asked. */
        convocationMethod?: ConvocationMethod;
        call: Call;
        recordDate: IsoDate;
        /** On second call: the first-call assembly whose quorum was not met, else null. */
        reconvenes: string | null;
        resolutions: ResolutionSpec[];
        voters: Voter[];
        /** sha256 of the canonical JSON of `voters`: the list as fixed (AG-VOTERS). */
        votersHash: string;
        rules: AssemblyRules;
      };
    }
  | {
      type: 'AttendanceRecorded';
      data: {
        associateId: string;
        mode: AttendanceMode;
        proxyHolderId: string | null;
        /** A late arrival, recorded after opening: the first resolution of the agenda not yet closed, from which the attendee counts. Absent before opening. */
        countsFrom?: string | null;
      };
    }
  | { type: 'BureauRecorded'; data: Bureau }
  | { type: 'AssemblyAdjourned'; data: { reason: string; notVoted: string[] } }
  | {
      type: 'AssemblyOpened';
      data: {
        present: number;
        remote: number;
        mail: number;
        represented: number;
        total: number;
        voters: number;
        /** total / voters in basis points, rounded down for display. */
        quorumBp: number;
        /** The quorum this assembly had to meet to open (the ordinary one for a combined AG). */
        quorumRequiredBp: number;
        ordinaryQuorumMet: boolean;
        extraordinaryQuorumMet: boolean;
        /**
         * AG-QUORUM for a SCOP (L1978 art. 14): the votes that may validly be cast by the
         * associates present or represented, and by all on the list, with the weights of the list
         * (SCOP-VOTES-65); the quorum was reckoned on them. Absent for a SCIC (counted in associates).
         */
        votesPresentOrRepresented?: ExactFraction;
        votesOnList?: ExactFraction;
      };
    }
  | { type: 'BallotCast'; data: { resolutionId: string; associateId: string; choice: BallotChoice; castBy: string } }
  | {
      type: 'ShowOfHandsRecorded';
      data: {
        resolutionId: string;
        collegeCode: string | null;
        for: number;
        against: number;
        abstain: number;
        blank: number;
        /**
         * SCOP-VOTES-65: the part of these hands raised by non-employee associates, needed to
         * apply the pro-rata reduction; null (or absent) when none of them could raise a hand.
         */
        nonEmployee?: VoteCounts | null;
        /**
         * SCOP-VOTES-65 two tiers: the part of the `nonEmployee` hands raised by cooperative
         * societies, whose weight differs from other outsiders'; null or absent when it does not.
         */
        cooperativeSociety?: VoteCounts | null;
      };
    }
  | {
      type: 'ResolutionClosed';
      /** `not_voted` (AG-QUORUM): no result; `reason` says why. Resolutions closed before had outcome rejected and a result with quorumMet false. */
      data: { resolutionId: string; outcome: Outcome; result: ResolutionResult | null; reason?: NotVotedReason };
    }
  | {
      type: 'AssemblyClosed';
      /** `position`: the global position of the last event the digest covers (decimal string); absent from closings recorded before. */
      data: { ledgerDigest: string; streams: number; position?: string };
    };

export type AssemblyEventType = AssemblyEvent['type'];
export type AssemblyEventOf<T extends AssemblyEventType> = Extract<AssemblyEvent, { type: T }>;
