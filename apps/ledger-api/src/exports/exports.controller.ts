import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import * as fs from 'fs';
import { CooperativeLedgerState, cooperativeLedgerProjection, ProjectionEngine } from '@ledger/projections';
import { JournalQueries } from '../accounting/journal-queries';
import { Allow } from '../auth/auth.guard';
import { Caller, canSeeCooperative, READERS } from '../auth/roles';
import { LedgerConfig } from '../config/config';
import { ApiJobStart, ApiRead } from '../http/api-docs';
import { CommandMeta, CurrentCaller, newId } from '../http/command-meta';
import { todayInParis } from '../http/query-params';
import { LEDGER_CONFIG } from '../infrastructure/tokens';
import { LedgerJobs } from '../jobs/ledger-jobs';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { EXPORT_SHAPES, exportSpecOf, requireFiscalYear } from './export-spec';
import { EXPORT_JOB, exportJob } from './export.job';
import { ExportRequestDto } from './export-request.dto';
import { ExportsFolder } from './exports-folder';

/**
 * Exports as jobs: the request is checked as the synchronous GET would check it (so a bad one
 * queues nothing), the job writes the file to the exports folder, and any replica serves it.
 */
@ApiTags('Exports')
@ApiBearerAuth()
@Controller('v1')
export class ExportsController {
  private readonly folder: ExportsFolder;

  constructor(
    private readonly jobs: LedgerJobs,
    private readonly queries: LedgerQueries,
    private readonly journals: JournalQueries,
    private readonly engine: ProjectionEngine,
    @Inject(LEDGER_CONFIG) config: LedgerConfig,
  ) {
    this.folder = new ExportsFolder(config.exportsDir);
  }

  @Post('cooperatives/:coopId/exports')
  @HttpCode(202)
  @Allow(...READERS)
  @ApiJobStart({
    summary: 'Export the journal, the FEC, the register of movements, the cap table or the member register to a file, as a job',
    description:
      'Follow it at GET /v1/jobs/{jobId}: progress 0–100, then a result { exportId, file: { name, bytes, sha256, contentType }, download }. The file is the bytes the synchronous GET answers (same name); download it at GET /v1/exports/{exportId}.',
  })
  async start(@Param('coopId') coopId: string, @Body() dto: ExportRequestDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const asked = exportSpecOf(coopId, dto, todayInParis());
    if (!('spec' in asked)) throw new BadRequestException({ errors: asked.errors });
    const { spec } = asked;
    await this.queries.requireCooperative(coopId);
    if (EXPORT_SHAPES[spec.kind].of === 'year') requireFiscalYear(this.engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name), coopId, spec.year!);
    if (spec.kind === 'fec') await this.journals.siren(coopId);
    const jobId = `${EXPORT_JOB}-${newId(meta)}`;
    await this.jobs.enqueue(exportJob, { ...spec, exportId: jobId }, { jobId });
    void reply.header('location', `/v1/jobs/${jobId}`);
    return { jobId };
  }

  @Get('exports/:exportId')
  @Allow(...READERS)
  @ApiRead({
    summary:
      'The file an export job wrote (its exportId is the job’s id), under the name the synchronous GET gives it; 404 before the job completed, after the file was cleaned up, or when the token does not cover its cooperative',
    produces: ['application/json', 'text/csv', 'text/plain', 'application/x-ndjson'],
  })
  async download(@Param('exportId') exportId: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const manifest = await this.folder.manifest(exportId);
    const visible = manifest && canSeeCooperative(caller, manifest.coopId);
    const handle = visible ? await fs.promises.open(this.folder.filePath(manifest), 'r').catch(() => undefined) : undefined;
    if (!manifest || !handle) throw new NotFoundException(`Export ${exportId} not found: an export is there once its job has completed, until the exports folder is cleaned up`);
    void reply.header('etag', `"${manifest.file.sha256}"`);
    return new StreamableFile(handle.createReadStream(), { type: manifest.file.contentType, disposition: `attachment; filename="${manifest.file.name}"`, length: manifest.file.bytes });
  }
}
