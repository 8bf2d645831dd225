/**
 * Given / when / then for the assembly decider (the generic one of testing/given-when-then.ts),
 * and builders that read like an attendance sheet. For specs only; not exported from the package
 * index. Plain `node:assert`, no Jest globals, so the production build accepts it.
 *
 * A history mixes events (facts) and commands: a command in a history is decided against the
 * state so far and its events are appended — `given(sitting(...), vote('r1', 'a1', 'for'))`
 * reads as the meeting went. A history command that is refused fails the spec loudly.
 *
 * Conventions: cooperative `coop`, assembly `ag1` convened on 2025-05-20 for 2025-06-14, record
 * date the convocation date; rules are a SCIC's without collèges, SA defaults (ordinary: 1/5 on
 * first call, more than half; extraordinary: 1/4 on first call, two thirds), blank proxies on.
 */
import { fail } from 'node:assert';
import { College, CollegeCounting, LegalForm, Majority } from '../cooperative/statuts';
import { eventsFor, givenFor, Nested, When } from '../testing/given-when-then';
import { AssemblyCommand } from './assembly-commands';
import { assemblyDecider } from './assembly.decider';
import { AssemblyEvent, AssemblyEventOf, AssemblyKind, AssemblyRules, AttendanceMode, BallotChoice, ResolutionKind, ResolutionResult, ResolutionSpec, Voter } from './assembly-events';
import { evolveAssemblyAll } from './assembly-evolve';
import { AssemblyState, initialAssemblyState } from './assembly-state';
import { withScopWeights } from './convocation';
import type { FirstCall } from './convocation';

export { domainError, rule } from '../testing/given-when-then';
export type { ErrorExpectation } from '../testing/given-when-then';

export const COOP = 'coop';
export const AG = 'ag1';
export const CONVENED_ON = '2025-05-20';
export const HELD_ON = '2025-06-14';

export const MORE_THAN_HALF: Majority = { numerator: 1, denominator: 2, strict: true };
export const TWO_THIRDS: Majority = { numerator: 2, denominator: 3, strict: false };
export const MORE_THAN_TWO_THIRDS: Majority = { numerator: 2, denominator: 3, strict: true };

export type AssemblyOpenedData = AssemblyEventOf<'AssemblyOpened'>['data'];
export type ResolutionClosedData = AssemblyEventOf<'ResolutionClosed'>['data'];

/** Events and commands, or lists of them nested as builders return them. */
export type History = Nested<AssemblyEvent | AssemblyCommand>;

const options = { isCommand: (item: AssemblyEvent | AssemblyCommand): item is AssemblyCommand => !('data' in item) };

/** The events a history stands for: its events, and the events its commands were decided into. */
export function eventsOf(...history: History[]): AssemblyEvent[] {
  return eventsFor(assemblyDecider, history, options);
}

/** The assembly as its history makes it. */
export function stateOf(...history: History[]): AssemblyState {
  return evolveAssemblyAll(initialAssemblyState(), eventsOf(...history));
}

export interface AssemblyWhen extends When<AssemblyEvent> {
  /** The ResolutionClosed data of a CloseResolution (typed as voted: a resolution not put to the vote has `result: null`). */
  closed(): ResolutionClosedData & { result: ResolutionResult };
}

const givenAssembly = givenFor(assemblyDecider, options);

/** `given(...history).when(command)` then `.then(events)`, `.thenEmits(matchers)`, `.thenThrows(rule(…))`, `.events()` or `.closed()`. */
export function given(...history: History[]): { when(command: AssemblyCommand): AssemblyWhen } {
  const scenario = givenAssembly(...history);
  return {
    when(command) {
      const outcome = scenario.when(command);
      return {
        ...outcome,
        closed() {
          const [event] = outcome.events();
          if (event?.type !== 'ResolutionClosed') fail(`expected ResolutionClosed, got ${JSON.stringify(event)}`);
          return event.data as ResolutionClosedData & { result: ResolutionResult };
        },
      };
    },
  };
}

// --- rules, voters, agenda ---------------------------------------------------------------------

export interface RulesOptions {
  legalForm?: LegalForm;
  colleges?: College[];
  collegeCounting?: CollegeCounting;
  quorum?: { ordinary?: number; extraordinary?: number };
  majority?: { ordinary?: Majority; extraordinary?: Majority };
  blankProxyVotesWithBoard?: boolean;
  noticeDays?: number;
}

export function rulesWith(o: RulesOptions = {}): AssemblyRules {
  return {
    legalForm: o.legalForm ?? 'SCIC',
    companyForm: 'SA',
    colleges: o.colleges ?? [],
    collegeCounting: o.collegeCounting ?? 'proportional',
    quorumRequiredBp: { ordinary: o.quorum?.ordinary ?? 2000, extraordinary: o.quorum?.extraordinary ?? 2500 },
    majority: { ordinary: o.majority?.ordinary ?? MORE_THAN_HALF, extraordinary: o.majority?.extraordinary ?? TWO_THIRDS },
    blankProxyVotesWithBoard: o.blankProxyVotesWithBoard ?? true,
    noticeDays: o.noticeDays ?? 15,
  };
}

/** Collèges from `{ code: weightBp }`, in that order. */
export function colleges(weights: Record<string, number>): College[] {
  return Object.entries(weights).map(([code, weightBp]) => ({ code, name: `Collège ${code}`, weightBp }));
}

/** `n` voters `<prefix>1` … `<prefix>n`, in a collège (default none), employees unless said. */
export function members(prefix: string, n: number, o: { college?: string | null; employee?: boolean; cooperativeSociety?: boolean } = {}): Voter[] {
  return Array.from({ length: n }, (_, i) => ({
    associateId: `${prefix}${i + 1}`,
    name: `Associate ${prefix}${i + 1}`,
    collegeCode: o.college ?? null,
    employee: o.employee ?? true,
    ...(o.cooperativeSociety ? { cooperativeSociety: true } : {}),
    weight: { numerator: '1', denominator: '1' },
  }));
}

export function resolution(id: string, kind: ResolutionKind = 'ordinary', boardApproved = false): ResolutionSpec {
  return { id, title: `Resolution ${id}`, text: `The assembly resolves ${id}.`, kind, boardApproved };
}

// --- commands ------------------------------------------------------------------------------------

export interface ConveneOptions {
  assemblyId?: string;
  kind?: AssemblyKind;
  call?: 1 | 2;
  reconvenes?: string | null;
  convenedOn?: string;
  heldOn?: string;
  recordDate?: string;
  resolutions?: ResolutionSpec[];
  /** Weights left out (or 1/1) are those SCOP-VOTES-65 gives the list, as convocationCommand fixes them. */
  voters: Array<Omit<Voter, 'weight'> & { weight?: Voter['weight'] }>;
  rules?: AssemblyRules;
  /** A second call's first call, as the write path reads it; default: `reconvenes`, same kind, never opened. */
  firstCall?: FirstCall | null;
}

export function convene(o: ConveneOptions): AssemblyCommand {
  const kind = o.kind ?? 'ordinary';
  const reconvenes = o.reconvenes ?? null;
  const firstCall = o.firstCall !== undefined ? o.firstCall : o.call === 2 && reconvenes ? { assemblyId: reconvenes, call: 1 as const, kind, status: 'convened' as const } : undefined;
  return {
    type: 'ConveneAssembly',
    coopId: COOP,
    assemblyId: o.assemblyId ?? AG,
    kind,
    title: `Assemblée ${o.assemblyId ?? AG}`,
    convenedOn: o.convenedOn ?? CONVENED_ON,
    heldOn: o.heldOn ?? HELD_ON,
    place: 'Salle des fêtes, Lyon',
    convocationMethod: 'letter',
    call: o.call ?? 1,
    recordDate: o.recordDate ?? o.convenedOn ?? CONVENED_ON,
    reconvenes,
    resolutions: o.resolutions ?? [resolution('r1', kind === 'extraordinary' ? 'extraordinary' : 'ordinary')],
    voters: weighed(o.voters, (o.rules ?? rulesWith()).legalForm),
    votersHash: 'hash-of-the-voter-list',
    rules: o.rules ?? rulesWith(),
    ...(firstCall !== undefined ? { firstCall } : {}),
  };
}

/** The list as convocationCommand weighs it; a weight other than 1/1 given by a spec is kept as given. */
function weighed(voters: ConveneOptions['voters'], legalForm: LegalForm): Voter[] {
  const computed = withScopWeights(
    legalForm,
    voters.map(({ weight: _weight, ...v }) => v),
  );
  return voters.map((v, i) => (v.weight && !isOne(v.weight) ? (v as Voter) : computed[i]));
}

function isOne(w: Voter['weight']): boolean {
  return w.numerator === w.denominator;
}

export function attend(associateId: string, mode: AttendanceMode = 'present', proxyHolderId?: string | null): AssemblyCommand {
  return { type: 'RecordAttendance', associateId, mode, proxyHolderId };
}

/** Everyone of the list present. */
export function allPresent(voters: ReadonlyArray<{ associateId: string }>): AssemblyCommand[] {
  return voters.map((v) => attend(v.associateId));
}

export const open: AssemblyCommand = { type: 'OpenAssembly' };

export function vote(resolutionId: string, associateId: string, choice: BallotChoice): AssemblyCommand {
  return { type: 'CastBallot', resolutionId, associateId, choice };
}

/** Ballots on one resolution, by choice: `ballots('r1', { for: ['a1', 'a2'], against: ['a3'] })`. */
export function ballots(resolutionId: string, choices: Partial<Record<BallotChoice, string[]>>): AssemblyCommand[] {
  return (Object.entries(choices) as Array<[BallotChoice, string[]]>).flatMap(([choice, ids]) => ids.map((id) => vote(resolutionId, id, choice)));
}

export function hands(
  resolutionId: string,
  counts: { for: number; against: number; abstain?: number; blank?: number },
  collegeCode?: string | null,
  nonEmployee?: { for: number; against: number; abstain: number; blank?: number } | null,
  cooperativeSociety?: { for: number; against: number; abstain: number; blank?: number } | null,
): AssemblyCommand {
  return {
    type: 'RecordShowOfHands',
    resolutionId,
    collegeCode,
    for: counts.for,
    against: counts.against,
    abstain: counts.abstain ?? 0,
    blank: counts.blank,
    nonEmployee,
    ...(cooperativeSociety !== undefined ? { cooperativeSociety } : {}),
  };
}

export function closeResolution(resolutionId: string): AssemblyCommand {
  return { type: 'CloseResolution', resolutionId };
}

export const closeAssembly: AssemblyCommand = { type: 'CloseAssembly', ledgerDigest: 'digest-of-every-stream-head', streams: 2, position: '41' };

/** Convened, everyone on the list present, opened: an assembly ready to vote. */
export function sitting(o: ConveneOptions): AssemblyCommand[] {
  return [convene(o), ...allPresent(o.voters), open];
}
