import { randomUUID } from 'crypto';
import { JsonObject, NewEvent } from '@ledger/event-store';
import type { CommandResult } from './stream-writer';

/**
 * What the write path records with a command, whoever sends it (an HTTP request, a job, a
 * process manager): who, in which conversation, under which idempotency key, and the stream
 * revision the sender last saw when it wants the command refused if the stream moved.
 */
export interface CommandMetadata {
  actor: { sub: string; role: string };
  correlationId: string;
  /** What caused this command: the idempotency key or an event id; defaults to the correlation id. */
  causationId?: string;
  idempotencyKey?: string;
  /** Refuse the command with StaleRevisionError unless the stream is at this revision. */
  expectedRevision?: bigint;
  /** Where ids the server generates come from under an Idempotency-Key (see http/command-meta.ts newId): a retry regenerates the same ones. */
  idSeed?: string;
  /**
   * The command was recorded already — its events carry this Idempotency-Key — by a process that
   * died before answering: the write path answers with these events instead of deciding again.
   */
  recovered?: RecoveredCommand;
}

export interface RecoveredCommand extends CommandResult {
  streamId: string;
}

/** A command refused because its sender's view of the stream is stale (HTTP If-Match ⇒ 412). */
export class StaleRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${streamId}: the command expected revision ${String(expected)}, the stream is at ${String(actual)}`);
    this.name = 'StaleRevisionError';
  }
}

const SCHEMA_VERSION = 1;

/** A decided event as the store takes it, with the metadata every event carries (docs/events.md). */
export function toNewEvent(event: { type: string; data: object }, eventId: string | undefined, coopId: string, metadata: CommandMetadata, recordedAt: string): NewEvent {
  return {
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      eventId: eventId ?? randomUUID(),
      coopId,
      actor: { sub: metadata.actor.sub, role: metadata.actor.role },
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? metadata.idempotencyKey ?? metadata.correlationId,
      ...(metadata.idempotencyKey !== undefined ? { idempotencyKey: metadata.idempotencyKey } : {}),
      recordedAt,
      schemaVersion: SCHEMA_VERSION,
    },
  };
}
