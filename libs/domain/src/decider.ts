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
}

export type StreamKind = 'cooperative' | 'assembly' | 'fiscalyear' | 'reference';
