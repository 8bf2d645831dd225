import { REPLAY_JOB, ReplayJobData, replayJobHandler } from '../audit/replay.job';
import { JobKind } from './job-kind';

/**
 * The auditor's replay (`POST /v1/cooperatives/:coopId/replays`, docs/audit.md): reads and
 * writes nothing but its result, so a retry after a crash only reads again.
 */
export const auditReplayJob: JobKind<ReplayJobData> = {
  kind: REPLAY_JOB,
  cooperativeOf: (data) => data.coopId,
  attempts: 2,
  handler: (services) => replayJobHandler(services.store, services.engine),
};
