import { StreamKind } from '../decider';

/**
 * Every stream id of the ledger, in one place. Ids are stable and lower-case:
 * `cooperative-<coopId>`, `assembly-<coopId>.<assemblyId>`, `fiscalyear-<coopId>.<year>`, and
 * `reference-<name>` for reference data that belongs to no cooperative (the TMO).
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

/** Reference data the ledger keeps for every cooperative (`reference-tmo`): no cooperative's stream. */
export function referenceStreamId(name: string): string {
  return `reference-${name}`;
}

export type ParsedStreamId =
  { kind: 'reference'; name: string; coopId?: undefined } | { kind: 'cooperative'; coopId: string } | { kind: 'assembly'; coopId: string; assemblyId: string } | { kind: 'fiscalyear'; coopId: string; year: number };

const KINDS: readonly StreamKind[] = ['cooperative', 'assembly', 'fiscalyear', 'reference'];

/** The stream id read back; undefined for an id the ledger does not write. */
export function parseStreamId(streamId: string): ParsedStreamId | undefined {
  const dash = streamId.indexOf('-');
  if (dash < 0) return undefined;
  const kind = streamId.slice(0, dash) as StreamKind;
  if (!KINDS.includes(kind)) return undefined;
  const rest = streamId.slice(dash + 1);
  const dot = rest.indexOf('.');
  if (kind === 'reference') return dot < 0 && rest !== '' ? { kind, name: rest } : undefined;
  if (kind === 'cooperative') return dot < 0 && rest !== '' ? { kind, coopId: rest } : undefined;
  if (dot <= 0 || dot === rest.length - 1) return undefined;
  const coopId = rest.slice(0, dot);
  const tail = rest.slice(dot + 1);
  if (kind === 'assembly') return { kind, coopId, assemblyId: tail };
  return /^\d{4}$/.test(tail) ? { kind, coopId, year: Number(tail) } : undefined;
}

/** The cooperative a stream belongs to; undefined for reference data and for an id the ledger does not write. */
export function coopIdOf(streamId: string): string | undefined {
  return parseStreamId(streamId)?.coopId;
}
