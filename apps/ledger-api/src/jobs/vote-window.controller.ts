import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ProjectionEngine } from '@ledger/projections';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/auth.guard';
import { WRITERS } from '../auth/roles';
import { ApiCommand } from '../http/api-docs';
import { CommandMeta } from '../http/command-meta';
import { strongEtag } from '../http/etag';
import { ProblemException } from '../http/problem';
import { CommandMetadata } from '../write/command-metadata';
import { AssemblyQueries } from '../assemblies/assembly-queries.service';
import { VoteWindowAnswerDoc } from './job.views';
import { LedgerJobs } from './ledger-jobs';
import { VoteWindowDto } from './vote-window.dto';
import { VOTE_WINDOW_JOB, voteWindowJob, voteWindowJobId } from './vote-window.job';

/** A vote window is at most this far ahead: beyond, a mistyped year rather than an AG. */
const MAX_WINDOW_MS = 400 * 24 * 3600 * 1000;

@ApiTags('Assemblies')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId/assemblies/:assemblyId/resolutions/:resolutionId/vote-window')
export class VoteWindowController {
  constructor(
    private readonly jobs: LedgerJobs,
    private readonly assemblies: AssemblyQueries,
    private readonly engine: ProjectionEngine,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({
    summary: 'Open a resolution’s vote window: a job closes the resolution at closesAt, exactly once (its outcome as POST …/closing gives it)',
    description:
      'Nothing is appended now: the answer names the delayed job (Location: GET /v1/jobs/{jobId}) and, as ETag, the assembly revision it was opened against. The same closesAt again answers the same job; another closesAt while the window is pending is 409 VOTE-WINDOW-EXISTS.',
    location: 'the job that will close the resolution',
    type: VoteWindowAnswerDoc,
  })
  async open(
    @Param('coopId') coopId: string,
    @Param('assemblyId') assemblyId: string,
    @Param('resolutionId') resolutionId: string,
    @Body() dto: VoteWindowDto,
    @CommandMeta() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { view, revision } = await this.assemblies.get(coopId, assemblyId);
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== BigInt(revision)) {
      throw new ProblemException(412, 'WRONG-EXPECTED-REVISION', `Assembly ${assemblyId} is at revision ${revision}, not ${String(meta.expectedRevision)}: read it again`);
    }
    const resolution = view.resolutions.find((r) => r.id === resolutionId);
    if (!resolution) throw new ProblemException(404, 'NOT_FOUND', `Resolution ${resolutionId} is not on the agenda of assembly ${assemblyId}`);
    if (resolution.status === 'closed') throw new ProblemException(422, 'INVALID_STATE', `Resolution ${resolutionId} is already closed: its vote has no window left to open`);
    const closesAt = Date.parse(dto.closesAt);
    const now = Date.now();
    if (closesAt <= now) throw new ProblemException(422, 'INVALID_VALUE', `closesAt ${dto.closesAt} is already past`);
    if (closesAt - now > MAX_WINDOW_MS) throw new ProblemException(422, 'INVALID_VALUE', `closesAt ${dto.closesAt} is more than 400 days ahead`);

    const jobId = voteWindowJobId(coopId, assemblyId, resolutionId);
    const { job } = await this.jobs.enqueue(voteWindowJob, { coopId, assemblyId, resolutionId, closesAt: new Date(closesAt).toISOString(), openedBy: meta.actor.sub }, { jobId, delayMs: closesAt - now });
    const known = await this.jobs.queue.get(jobId);
    const knownClosesAt = (known?.data as { closesAt?: string } | undefined)?.closesAt;
    if (job.kind !== VOTE_WINDOW_JOB || (knownClosesAt !== undefined && Date.parse(knownClosesAt) !== closesAt)) {
      throw new ProblemException(409, 'VOTE-WINDOW-EXISTS', `Resolution ${resolutionId} already has a vote window closing at ${knownClosesAt ?? 'another time'} (job ${jobId})`);
    }
    void reply.header('etag', strongEtag(revision)).header('location', `/v1/jobs/${jobId}`);
    return { id: jobId, revision, position: Number(this.engine.checkpoint ?? 0), events: [], job, closesAt: new Date(closesAt).toISOString() };
  }
}
