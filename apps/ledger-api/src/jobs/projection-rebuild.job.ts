import { createHash } from 'crypto';
import { JobContext, JobFailedForGood } from '@ledger/jobs';
import { LEDGER_PROJECTIONS, applyToSlots, freshSlot } from '@ledger/projections';
import { JobKind, JobServices } from './job-kind';

export const PROJECTION_REBUILD_JOB = 'projection-rebuild';

export interface ProjectionRebuildData {
  projection: string;
  version: number;
}

/** The projections a rebuild job knows: those the engine runs. */
const PROJECTIONS = LEDGER_PROJECTIONS;

/** One rebuild per projection version, whichever worker or replica noticed it first. */
export function projectionRebuildJobId(projection: string, version: number): string {
  return `${PROJECTION_REBUILD_JOB}-${createHash('sha256').update(`${projection}/${version}`).digest('hex').slice(0, 32)}`;
}

/** The projections whose stored snapshot is missing or of another version: each wants a rebuild. */
export async function staleProjections(services: JobServices): Promise<ProjectionRebuildData[]> {
  const stale: ProjectionRebuildData[] = [];
  for (const projection of PROJECTIONS) {
    const snapshot = await services.snapshots().load(projection.name);
    if (snapshot && snapshot.version !== projection.version) stale.push({ projection: projection.name, version: projection.version });
  }
  return stale;
}

/**
 * A projection whose version changed is rebuilt from position 0, off the request path, and its
 * snapshot saved: the API replicas that start next load it instead of replaying the whole log
 * each. Progress is the share of the log folded.
 */
export const projectionRebuildJob: JobKind<ProjectionRebuildData> = {
  kind: PROJECTION_REBUILD_JOB,
  cooperativeOf: () => null,
  handler: (services) => (job) => rebuild(services, job),
};

async function rebuild(services: JobServices, job: JobContext<ProjectionRebuildData>): Promise<{ projection: string; version: number; events: number; position: string | null }> {
  const projection = PROJECTIONS.find((p) => p.name === job.data.projection);
  if (!projection) throw new JobFailedForGood(`no projection is named ${job.data.projection}`);
  if (projection.version !== job.data.version) throw new JobFailedForGood(`projection ${projection.name} is at version ${projection.version} here, not ${job.data.version}`);
  const head = await services.store.headPosition();
  const slot = freshSlot(projection);
  let events = 0;
  let reported = 0;
  // As the engine replays (replay.ts): the data of each event left as its stored text until read.
  for await (const page of services.store.readAllPages({ lazyData: true })) {
    for (const event of page) {
      if (head !== undefined && event.position > head) break;
      applyToSlots([slot], event);
      events++;
    }
    const percent = head && slot.position !== undefined ? Number((slot.position * 100n) / head) : 100;
    // A report per few percent, not per page: a progress write is a round trip to Redis.
    if (percent >= reported + 5 || percent === 100) {
      reported = percent;
      await job.progress(Math.min(99, percent));
    }
    if (head !== undefined && slot.position !== undefined && slot.position >= head) break;
  }
  if (slot.position !== undefined) {
    // Saved as the engine saves it (ProjectionEngine.saveSnapshots): in parts where the projection and the store take them.
    const snapshots = services.snapshots();
    if (projection.parts && snapshots.saveParts) {
      const split = projection.parts.split(slot.state);
      await snapshots.saveParts(projection.name, projection.version, slot.position, split.head, split.parts);
      split.saved();
    } else await snapshots.save(projection.name, projection.version, slot.position, slot.state);
  }
  return { projection: projection.name, version: projection.version, events, position: slot.position === undefined ? null : String(slot.position) };
}
