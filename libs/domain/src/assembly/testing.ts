/**
 * Given / when / then for the assembly decider, and builders that read like an attendance
 * sheet. For specs only; not exported from the package index. Plain `node:assert`, no Jest
 * globals, so the production build (which compiles every non-spec file without Jest's types)
 * accepts it.
 *
 * A history mixes events (facts) and commands: a command in a history is decided against the
 * state so far and its events are appended — `given(sitting(...), vote('r1', 'a1', 'for'))`
 * reads as the meeting went. A history command that is refused fails the spec loudly.
 *
 * Conventions: cooperative `coop`, assembly `ag1` convened on 2025-05-20 for 2025-06-14, record
 * date the convocation date; rules are a SCIC's without collèges, SA defaults (ordinary: 1/5 on
 * first call, more than half; extraordinary: 1/4 on first call, two thirds), blank proxies on.
 */
import { deepStrictEqual, fail } from 'node:assert';
import { College, CollegeCounting, LegalForm, Majority } from '../cooperative/statuts';
import { DomainError, RuleViolation } from '../rules/errors';
import { AssemblyCommand } from './assembly-commands';
import { decideAssembly } from './assembly-decide';
import { AssemblyEvent, AssemblyEventOf, AssemblyKind, AssemblyRules, AttendanceMode, BallotChoice, ResolutionKind, ResolutionSpec, Voter } from './assembly-events';
import { evolveAssembly } from './assembly-evolve';
import { AssemblyState, initialAssemblyState } from './assembly-state';

export { domainError, rule } from '../cooperative/testing';
export type { ErrorExpectation } from '../cooperative/testing';
import type { ErrorExpectation } from '../cooperative/testing';

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
export type History = AssemblyEvent | AssemblyCommand | readonly History[];

function flatten(history: readonly History[]): Array<AssemblyEvent | AssemblyCommand> {
  return (history as unknown[]).flat(Infinity) as Array<AssemblyEvent | AssemblyCommand>;
}

function isEvent(item: AssemblyEvent | AssemblyCommand): item is AssemblyEvent {
  return 'data' in item;
}

/** The events a history stands for: its events, and the events its commands were decided into. */
export function eventsOf(...history: History[]): AssemblyEvent[] {
  const state = initialAssemblyState();
  const events: AssemblyEvent[] = [];
  for (const item of flatten(history)) {
    let decided: AssemblyEvent[];
    if (isEvent(item)) decided = [item];
    else {
      try {
        decided = decideAssembly(item, state);
      } catch (error) {
        fail(`the history's ${item.type} was refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    for (const e of decided) evolveAssembly(state, e);
    events.push(...decided);
  }
  return events;
}

export function stateOf(...history: History[]): AssemblyState {
  const state = initialAssemblyState();
  for (const e of eventsOf(...history)) evolveAssembly(state, e);
  return state;
}

export function given(...history: History[]) {
  const events = eventsOf(...history);
  return {
    when(command: AssemblyCommand) {
      const state = initialAssemblyState();
      for (const e of events) evolveAssembly(state, e);
      const before = JSON.stringify(state);
      const run = () => {
        try {
          return decideAssembly(command, state);
        } finally {
          if (JSON.stringify(state) !== before) fail('decide mutated the state it was given');
        }
      };
      return {
        then(expected: AssemblyEvent[]): void {
          deepStrictEqual(run(), expected);
        },
        /** Accepted, whatever the events. */
        thenAccepts(): void {
          run();
        },
        /** The accepted events, for a closer look. */
        events(): AssemblyEvent[] {
          return run();
        },
        /** The ResolutionClosed data of a CloseResolution. */
        closed(): AssemblyEventOf<'ResolutionClosed'>['data'] {
          const [event] = run();
          if (event?.type !== 'ResolutionClosed') fail(`expected ResolutionClosed, got ${JSON.stringify(event)}`);
          return event.data;
        },
        /** Refused with this error; `detailPart` must appear in its detail when given. */
        thenThrows(expected: ErrorExpectation, detailPart?: string | RegExp): void {
          let thrown: unknown;
          let accepted: AssemblyEvent[] | undefined;
          try {
            accepted = run();
          } catch (error) {
            thrown = error;
          }
          if (accepted) fail(`expected a refusal, got ${JSON.stringify(accepted)}`);
          expected.check(thrown);
          const detail = (thrown as RuleViolation | DomainError).detail;
          if (detailPart !== undefined && !(typeof detailPart === 'string' ? detail.includes(detailPart) : detailPart.test(detail))) {
            fail(`expected the detail to mention ${String(detailPart)}, got: ${detail}`);
          }
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
  };
}

/** Collèges from `{ code: weightBp }`, in that order. */
export function colleges(weights: Record<string, number>): College[] {
  return Object.entries(weights).map(([code, weightBp]) => ({ code, name: `Collège ${code}`, weightBp }));
}

/** `n` voters `<prefix>1` … `<prefix>n`, in a collège (default none), employees unless said. */
export function members(prefix: string, n: number, o: { college?: string | null; employee?: boolean } = {}): Voter[] {
  return Array.from({ length: n }, (_, i) => ({ associateId: `${prefix}${i + 1}`, name: `Associate ${prefix}${i + 1}`, collegeCode: o.college ?? null, employee: o.employee ?? true }));
}

export function resolution(id: string, kind: ResolutionKind = 'ordinary', boardApproved = false): ResolutionSpec {
  return { id, title: `Resolution ${id}`, kind, boardApproved };
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
  voters: Voter[];
  rules?: AssemblyRules;
}

export function convene(o: ConveneOptions): AssemblyCommand {
  const kind = o.kind ?? 'ordinary';
  return {
    type: 'ConveneAssembly',
    coopId: COOP,
    assemblyId: o.assemblyId ?? AG,
    kind,
    title: `Assemblée ${o.assemblyId ?? AG}`,
    convenedOn: o.convenedOn ?? CONVENED_ON,
    heldOn: o.heldOn ?? HELD_ON,
    call: o.call ?? 1,
    recordDate: o.recordDate ?? o.convenedOn ?? CONVENED_ON,
    reconvenes: o.reconvenes ?? null,
    resolutions: o.resolutions ?? [resolution('r1', kind === 'extraordinary' ? 'extraordinary' : 'ordinary')],
    voters: o.voters,
    votersHash: 'hash-of-the-voter-list',
    rules: o.rules ?? rulesWith(),
  };
}

export function attend(associateId: string, mode: AttendanceMode = 'present', proxyHolderId?: string | null): AssemblyCommand {
  return { type: 'RecordAttendance', associateId, mode, proxyHolderId };
}

/** Everyone of the list present. */
export function allPresent(voters: Voter[]): AssemblyCommand[] {
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
): AssemblyCommand {
  return { type: 'RecordShowOfHands', resolutionId, collegeCode, for: counts.for, against: counts.against, abstain: counts.abstain ?? 0, blank: counts.blank, nonEmployee };
}

export function closeResolution(resolutionId: string): AssemblyCommand {
  return { type: 'CloseResolution', resolutionId };
}

export const closeAssembly: AssemblyCommand = { type: 'CloseAssembly', ledgerDigest: 'digest-of-every-stream-head', streams: 2 };

/** Convened, everyone on the list present, opened: an assembly ready to vote. */
export function sitting(o: ConveneOptions): AssemblyCommand[] {
  return [convene(o), ...allPresent(o.voters), open];
}
