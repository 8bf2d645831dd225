import { exportJob } from '../exports/export.job';
import { auditReplayJob } from './audit-replay.job';
import { JobKind } from './job-kind';
import { projectionRebuildJob } from './projection-rebuild.job';
import { voteWindowJob } from './vote-window.job';

/** Every kind of job the ledger runs. A new kind is its JobKind (job-kind.ts) and one line here. */
export const JOB_KINDS: ReadonlyArray<JobKind<never>> = [voteWindowJob as JobKind<never>, projectionRebuildJob as JobKind<never>, auditReplayJob as JobKind<never>, exportJob as JobKind<never>];
