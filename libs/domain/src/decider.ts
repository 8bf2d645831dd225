/**
 * A stream kind's decider: three pure functions and what the write path needs to know of the
 * stream (its name, which command creates it). The write path in apps/ledger-api runs every
 * decider the same way; a new stream kind is a decider and one registration line there.
 */
export interface DomainEvent {
  readonly type: string;
  readonly data: object;
}

export interface Decider<C, E extends DomainEvent, S, Key = unknown> {
  /** The stream kind: the prefix of its stream ids (see streams/stream-ids.ts). */
  readonly kind: StreamKind;
  /** The stream that holds one instance (a cooperative, an assembly, a fiscal year). */
  streamId(key: Key): string;
  initialState(): S;
  /** Pure: throws RuleViolation or DomainError, never mutates `state`, never does I/O. */
  decide(command: C, state: S): E[];
  /** Folds one event in place and returns the state; never throws, never validates. */
  evolve(state: S, event: E): S;
  /** Whether the command may run on a stream that does not exist yet (the one that creates it). */
  creates(command: C): boolean;
  /** The 404 detail for a command on a stream that does not exist. */
  notFound(key: Key): string;
  /** The stored event id, when the domain chose one (a capital movement's movementId). */
  eventIdOf?(event: E): string | undefined;
  /** How a large state is saved between restarts, for stream kinds whose streams grow large (the cooperative's). */
  readonly snapshots?: StateSnapshots<C, E, S>;
}

/**
 * A state saved as a head and numbered parts, so that a restart reads it instead of folding the
 * whole stream again. Part `i` below `fullParts(state)` never changes once written; the head
 * and the last parts are written again at each save. A restored state may lack what a command
 * or an event needs (acts it only knows by their fold): the write path then folds the stream.
 */
export interface StateSnapshots<C, E, S> {
  /** Bumped when the saved form or the fold's meaning changes: a snapshot of another version is not read. */
  readonly version: number;
  head(state: S): unknown;
  partCount(state: S): number;
  /** Parts below this one are full: written once, never again. */
  fullParts(state: S): number;
  part(state: S, index: number): unknown;
  restore(head: unknown, partOf: (index: number) => unknown): S;
  needsWholeStream(state: S, next: { command: C } | { event: E }): boolean;
}

export type StreamKind = 'cooperative' | 'assembly' | 'fiscalyear' | 'reference';
