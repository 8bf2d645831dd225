import { AssemblyEventOf, AttendanceMode, BallotChoice, Bureau, ExactFraction, NotVotedReason, Outcome, ResolutionResult, ResolutionSpec, VoteCounts, Voter } from './assembly-events';

/** `adjourned`: opened, then adjourned before the end (its open resolutions not voted); final, like `closed`. */
export type AssemblyStatus = 'none' | 'convened' | 'open' | 'closed' | 'adjourned';
export type ResolutionStatus = 'pending' | 'open' | 'closed';
export type VotingMethod = 'ballots' | 'show_of_hands';
export type Convocation = AssemblyEventOf<'AssemblyConvened'>['data'];
export type Opening = AssemblyEventOf<'AssemblyOpened'>['data'];

export interface AttendanceState {
  readonly associateId: string;
  readonly mode: AttendanceMode;
  /** The associate who holds the proxy; null for every other mode, and for a blank proxy. */
  readonly proxyHolderId: string | null;
  /** A late arrival: the first resolution not yet closed when recorded (null: none was left). Absent: recorded before opening. */
  readonly countsFrom?: string | null;
}

/**
 * Attendees of one collège, how many of them are non-employees and cooperative societies, and
 * how many weigh each weight of the list (SCOP-VOTES-65; keyed by `weightKey`).
 */
export interface Headcount {
  all: number;
  nonEmployee: number;
  cooperativeSociety: number;
  byWeight: Record<string, number>;
}

/**
 * The running tally of one resolution inside one collège, kept by `evolve` as ballots and hands
 * come in, so that closing a resolution costs one step per collège, not per ballot.
 * `nonEmployee` is the part of `votes` cast by non-employee associates, kept for a SCOP only.
 */
export interface CollegeTally {
  votes: VoteCounts;
  nonEmployee: VoteCounts;
  /** SCOP-VOTES-65: `votes` by the weight of the voters who cast them (keyed by `weightKey`). */
  byWeight: Record<string, VoteCounts>;
  /** A show of hands was recorded for this collège (once per collège). */
  hands: boolean;
}

export interface ResolutionState {
  readonly spec: ResolutionSpec;
  status: ResolutionStatus;
  /** Fixed by the first ballot or show of hands: a resolution never mixes the two. */
  method: VotingMethod | null;
  /** AG-ONE-BALLOT: each associate's ballot, by associate id. */
  ballots: Record<string, BallotChoice>;
  ballotCount: number;
  /** By collège key (see `collegeKey`). */
  tallies: Record<string, CollegeTally>;
  handsRecorded: number;
  outcome: Outcome | null;
  result: ResolutionResult | null;
  /** Why a resolution was not put to the vote (outcome not_voted). */
  reason: NotVotedReason | null;
}

/**
 * An assembly as its events make it. Plain JSON (records and arrays, no Map) like the
 * cooperative state, so that a projection can snapshot it; `evolve` updates it in place.
 * Records keyed by associate id make every check of `decide` one lookup.
 */
export interface AssemblyState {
  status: AssemblyStatus;
  /** The convocation as recorded: kind, dates, call, resolutions, voter list and rules. */
  convocation: Convocation | null;
  /** AG-VOTERS: the list fixed at the record date, by associate id. */
  voters: Record<string, Voter>;
  voterCount: number;
  /**
   * SCOP-VOTES-65: false for a list recorded before weights existed (read as 1/1, assembly-upcast.ts):
   * its tallies reduce on the votes cast, as they then did. True for every list recorded since.
   */
  weightsRecorded: boolean;
  /** The voter list by weight (keyed by `weightKey`): the votes on the register. */
  listByWeight: Record<string, number>;
  /** The attendees by weight: the votes that may validly be cast by those present or represented. */
  attendingByWeight: Record<string, number>;
  /** SCOP-VOTES-65: the list's cooperators and outsiders, and their weights as the list fixed them. */
  scopList: ScopList | null;
  attendance: Record<string, AttendanceState>;
  /** Associate ids in the order their attendance was recorded. */
  attendanceOrder: string[];
  attendanceCounts: { present: number; remote: number; mail: number; represented: number; blankProxies: number };
  /** SCOP-PROXY-LIMIT: proxies held, by holder. */
  proxiesHeld: Record<string, number>;
  /** By collège key: attendees who can vote by hand (everyone but blank proxies). */
  handVoters: Record<string, Headcount>;
  /** By collège key: blank proxies, which AG-BLANK-PROXY counts at closing. */
  blankProxies: Record<string, Headcount>;
  opening: Opening | null;
  resolutions: Record<string, ResolutionState>;
  /** Resolution ids in the order of the agenda. */
  resolutionOrder: string[];
  /** `position`: where the digest was taken; null for a closing recorded before it was kept. */
  closing: { ledgerDigest: string; streams: number; position: string | null } | null;
  /** The bureau of the meeting, once recorded (the last record stands). */
  bureau: Bureau | null;
  adjournment: { reason: string } | null;
}

export interface ScopList {
  cooperators: number;
  outsiders: number;
  cooperativeSocieties: number;
  /** A non-cooperative outsider's weight (1/1 when none is on the list). */
  outsiderWeight: ExactFraction;
  /** A cooperative society's weight (1/1 when none is on the list). */
  cooperativeSocietyWeight: ExactFraction;
}

/** The key of a weight in the by-weight records: "n/d". */
export function weightKey(weight: ExactFraction | undefined): string {
  return weight ? `${weight.numerator}/${weight.denominator}` : '1/1';
}

export function initialAssemblyState(): AssemblyState {
  return {
    status: 'none',
    convocation: null,
    voters: {},
    voterCount: 0,
    weightsRecorded: true,
    listByWeight: {},
    attendingByWeight: {},
    scopList: null,
    attendance: {},
    attendanceOrder: [],
    attendanceCounts: { present: 0, remote: 0, mail: 0, represented: 0, blankProxies: 0 },
    proxiesHeld: {},
    handVoters: {},
    blankProxies: {},
    opening: null,
    resolutions: {},
    resolutionOrder: [],
    closing: null,
    bureau: null,
    adjournment: null,
  };
}

/** Without collèges everyone is in one pseudo-collège keyed ''; collège codes are never empty. */
export const NO_COLLEGE = '';

export function collegeKey(code: string | null | undefined): string {
  return code ?? NO_COLLEGE;
}

/** The collège keys of an assembly, in the statuts' order. */
export function collegeKeys(convocation: Convocation): string[] {
  return convocation.rules.colleges.length === 0 ? [NO_COLLEGE] : convocation.rules.colleges.map((c) => c.code);
}

/** Own keys only: an associate called "constructor" is not found on Object.prototype. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function emptyHeadcount(): Headcount {
  return { all: 0, nonEmployee: 0, cooperativeSociety: 0, byWeight: {} };
}

export function emptyTally(): CollegeTally {
  return { votes: zeroCounts(), nonEmployee: zeroCounts(), byWeight: {}, hands: false };
}

export function zeroCounts(): VoteCounts {
  return { for: 0, against: 0, abstain: 0, blank: 0 };
}

/** Blank proxies have no named holder (AG-BLANK-PROXY). */
export function isBlankProxy(attendance: AttendanceState): boolean {
  return attendance.mode === 'proxy' && attendance.proxyHolderId === null;
}
