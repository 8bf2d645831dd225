import { createHash } from 'crypto';
import { DomainError, RuleViolation, assemblyDecider } from '@ledger/domain';
import { JobContext, JobFailedForGood } from '@ledger/jobs';
import { AssembliesState, assembliesProjection, assemblyViewOf } from '@ledger/projections';
import { StaleRevisionError } from '../write/command-metadata';
import { JobKind, JobServices } from './job-kind';

export const VOTE_WINDOW_JOB = 'vote-window';

export interface VoteWindowData {
  coopId: string;
  assemblyId: string;
  resolutionId: string;
  /** ISO 8601 instant at which the vote closes. */
  closesAt: string;
  /** Who opened the window: the closing is recorded in their name, through the job. */
  openedBy: string;
}

export type VoteWindowResult = { resolutionId: string; closed: true; outcome: string; revision: number; position: number } | { resolutionId: string; closed: false; alreadyClosed: true; outcome: string | null };

/**
 * One window per resolution: the job id is its deduplication key, on every replica and worker.
 * A digest keeps it an id like any other in a path (ID_PATTERN) whatever the lengths of the three.
 */
export function voteWindowJobId(coopId: string, assemblyId: string, resolutionId: string): string {
  return `${VOTE_WINDOW_JOB}-${createHash('sha256').update(`${coopId}/${assemblyId}/${resolutionId}`).digest('hex').slice(0, 32)}`;
}

/**
 * Closes a resolution when its vote window ends — exactly once, however many times the job
 * runs (two workers, a worker that died after closing but before saying so): the closing is a
 * CloseResolution on the one write path, sent with the assembly revision the job read (as an
 * If-Match would), so of two runs one appends and the other is refused, reads again, finds the
 * resolution closed and does nothing.
 */
export const voteWindowJob: JobKind<VoteWindowData> = {
  kind: VOTE_WINDOW_JOB,
  cooperativeOf: (data) => data.coopId,
  attempts: 5,
  backoffMs: 2000,
  handler: (services) => (job) => closeWhenDue(services, job),
};

async function closeWhenDue(services: JobServices, job: JobContext<VoteWindowData>): Promise<VoteWindowResult> {
  const { coopId, assemblyId, resolutionId } = job.data;
  for (let attempt = 1; ; attempt++) {
    await services.engine.catchUp();
    const found = assemblyViewOf(services.engine.state<AssembliesState>(assembliesProjection.name), coopId, assemblyId);
    if (!found) throw new JobFailedForGood(`assembly ${assemblyId} of cooperative ${coopId} does not exist`);
    const resolution = found.view.resolutions.find((r) => r.id === resolutionId);
    if (!resolution) throw new JobFailedForGood(`resolution ${resolutionId} is not on the agenda of assembly ${assemblyId}`);
    if (resolution.status === 'closed') return { resolutionId, closed: false, alreadyClosed: true, outcome: resolution.outcome ?? null };
    await job.progress(50);
    try {
      const result = await services.commands.send(
        assemblyDecider,
        { coopId, assemblyId },
        { type: 'CloseResolution', resolutionId },
        { actor: { sub: job.data.openedBy, role: 'job' }, correlationId: job.id, causationId: job.id, expectedRevision: BigInt(found.revision) },
      );
      const outcome = (result.events[0].data as { outcome: string }).outcome;
      return { resolutionId, closed: true, outcome, revision: Number(result.revision), position: Number(result.position) };
    } catch (error) {
      // Someone else wrote to the assembly meanwhile (a ballot, the other run closing it): read again.
      if (error instanceof StaleRevisionError && attempt < 10) continue;
      // The assembly refuses (not open yet, already closed): retrying at once would not change that.
      if (error instanceof DomainError || error instanceof RuleViolation) throw new JobFailedForGood(error.message);
      throw error;
    }
  }
}
