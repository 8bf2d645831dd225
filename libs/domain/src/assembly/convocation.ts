import { CooperativeState } from '../cooperative/state';
import type { LegalForm } from '../cooperative/statuts';
import { DomainError } from '../rules/errors';
import { IsoDate } from '../shared/dates';
import { AssemblyCommandOf } from './assembly-commands';
import { AssemblyKind, Call, ConvocationMethod, ResolutionKind, Voter } from './assembly-events';
import { assemblyRulesOf } from './assembly-rules';
import { AssemblyState } from './assembly-state';
import { scopVoteWeights, weightFraction, weightOf } from './scop-vote-weights';

/** A convocation as the gérant states it; the rest is read from the ledger. */
export interface ConvocationRequest {
  coopId: string;
  assemblyId: string;
  kind: AssemblyKind;
  title: string;
  convenedOn: IsoDate;
  heldOn: IsoDate;
  /** Where the AG is held, or "à distance". */
  place: string;
  /** Default: letter. */
  convocationMethod?: ConvocationMethod;
  call: Call;
  /** Default: the convocation date (AG-VOTERS). */
  recordDate?: IsoDate;
  reconvenes?: string | null;
  resolutions: Array<{ id: string; title: string; text: string; kind: ResolutionKind; boardApproved?: boolean }>;
}

/** What the first-call assembly says of itself, carried by a second call's convocation. */
export interface FirstCall {
  assemblyId: string;
  call: Call;
  kind: AssemblyKind;
  /** `convened`: it never opened, for want of quorum. */
  status: AssemblyState['status'];
  /** Resolutions of a combined AG not put to the vote for want of their kind's quorum (AG-QUORUM). Absent: none. */
  notVotedForQuorum?: Array<{ id: string; kind: ResolutionKind }>;
}

export function firstCallOf(state: AssemblyState | undefined): FirstCall | null {
  const convocation = state?.convocation;
  if (!state || !convocation || state.status === 'none') return null;
  const notVotedForQuorum = state.resolutionOrder
    .map((id) => state.resolutions[id])
    .filter((r) => r.outcome === 'not_voted' && r.reason === 'AG-QUORUM')
    .map((r) => ({ id: r.spec.id, kind: r.spec.kind }));
  return { assemblyId: convocation.assemblyId, call: convocation.call, kind: convocation.kind, status: state.status, ...(notVotedForQuorum.length > 0 ? { notVotedForQuorum } : {}) };
}

/**
 * AG-QUORUM: a second call reconvenes a first call of the same kind that could not open for
 * want of quorum, or, as an AG of that kind, the resolutions of a combined first call that
 * could not be put to the vote for want of their kind's quorum. Checked by the assembly
 * decider on the first call's facts, as data.
 */
export function requireReconvenable(firstCall: FirstCall | null | undefined, reconvenes: string, kind: AssemblyKind): void {
  if (!firstCall || firstCall.assemblyId !== reconvenes) throw new DomainError('NOT_FOUND', `Assembly ${reconvenes}, to be reconvened on second call, not found`);
  if (firstCall.call === 1 && firstCall.kind === 'combined' && kind !== 'combined' && (firstCall.notVotedForQuorum ?? []).some((r) => r.kind === kind)) return;
  if (firstCall.call !== 1 || firstCall.status !== 'convened' || firstCall.kind !== kind) {
    throw new DomainError('INVALID_STATE', `Assembly ${reconvenes} can be reconvened on second call only if it was a first call of the same kind that could not open for want of quorum`);
  }
}

/**
 * AG-VOTERS: the associates with voting rights on the record date, in order of admission, in
 * their collège then, each with the weight SCOP-VOTES-65 fixes on the list (1/1 but for a SCOP's
 * outsiders beyond the cap): the base is the voting rights on the register, whoever turns out.
 */
export function voterListOf(cooperativeOnRecordDate: CooperativeState): Voter[] {
  const state = cooperativeOnRecordDate;
  const listed = state.associateOrder
    .map((id) => state.associates[id])
    .filter((a) => a.status === 'active')
    .map((a) => {
      const employee = a.category === 'employee';
      // SCOP-VOTES-65: a cooperative society among the outsiders (the admission says so).
      const society = !employee && a.cooperativeSociety === true;
      return { associateId: a.id, name: a.name, collegeCode: a.collegeCode, employee, ...(society ? { cooperativeSociety: true } : {}) };
    });
  return withScopWeights(state.statuts?.legalForm ?? 'SCIC', listed);
}

/** The list with each voter's SCOP-VOTES-65 weight (scop-vote-weights.ts). */
export function withScopWeights<V extends Omit<Voter, 'weight'>>(legalForm: LegalForm, voters: readonly V[]): Array<V & { weight: Voter['weight'] }> {
  const weights = scopVoteWeights(legalForm, voters);
  return voters.map((v) => ({ ...v, weight: weightFraction(weightOf(weights, v)) }));
}

/**
 * The ConveneAssembly command: the request, the voter list and the statuts' rules of this call
 * as the cooperative stood on the record date, and for a second call the first call's facts.
 * `hashOf` fingerprints the voter list (sha256 of its canonical JSON, computed where I/O-free
 * hashing lives: the event store library).
 */
export function convocationCommand(request: ConvocationRequest, cooperativeOnRecordDate: CooperativeState, firstCall: FirstCall | null, hashOf: (voters: Voter[]) => string): AssemblyCommandOf<'ConveneAssembly'> {
  const recordDate = request.recordDate ?? request.convenedOn;
  const statuts = cooperativeOnRecordDate.statuts;
  if (!statuts) throw new DomainError('INVALID_VALUE', `The cooperative was not registered yet on the record date ${recordDate}`);
  const voters = voterListOf(cooperativeOnRecordDate);
  return {
    type: 'ConveneAssembly',
    coopId: request.coopId,
    assemblyId: request.assemblyId,
    kind: request.kind,
    title: request.title,
    convenedOn: request.convenedOn,
    heldOn: request.heldOn,
    place: request.place,
    convocationMethod: request.convocationMethod ?? 'letter',
    call: request.call,
    recordDate,
    reconvenes: request.reconvenes ?? null,
    // docs/api.md: `boardApproved` defaults to true.
    resolutions: request.resolutions.map((r) => ({ id: r.id, title: r.title, text: r.text, kind: r.kind, boardApproved: r.boardApproved ?? true })),
    voters,
    votersHash: hashOf(voters),
    rules: assemblyRulesOf(statuts, request.call),
    firstCall,
  };
}
