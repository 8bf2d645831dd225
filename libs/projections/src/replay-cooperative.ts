import { coopIdOfStream, RecordedEvent } from '@ledger/event-store/event-store.port';
import { positionTextOf } from '@ledger/event-store/stored-rows';
import { ledgerDigest } from '@ledger/event-store/verification';
import { DomainError } from '@ledger/domain';
import { AssembliesState, assembliesProjection, listAssemblies } from './assemblies.projection';
import { KnownAt } from './audit-known-at';
import { capTable, CapTable } from './cap-table';
import { capitalMovements } from './capital-movements';
import { ComplianceAnswer, complianceAsOf } from './compliance-queries';
import { CooperativeLedgerState, cooperativeLedgerProjection } from './cooperative-ledger.projection';
import { associatesAsOf, AssociateView, cooperativeAsOf, CooperativeView } from './cooperative-queries';
import { applyToSlots, freshSlot, ProjectionSlot } from './replay';

/**
 * The auditor's replay: a cooperative's history folded again, from its first event, through the
 * very projections the live engine runs (`applyToSlots`), up to a global position, a recorded
 * time, or the end. It needs nothing but the events — the store's, or an audit bundle's — so the
 * server's replay job and the offline `ledger replay` give the same answer.
 */

export interface StreamHeadReached {
  revision: number;
  hash: string;
  position: string;
}

export interface ReplayProgress {
  /** Events read so far (folded or past the cut). */
  read: number;
  folded: number;
}

/** The read models at the point replayed. */
export interface ReplayReadModels {
  asOf: string;
  cooperative: CooperativeView | null;
  capTable: CapTable | null;
  /** The member register: every associate admitted by `asOf`, in order of admission. */
  associates: AssociateView[];
  /** The register of share movements, summed up (its rows: `capitalMovements` on the states). */
  movements: { rows: number; cancelled: number; lastNumber: number | null };
  compliance: ComplianceAnswer | null;
  /** Each assembly's status and its resolutions' outcomes. */
  assemblies: Array<{ id: string; status: string; heldOn: string; resolutions: Array<{ id: string; kind: string; outcome: string | null }> }>;
}

/** Where a read model of the live engine first differs from the replay. */
export interface ReplayDivergence {
  readModel: 'cooperatives' | 'assemblies';
  streamId: string;
  revision: number;
  /** The replayed event's global position and id, when the replay has one there. */
  position: string | null;
  eventId: string | null;
  reason: 'differs' | 'missing_in_live' | 'missing_in_replay';
}

export interface ReplayComparison {
  matches: boolean;
  /** The first divergence in global order; absent when the live read models are the replay's. */
  firstDivergence?: ReplayDivergence;
}

/** Folds one cooperative's events, in global order, into fresh projection slots. */
export class CooperativeReplayer {
  private readonly cooperatives = freshSlot(cooperativeLedgerProjection);
  private readonly assembliesSlot = freshSlot(assembliesProjection);
  private readonly slots: ProjectionSlot<unknown>[] = [this.cooperatives, this.assembliesSlot];
  private readonly heads = new Map<string, StreamHeadReached>();
  /** Position and id of each assembly stream's events: the assemblies' read model keeps neither, a divergence names them. */
  private readonly assemblyEvents = new Map<string, Array<[position: string, eventId: string]>>();
  private read = 0;
  private folded = 0;
  private last: bigint | undefined;

  constructor(
    readonly coopId: string,
    private readonly until: KnownAt = {},
  ) {}

  /** Folds `event` when it is this cooperative's and within the cut; false once past the cut's position (the rest can be skipped). */
  add(event: RecordedEvent): boolean {
    this.read++;
    if (this.until.position !== undefined && event.position > this.until.position) return false;
    if (this.until.recordedAt !== undefined && event.metadata.recordedAt > this.until.recordedAt) return true;
    if ((coopIdOfStream(event.streamId) ?? event.metadata.coopId) !== this.coopId) return true;
    applyToSlots(this.slots, event);
    this.folded++;
    this.last = event.position;
    const position = positionTextOf(event);
    const head = this.heads.get(event.streamId);
    if (head) {
      head.revision = Number(event.revision);
      head.hash = event.metadata.hash;
      head.position = position;
    } else this.heads.set(event.streamId, { revision: Number(event.revision), hash: event.metadata.hash, position });
    if (event.streamId.startsWith('assembly-')) {
      let located = this.assemblyEvents.get(event.streamId);
      if (!located) this.assemblyEvents.set(event.streamId, (located = []));
      located.push([position, event.metadata.eventId]);
    }
    return true;
  }

  get progress(): ReplayProgress {
    return { read: this.read, folded: this.folded };
  }

  get states(): { cooperatives: CooperativeLedgerState; assemblies: AssembliesState } {
    return { cooperatives: this.cooperatives.state as CooperativeLedgerState, assemblies: this.assembliesSlot.state as AssembliesState };
  }

  /** The heads reached and the ledger digest over them (what a closed AG's minutes print). */
  reached(): { events: number; position: string | null; streams: number; heads: Record<string, StreamHeadReached>; digest: string } {
    const streamIds = [...this.heads.keys()].sort();
    const heads = Object.fromEntries(streamIds.map((id) => [id, this.heads.get(id)!]));
    const digest = ledgerDigest(Object.fromEntries(streamIds.map((id) => [id, { revision: BigInt(heads[id].revision), hash: heads[id].hash }])));
    return { events: this.folded, position: this.last === undefined ? null : this.last.toString(), streams: streamIds.length, heads, digest };
  }

  readModels(asOf: string): ReplayReadModels {
    return readModelsOf(this.states, this.coopId, asOf);
  }

  /**
   * Compares the live engine's read models (cut to the same point: `ledgerKnownAt` for the
   * cooperative stream) with the replay, event by event, and names the first event where they
   * part. The read models are folds of these events by pure code, so equal events mean equal
   * read models; a difference is a finding.
   */
  compareWith(live: { cooperatives: CooperativeLedgerState; assemblies: AssembliesState }, options: { liveMayRunAhead?: boolean } = {}): ReplayComparison {
    const found: ReplayDivergence[] = [];
    const streamId = `cooperative-${this.coopId}`;
    const mine = this.states.cooperatives.coops[this.coopId]?.events ?? [];
    const theirs = live.cooperatives.coops[this.coopId]?.events ?? [];
    const cooperative = firstDifference(
      mine,
      theirs,
      (a, b) => a.position === b.position && a.eventId === b.eventId && a.recordedAt === b.recordedAt && a.type === b.type && JSON.stringify(a.data) === JSON.stringify(b.data),
      options.liveMayRunAhead,
    );
    if (cooperative) {
      const event = mine[cooperative.index];
      found.push({ readModel: 'cooperatives', streamId, revision: event?.revision ?? theirs[cooperative.index].revision, position: event?.position ?? null, eventId: event?.eventId ?? null, reason: cooperative.reason });
    }
    const assemblyIds = new Set([...Object.keys(this.states.assemblies.coops[this.coopId] ?? {}), ...Object.keys(live.assemblies.coops[this.coopId] ?? {})]);
    for (const assemblyId of assemblyIds) {
      const stream = `assembly-${this.coopId}.${assemblyId}`;
      const ours = this.states.assemblies.coops[this.coopId]?.[assemblyId]?.events ?? [];
      const live_ = live.assemblies.coops[this.coopId]?.[assemblyId]?.events ?? [];
      const at = firstDifference(ours, live_, (a, b) => a.type === b.type && JSON.stringify(a.data) === JSON.stringify(b.data), options.liveMayRunAhead);
      if (!at) continue;
      const [position, eventId] = this.assemblyEvents.get(stream)?.[at.index] ?? [null, null];
      found.push({ readModel: 'assemblies', streamId: stream, revision: at.index, position, eventId, reason: at.reason });
    }
    if (found.length === 0) return { matches: true };
    // The first in global order; a divergence with no replayed event (missing in the replay) comes last.
    found.sort((a, b) => (a.position === null ? 1 : b.position === null ? -1 : BigInt(a.position) < BigInt(b.position) ? -1 : 1));
    return { matches: false, firstDivergence: found[0] };
  }
}

/** A cooperative's events replayed in one go (see CooperativeReplayer). */
export function replayCooperative(events: Iterable<RecordedEvent>, options: { coopId: string; until?: KnownAt; onProgress?: (progress: ReplayProgress) => void; progressEvery?: number }): CooperativeReplayer {
  const replayer = new CooperativeReplayer(options.coopId, options.until);
  const every = options.progressEvery ?? 10_000;
  for (const event of events) {
    if (!replayer.add(event)) break;
    if (options.onProgress && replayer.progress.read % every === 0) options.onProgress(replayer.progress);
  }
  return replayer;
}

/** The read models a replay shows, through the same queries the HTTP endpoints answer with. */
export function readModelsOf(states: { cooperatives: CooperativeLedgerState; assemblies: AssembliesState }, coopId: string, asOf: string): ReplayReadModels {
  const ledger = states.cooperatives;
  const movements = capitalMovements(ledger, coopId) ?? [];
  return {
    asOf,
    cooperative: cooperativeAsOf(ledger, coopId, asOf) ?? null,
    capTable: capTable(ledger, coopId, asOf) ?? null,
    associates: associatesAsOf(ledger, coopId, { asOf, limit: Number.MAX_SAFE_INTEGER })?.items ?? [],
    movements: { rows: movements.length, cancelled: movements.filter((m) => m.cancelled).length, lastNumber: movements.length > 0 ? movements[movements.length - 1].number : null },
    compliance: complianceOrNull(ledger, coopId, asOf),
    assemblies: listAssemblies(states.assemblies, coopId).map((a) => ({ id: a.id, status: a.status, heldOn: a.heldOn, resolutions: a.resolutions.map((r) => ({ id: r.id, kind: r.kind, outcome: r.outcome })) })),
  };
}

/** A cooperative not yet registered on `asOf` has no compliance report (the domain says NOT_FOUND). */
function complianceOrNull(ledger: CooperativeLedgerState, coopId: string, asOf: string): ComplianceAnswer | null {
  try {
    return complianceAsOf(ledger, coopId, asOf) ?? null;
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

function firstDifference<T>(mine: readonly T[], theirs: readonly T[], same: (a: T, b: T) => boolean, liveMayRunAhead = false): { index: number; reason: ReplayDivergence['reason'] } | undefined {
  const common = Math.min(mine.length, theirs.length);
  for (let i = 0; i < common; i++) if (!same(mine[i], theirs[i])) return { index: i, reason: 'differs' };
  if (mine.length > theirs.length) return { index: common, reason: 'missing_in_live' };
  if (theirs.length > mine.length && !liveMayRunAhead) return { index: common, reason: 'missing_in_replay' };
  return undefined;
}
