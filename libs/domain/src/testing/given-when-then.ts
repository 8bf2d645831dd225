/**
 * Given / when / then for any decider: a spec states a history, a command, and what was decided
 * (the events, or the refusal). For specs only; not exported from the package index. Plain
 * `node:assert`, no Jest globals, so that it compiles in the production build too.
 *
 *   const given = givenFor(cooperativeDecider);
 *   given(scop(), admitted('e1', 'employee', 10))
 *     .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100 }))
 *     .thenEmits([{ type: 'SharesSubscribed', data: { shares: 4, paidCents: 100 } }]);
 *
 * It knows a decider only by `initialState`, `decide` and `evolve`, so it serves every stream
 * kind, whatever its state looks like.
 */
import { deepStrictEqual, fail } from 'node:assert';
import { DomainError, DomainErrorCode, RuleViolation } from '../rules/errors';
import { RuleId } from '../rules/rule-catalogue';

/** What the helper needs of a decider; every `Decider` of this package has it. */
export interface DeciderUnderTest<C, E, S> {
  initialState(): S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
}

/** Items of a history, or lists of them nested as builders return them. */
export type Nested<T> = T | readonly Nested<T>[];

export interface GivenOptions<C, E> {
  /**
   * Lets a history hold commands as well as events: an item this recognises as a command is
   * decided against the state so far and its events are appended, so a history reads as things
   * went. A history command that is refused fails the spec loudly.
   */
  isCommand?: (item: C | E) => item is C;
}

// --- what a refusal must be ---------------------------------------------------------------------

export interface ErrorExpectation {
  readonly check: (error: unknown) => void;
}

/** The error must be a RuleViolation of this rule. */
export function rule(id: RuleId): ErrorExpectation {
  return {
    check: (error) => {
      if (error instanceof RuleViolation && error.rule === id) return;
      fail(`expected RuleViolation ${id}, got ${whatWasThrown(error)}`);
    },
  };
}

/** The error must be a DomainError with this code. */
export function domainError(code: DomainErrorCode): ErrorExpectation {
  return {
    check: (error) => {
      if (error instanceof DomainError && error.code === code) return;
      fail(`expected DomainError ${code}, got ${whatWasThrown(error)}`);
    },
  };
}

function whatWasThrown(error: unknown): string {
  return error instanceof Error ? `${error.name} ${error.message}` : `no error (${JSON.stringify(error)})`;
}

// --- what an acceptance must be ------------------------------------------------------------------

/** Any part of a value: objects may leave keys out, at any depth; arrays keep their length. */
export type DeepPartial<T> = T extends readonly (infer U)[] ? readonly DeepPartial<U>[] : T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

/** An event as a spec states it: its type, and the fields of its data that matter. */
export type EventMatcher<E> = E extends { type: infer T; data: infer D } ? { readonly type: T; readonly data?: DeepPartial<D> } : never;

// --- history ---------------------------------------------------------------------------------------

function flatten<T>(history: readonly Nested<T>[]): T[] {
  return (history as unknown[]).flat(Infinity) as T[];
}

/** The state a list of events folds into. */
export function stateFrom<C, E, S>(decider: DeciderUnderTest<C, E, S>, events: readonly E[]): S {
  let state = decider.initialState();
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** The events a history stands for: its events, and the events its commands were decided into. */
export function eventsFor<C, E, S>(decider: DeciderUnderTest<C, E, S>, history: readonly Nested<C | E>[], options: GivenOptions<C, E> = {}): E[] {
  let state = decider.initialState();
  const events: E[] = [];
  for (const item of flatten(history)) {
    let decided: E[];
    if (options.isCommand?.(item)) {
      try {
        decided = decider.decide(item, state);
      } catch (error) {
        fail(`the history's ${nameOf(item)} was refused: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else decided = [item as E];
    for (const event of decided) state = decider.evolve(state, event);
    events.push(...decided);
  }
  return events;
}

function nameOf(item: unknown): string {
  const type = (item as { type?: unknown }).type;
  return typeof type === 'string' ? type : 'command';
}

/** A snapshot of a state to tell whether decide changed it; Maps and Sets included. */
function snapshot(state: unknown): string {
  return JSON.stringify(state, (_key, value: unknown) => {
    if (value instanceof Map) return { '<Map>': [...value] };
    if (value instanceof Set) return { '<Set>': [...value] };
    return value;
  });
}

// --- given / when / then --------------------------------------------------------------------------

export interface When<E> {
  /** Accepted with exactly these events (deep equality). */
  then(expected: E[]): void;
  /**
   * Accepted with as many events as stated, in this order, each of this type and carrying at
   * least the data fields stated (compared as a subset, at any depth).
   */
  thenEmits(expected: ReadonlyArray<EventMatcher<E>>): void;
  /** The accepted events, for a closer look. */
  events(): E[];
  /** Refused with this error; `detailPart` must appear in its detail when given. */
  thenThrows(expected: ErrorExpectation, detailPart?: string | RegExp): void;
}

export interface Given<C, E> {
  when(command: C): When<E>;
}

/** `given(...history).when(command).then…` for this decider. */
export function givenFor<C, E, S>(decider: DeciderUnderTest<C, E, S>, options: GivenOptions<C, E> = {}): (...history: Nested<C | E>[]) => Given<C, E> {
  return (...history) => {
    const events = eventsFor(decider, history, options);
    return {
      when(command: C): When<E> {
        const state = stateFrom(decider, events);
        const before = snapshot(state);
        const run = (): E[] => {
          try {
            return decider.decide(command, state);
          } finally {
            if (snapshot(state) !== before) fail('decide mutated the state it was given');
          }
        };
        return {
          then(expected) {
            deepStrictEqual(run(), expected);
          },
          thenEmits(expected) {
            deepStrictEqual(projectOnto(run(), expected), expected);
          },
          events() {
            return run();
          },
          thenThrows(expected, detailPart) {
            let thrown: unknown;
            let accepted: E[] | undefined;
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
  };
}

/**
 * `actual` cut down to the keys `expected` states, at any depth, so that a deep equality with
 * `expected` compares only those (and an assertion failure shows a readable diff). Arrays keep
 * the length of `actual`, so a missing or extra element still fails.
 */
function projectOnto(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((item, i) => (i < expected.length ? projectOnto(item, expected[i]) : item));
  if (isPlainObject(actual) && isPlainObject(expected)) {
    const projected: Record<string, unknown> = {};
    for (const key of Object.keys(expected)) projected[key] = key in actual ? projectOnto(actual[key], expected[key]) : MISSING;
    return projected;
  }
  return actual;
}

/** Stands for a key the actual value does not have, so that it never equals a stated one. */
const MISSING = Symbol('missing');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
