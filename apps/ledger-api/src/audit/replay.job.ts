import { EventStore, RecordedEvent, verifyEvents } from '@ledger/event-store';
import {
  AssembliesState,
  assembliesProjection,
  CooperativeLedgerState,
  cooperativeLedgerProjection,
  CooperativeReplayer,
  KnownAt,
  ledgerKnownAt,
  ProjectionEngine,
  ReplayComparison,
  ReplayReadModels,
  StreamHeadReached,
  StreamHeadsState,
  streamHeadsOf,
  streamHeadsProjection,
} from '@ledger/projections';

/** The job kind of an auditor's replay (`POST /v1/cooperatives/:coopId/replays`). */
export const REPLAY_JOB = 'audit-replay';

export interface ReplayJobData {
  coopId: string;
  /** Effective date the read models are answered as of. */
  asOf: string;
  /** Replay up to this global position (decimal string) and/or what was recorded by this instant; absent: all of it. */
  until?: { position?: string; recordedAt?: string };
}

export interface ReplayJobResult {
  coopId: string;
  asOf: string;
  until: ReplayJobData['until'] | null;
  events: number;
  position: string | null;
  streams: number;
  digest: string;
  heads: Record<string, StreamHeadReached>;
  /** Every event's hash and every stream's chain recomputed on the way. */
  chain: { valid: boolean; firstBreak?: { streamId: string; revision: number; reason: string } };
  readModels: ReplayReadModels;
  /** The live read models against the replay: any difference is a finding, with the first event where they part. */
  comparison: ReplayComparison;
}

/** What the handler needs of a job (the JobQueue port's context has it). */
export interface ReplayJobContext {
  data: ReplayJobData;
  progress(percent: number): Promise<void>;
}

/**
 * The auditor's replay as a job: the cooperative's events read again from the store, page by
 * page, each hash and chain recomputed (verifyEvents) while the same projections the live engine
 * runs fold them (CooperativeReplayer); progress is the share of the cooperative's events read.
 * Idempotent: it writes nothing, so a retry after a crash only reads again.
 */
export function replayJobHandler(store: EventStore, engine: ProjectionEngine): (job: ReplayJobContext) => Promise<ReplayJobResult> {
  return async (job) => {
    const { coopId, asOf, until } = job.data;
    const cut: KnownAt = { ...(until?.position !== undefined ? { position: BigInt(until.position) } : {}), ...(until?.recordedAt !== undefined ? { recordedAt: until.recordedAt } : {}) };
    await engine.catchUp();
    const total = streamHeadsOf(engine.state<StreamHeadsState>(streamHeadsProjection.name), coopId).reduce((sum, head) => sum + head.revision + 1, 0);
    const replayer = new CooperativeReplayer(coopId, cut);
    let read = 0;
    let reported = -1;
    async function* events(): AsyncGenerator<RecordedEvent> {
      for await (const page of store.readAllPages({ coopId })) {
        for (const event of page) {
          if (cut.position !== undefined && event.position > cut.position) return;
          replayer.add(event);
          yield event;
        }
        read += page.length;
        const percent = total === 0 ? 99 : Math.min(99, Math.floor((read * 100) / total));
        if (percent !== reported) {
          reported = percent;
          await job.progress(percent);
        }
      }
    }
    const chain = await verifyEvents(events());
    const reached = replayer.reached();
    const live = { cooperatives: engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name), assemblies: engine.state<AssembliesState>(assembliesProjection.name) };
    const cutLive = until ? { cooperatives: ledgerKnownAt(live.cooperatives, coopId, cut), assemblies: live.assemblies } : live;
    const comparison = replayer.compareWith(cutLive, { liveMayRunAhead: until !== undefined });
    await job.progress(100);
    return {
      coopId,
      asOf,
      until: until ?? null,
      ...reached,
      chain: { valid: chain.valid, ...(chain.firstBreak ? { firstBreak: { ...chain.firstBreak, revision: Number(chain.firstBreak.revision) } } : {}) },
      readModels: replayer.readModels(asOf),
      comparison,
    };
  };
}
