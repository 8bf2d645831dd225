import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/auth.guard';
import { AUDITORS } from '../auth/roles';
import { ApiJobStart } from '../http/api-docs';
import { CommandMeta, newId } from '../http/command-meta';
import { parseAsOf } from '../http/query-params';
import { auditReplayJob } from '../jobs/audit-replay.job';
import { LedgerJobs } from '../jobs/ledger-jobs';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { parseKnownAt } from './known-at';
import { REPLAY_JOB } from './replay.job';
import { ReplayRequestDto } from './replay.dto';

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId/replays')
export class ReplaysController {
  constructor(
    private readonly jobs: LedgerJobs,
    private readonly queries: LedgerQueries,
  ) {}

  @Post()
  @HttpCode(202)
  @Allow(...AUDITORS)
  @ApiJobStart({
    summary: 'Replay the cooperative’s history (all of it, or up to atPosition / knownAt) as a job: every hash recomputed, the read models at that point, and any difference with the live ones',
    description:
      'Follow it at GET /v1/jobs/{jobId}: progress 0–100, then a result with the digest and heads reached, the cap table, register, compliance and assemblies’ outcomes as of asOf, and the comparison with the live read models (docs/audit.md).',
  })
  async start(@Param('coopId') coopId: string, @Body() dto: ReplayRequestDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.queries.requireCooperative(coopId);
    const cut = parseKnownAt(dto.knownAt, dto.atPosition);
    const until = cut && { ...(cut.position !== undefined ? { position: String(cut.position) } : {}), ...(cut.recordedAt !== undefined ? { recordedAt: cut.recordedAt } : {}) };
    const jobId = `${REPLAY_JOB}-${newId(meta)}`;
    await this.jobs.enqueue(auditReplayJob, { coopId, asOf: parseAsOf(dto.asOf), ...(until ? { until } : {}) }, { jobId });
    void reply.header('location', `/v1/jobs/${jobId}`);
    return { jobId };
  }
}
