import { DomainError } from '../rules/errors';
import { IsoDate } from '../shared/dates';
import { AssemblyKind, AttendanceMode, Bureau, Call, ConvocationMethod, ExactFraction, NotVotedReason, Outcome, ResolutionKind, ResolutionResult } from './assembly-events';
import { AssemblyState, own, ScopList } from './assembly-state';
import { openingQuorumBp } from './rules/quorum.rule';

/**
 * An assembly as docs/api.md's `GET …/assemblies/:assemblyId` shows it, and as the minutes print it.
 * Field names of docs/api.md are binding; the others are additions.
 */
export interface AssemblyView {
  id: string;
  coopId: string;
  kind: AssemblyKind;
  title: string;
  call: Call;
  status: 'convened' | 'open' | 'closed' | 'adjourned';
  convenedOn: IsoDate;
  heldOn: IsoDate;
  /** Where the AG is held, or "à distance"; null for a convocation recorded before it was asked. */
  place: string | null;
  /** null for a convocation recorded before it was asked. */
  convocationMethod: ConvocationMethod | null;
  /** AG-NOTICE: the notice this call needed, in whole days; null for a convocation recorded before the rule. */
  noticeDays: number | null;
  /** The bureau of the meeting; null until recorded (the minutes then print blank lines). */
  bureau: Bureau | null;
  /** Why an adjourned AG was adjourned; null otherwise. */
  adjournment: { reason: string } | null;
  recordDate: IsoDate;
  reconvenes: string | null;
  /** How many associates could vote (the list fixed at the record date). */
  voters: number;
  votersHash: string;
  attendance: {
    present: number;
    remote: number;
    represented: number;
    mail: number;
    total: number;
    /** total / voters, basis points rounded down; null before opening. */
    quorumBp: number | null;
    quorumRequiredBp: number;
    quorumMet: boolean | null;
    /** Added: blank proxies among the represented (AG-BLANK-PROXY). */
    blankProxies?: number;
    /** Added: whether the extraordinary quorum was met at opening (what a combined AG's extraordinary resolutions need); null before. */
    extraordinaryQuorumMet?: boolean | null;
    /** Added, SCOP (L1978 art. 14): the weighted votes of the attendees and of the list the quorum was reckoned on; null before opening or for a SCIC. */
    votesPresentOrRepresented?: ExactFraction | null;
    votesOnList?: ExactFraction | null;
  };
  /**
   * AG-QUORUM per resolution kind on the agenda, as reckoned at opening (attendingBp null before):
   * a combined AG shows both.
   */
  quorum: { ordinary?: KindQuorum; extraordinary?: KindQuorum };
  /**
   * Added, SCOP-VOTES-65: who is on the list and the weights it fixed, `reduced` when a
   * non-cooperator's vote weighs less than 1; `base` votesCast for a list recorded before
   * weights existed (its tallies reduce on the votes cast). null for a SCIC.
   */
  scopVotingRights?: (ScopList & { reduced: boolean; base: 'register' | 'votesCast' }) | null;
  /** The attendance sheet, in the order recorded. */
  attendees: Array<{ associateId: string; name: string; collegeCode: string | null; mode: AttendanceMode; proxyHolderId: string | null; countsFrom?: string | null }>;
  resolutions: Array<{
    id: string;
    title: string;
    /** The text put to the vote; the title for a resolution convened before texts were recorded. */
    text: string;
    kind: ResolutionKind;
    boardApproved: boolean;
    status: 'pending' | 'open' | 'closed';
    outcome: Outcome | null;
    /** Why it was not put to the vote (outcome not_voted). */
    reason?: NotVotedReason;
    /** null until the resolution is closed, and for a resolution not put to the vote. */
    result: ResolutionResult | null;
    /** Added: ballots or show of hands, once the first is recorded; null before. */
    method?: 'ballots' | 'show_of_hands' | null;
    /** Added: ballots cast so far. */
    ballots?: number;
  }>;
  colleges: Array<{ code: string; name: string; weightBp: number }>;
  collegeCounting: 'proportional' | 'majority';
  /** Hash over all stream heads of the cooperative when the AG closed; null before. */
  ledgerDigest: string | null;
  /** The global position of the last event the digest covers; null before closing, and for a closing recorded before it was kept. */
  ledgerPosition: string | null;
}

export interface KindQuorum {
  /** Attending ÷ voters (SCOP: weighted votes), basis points rounded down; null before opening. */
  attendingBp: number | null;
  requiredBp: number;
  met: boolean | null;
}

function isListReduced(list: ScopList): boolean {
  const below = (w: ExactFraction) => BigInt(w.numerator) < BigInt(w.denominator);
  return (list.outsiders > list.cooperativeSocieties && below(list.outsiderWeight)) || (list.cooperativeSocieties > 0 && below(list.cooperativeSocietyWeight));
}

/** docs/api.md `GET …/assemblies/:assemblyId/voters`: the list fixed at convocation, with each voter's weight. */
export interface VoterListView {
  recordDate: IsoDate;
  votersHash: string;
  voters: Array<{ associateId: string; name: string; collegeCode: string | null; cooperator: boolean; cooperativeSociety: boolean; weight: ExactFraction }>;
}

export function voterListView(state: AssemblyState): VoterListView {
  const c = state.convocation;
  if (!c || state.status === 'none') throw new DomainError('NOT_FOUND', 'no assembly has been convened on this stream');
  return {
    recordDate: c.recordDate,
    votersHash: c.votersHash,
    voters: c.voters.map((v) => ({
      associateId: v.associateId,
      name: v.name,
      collegeCode: v.collegeCode,
      cooperator: v.employee,
      cooperativeSociety: v.cooperativeSociety === true,
      weight: { numerator: v.weight.numerator, denominator: v.weight.denominator },
    })),
  };
}

/** The GET shape of an assembly, from its state. Pure; NOT_FOUND when nothing is convened. */
export function assemblyView(state: AssemblyState): AssemblyView {
  const c = state.convocation;
  if (!c || state.status === 'none') throw new DomainError('NOT_FOUND', 'no assembly has been convened on this stream');
  const counts = state.attendanceCounts;
  const opening = state.opening;
  return {
    id: c.assemblyId,
    coopId: c.coopId,
    kind: c.kind,
    title: c.title,
    call: c.call,
    status: state.status as AssemblyView['status'],
    convenedOn: c.convenedOn,
    heldOn: c.heldOn,
    place: c.place ?? null,
    convocationMethod: c.convocationMethod ?? null,
    noticeDays: c.rules.noticeDays ?? null,
    bureau: state.bureau,
    adjournment: state.adjournment,
    recordDate: c.recordDate,
    reconvenes: c.reconvenes,
    voters: state.voterCount,
    votersHash: c.votersHash,
    attendance: {
      present: counts.present,
      remote: counts.remote,
      represented: counts.represented,
      mail: counts.mail,
      total: counts.present + counts.remote + counts.mail + counts.represented,
      quorumBp: opening ? opening.quorumBp : null,
      quorumRequiredBp: opening ? opening.quorumRequiredBp : openingQuorumBp(c),
      quorumMet: opening ? (c.kind === 'extraordinary' ? opening.extraordinaryQuorumMet : opening.ordinaryQuorumMet) : null,
      blankProxies: counts.blankProxies,
      extraordinaryQuorumMet: opening ? opening.extraordinaryQuorumMet : null,
      votesPresentOrRepresented: opening?.votesPresentOrRepresented ?? null,
      votesOnList: opening?.votesOnList ?? null,
    },
    quorum: quorumByKind(state),
    scopVotingRights: state.scopList ? { ...state.scopList, reduced: isListReduced(state.scopList), base: state.weightsRecorded ? 'register' : 'votesCast' } : null,
    attendees: state.attendanceOrder.map((id) => {
      const a = state.attendance[id];
      const voter = own(state.voters, id);
      return { associateId: id, name: voter?.name ?? id, collegeCode: voter?.collegeCode ?? null, mode: a.mode, proxyHolderId: a.proxyHolderId, ...(a.countsFrom !== undefined ? { countsFrom: a.countsFrom } : {}) };
    }),
    resolutions: state.resolutionOrder.map((id) => {
      const r = state.resolutions[id];
      // Closed before edition 2026-12 as "rejected" untallied for want of quorum: it was not put to the vote, and reads so.
      const untallied = r.outcome === 'rejected' && r.result?.quorumMet === false;
      const reason = untallied ? 'AG-QUORUM' : r.reason;
      return {
        id,
        title: r.spec.title,
        text: r.spec.text ?? r.spec.title,
        kind: r.spec.kind,
        boardApproved: r.spec.boardApproved,
        status: r.status,
        outcome: untallied ? 'not_voted' : r.outcome,
        ...(reason ? { reason } : {}),
        result: untallied ? null : r.result,
        method: r.method,
        ballots: r.ballotCount,
      };
    }),
    colleges: c.rules.colleges.map((college) => ({ code: college.code, name: college.name, weightBp: college.weightBp })),
    collegeCounting: c.rules.collegeCounting,
    ledgerDigest: state.closing?.ledgerDigest ?? null,
    ledgerPosition: state.closing?.position ?? null,
  };
}

/** AG-QUORUM per kind of resolution on the agenda, with the figures of the opening. */
function quorumByKind(state: AssemblyState): AssemblyView['quorum'] {
  const c = state.convocation!;
  const opening = state.opening;
  const kinds = new Set(c.resolutions.map((r) => r.kind));
  const of = (kind: ResolutionKind): KindQuorum => ({
    attendingBp: opening ? opening.quorumBp : null,
    requiredBp: c.rules.quorumRequiredBp[kind],
    met: opening ? (kind === 'ordinary' ? opening.ordinaryQuorumMet : opening.extraordinaryQuorumMet) : null,
  });
  return { ...(kinds.has('ordinary') ? { ordinary: of('ordinary') } : {}), ...(kinds.has('extraordinary') ? { extraordinary: of('extraordinary') } : {}) };
}
