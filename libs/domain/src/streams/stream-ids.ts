import { StreamKind } from '../decider';

/**
 * Every stream id of the ledger, in one place. Ids are stable and lower-case:
 * `cooperative-<coopId>`, `assembly-<coopId>.<assemblyId>`, `fiscalyear-<coopId>.<year>`.
 * Cooperative and assembly ids never contain a dot (see the id pattern in docs/api.md), so the
 * first dash and the first dot after it split an id back unambiguously.
 */
export function cooperativeStreamId(coopId: string): string {
  return `cooperative-${coopId}`;
}

export function assemblyStreamId(coopId: string, assemblyId: string): string {
  return `assembly-${coopId}.${assemblyId}`;
}

export function fiscalYearStreamId(coopId: string, year: number): string {
  return `fiscalyear-${coopId}.${year}`;
}

export type ParsedStreamId =
  | { kind: 'cooperative'; coopId: string }
  | { kind: 'assembly'; coopId: string; assemblyId: string }
  | { kind: 'fiscalyear'; coopId: string; year: number };

const KINDS: readonly StreamKind[] = ['cooperative', 'assembly', 'fiscalyear'];

/** The stream id read back; undefined for an id the ledger does not write. */
export function parseStreamId(streamId: string): ParsedStreamId | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0) return undefined;
  const kind = streamId.slice(0, dash) as StreamKind;
  if (!KINDS.includes(kind)) return undefined;
  const rest = streamId.slice(dash + 1);
  const dot = rest.indexOf('.');
  if (kind === 'cooperative') return dot < 0 && rest !== '' ? { kind, coopId: rest } : undefined;
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  const coopId = rest.slice(0, dot);
  const tail = rest.slice(dot + 1);
  if (kind === 'assembly') return { kind, coopId, assemblyId: tail };
  return /^\d{4}$/.test(tail) ? { kind, coopId, year: Number(tail) } : undefined;
}

/** The cooperative a stream belongs to; undefined for an id the ledger does not write. */
export function coopIdOf(streamId: string): string | undefined {
  return parseStreamId(streamId)?.coopId;
}
