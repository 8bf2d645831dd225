import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead } from '../http/api-docs';
import { CapTableDoc, CapitalMovementDoc, CapitalMovementsPageDoc, ComplianceReportDoc, PendingRedemptionsDoc } from './capital.views';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { cooperativeDecider } from '@ledger/domain';
import { capTableCsvChunks, CSV_DIALECTS } from '@ledger/projections';
import { CommandMeta } from '../http/command-meta';
import { created } from '../http/command-response';
import { CSV_CONTENT_TYPE, CSV_DIALECT_DOC, exportRequest } from '../http/csv-request';
import { parseAsOf, parseOptionalDate, parseOptionalId, parseOptionalLimit, parseOptionalRowNumber, refusePaging } from '../http/query-params';
import { ID_PATTERN } from '../http/validators';
import { ApiKnownAt, KnownAtQuery } from '../audit/known-at';
import type { KnownAt } from '@ledger/projections';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { LedgerCommands } from '../write/stream-command';
import { movementUrl, recordMovement } from './associates.controller';
import { CancelMovementDto, TransferSharesDto } from './capital.dto';

/** The largest page of the cap table's rows. */
const CAP_TABLE_MAX_LIMIT = 1000;

/** The largest page of the capital-movements register. */
const MOVEMENTS_MAX_LIMIT = 10_000;

@ApiTags('Associates and capital')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class CapitalController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly queries: LedgerQueries,
  ) {}

  @Post('share-transfers')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Transfer shares between associates (SharesTransferred)', location: 'the movement in the register of share movements' })
  async transfer(@Param('coopId') coopId: string, @Body() dto: TransferSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return recordMovement(this.commands, reply, coopId, meta, (movementId) => ({ type: 'TransferShares', ...dto, movementId }));
  }

  @Post('events/:eventId/cancellation')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Cancel a capital movement recorded by mistake (CapitalMovementCancelled); the original stays', location: 'the cancellation’s row in the register of share movements' })
  async cancel(@Param('coopId') coopId: string, @Param('eventId') eventId: string, @Body() dto: CancelMovementDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    requireEventId(eventId);
    const result = await this.commands.send(cooperativeDecider, coopId, { type: 'CancelCapitalMovement', movementId: eventId, reason: dto.reason, lateRecording: dto.lateRecording }, meta);
    return created(reply, movementUrl(coopId, result.events[0].eventId), result.events[0].eventId, result);
  }

  @Get('cap-table')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], description: 'or `Accept: text/csv`; the CSV holds the rows, one per holder, and is always whole' })
  @ApiQuery({ name: 'dialect', required: false, enum: CSV_DIALECTS, description: CSV_DIALECT_DOC })
  @ApiQuery({ name: 'after', required: false, description: 'JSON only; cursor: the `next` of the previous page (the associateId of its last row)' })
  @ApiQuery({ name: 'limit', required: false, description: `JSON only; 1 to ${CAP_TABLE_MAX_LIMIT} rows a page (totals, byCategory and byCollege stay whole); without it, every row` })
  @ApiRead({ summary: 'Cap table as of a date (effective dates); its rows page by `after` and `limit` ({ …, rows, next })', type: CapTableDoc, query: true, produces: ['text/csv'] })
  @ApiKnownAt()
  async capTable(
    @Param('coopId') coopId: string,
    @KnownAtQuery() known: KnownAt | undefined,
    @Query('asOf') asOf?: string,
    @Query('format') format?: string,
    @Query('dialect') dialect?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Headers('accept') accept?: string,
  ) {
    const wanted = exportRequest(['json', 'csv'] as const, { format, dialect }, accept);
    const date = parseAsOf(asOf);
    const page = { after: parseOptionalId('after', after), limit: parseOptionalLimit(limit, CAP_TABLE_MAX_LIMIT) };
    if (wanted.format === 'json') return this.queries.capTable(coopId, date, known, page);
    refusePaging(page, 'the CSV export is always the whole cap table');
    const table = await this.queries.capTable(coopId, date, known);
    return new StreamableFile(Readable.from(capTableCsvChunks(table, wanted.dialect)), { type: CSV_CONTENT_TYPE, disposition: `attachment; filename="${coopId}-cap-table-${date}.csv"` });
  }

  @Get('capital-movements')
  @Allow(...READERS)
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv', 'ndjson'], description: 'or `Accept: text/csv`; `ndjson`: one row per line (application/x-ndjson), the form to read a large register whole' })
  @ApiQuery({ name: 'dialect', required: false, enum: CSV_DIALECTS, description: CSV_DIALECT_DOC })
  @ApiQuery({ name: 'after', required: false, description: 'JSON only; cursor: the `next` of the previous page (the `number` of its last row)' })
  @ApiQuery({ name: 'limit', required: false, description: `JSON only; 1 to ${MOVEMENTS_MAX_LIMIT} rows a page; without it, every row` })
  @ApiRead({
    summary: 'The register of share movements, numbered, with effective and recorded dates ({ items, next }; the CSV and NDJSON exports are always whole, and streamed)',
    type: CapitalMovementsPageDoc,
    query: true,
    produces: ['text/csv', 'application/x-ndjson'],
  })
  @ApiKnownAt()
  async movements(
    @Param('coopId') coopId: string,
    @KnownAtQuery() known: KnownAt | undefined,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') format?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Query('dialect') dialect?: string,
    @Headers('accept') accept?: string,
  ) {
    const range = { from: parseOptionalDate('from', from), to: parseOptionalDate('to', to) };
    const page = { after: parseOptionalRowNumber('after', after), limit: parseOptionalLimit(limit, MOVEMENTS_MAX_LIMIT) };
    const wanted = exportRequest(['json', 'csv', 'ndjson'] as const, { format, dialect }, accept);
    if (wanted.format === 'csv' || wanted.format === 'ndjson') {
      // An export page would read as the whole register in a spreadsheet: paging is refused, not ignored.
      refusePaging(page, 'the CSV and NDJSON exports are always the whole register');
      const csv = wanted.format === 'csv';
      const chunks = await this.queries.capitalMovementsExport(coopId, csv ? { ...range, format: 'csv', dialect: wanted.dialect } : { ...range, format: 'ndjson' }, known);
      const disposition = `attachment; filename="${coopId}-capital-movements.${wanted.format}"`;
      return new StreamableFile(Readable.from(chunks), { type: csv ? CSV_CONTENT_TYPE : 'application/x-ndjson', disposition });
    }
    if (page.limit !== undefined) return this.queries.capitalMovements(coopId, { ...range, ...page }, known);
    // Every row, written to the reply as it is read: a register of a million rows is never one string.
    const whole = await this.queries.capitalMovementsExport(coopId, { ...range, after: page.after, format: 'json' }, known);
    return new StreamableFile(Readable.from(whole), { type: 'application/json; charset=utf-8' });
  }

  @Get('capital-movements/:movementId')
  @Allow(...READERS)
  @ApiRead({ summary: 'One row of the register of share movements, by its movement id (the event id of the movement)', type: CapitalMovementDoc })
  movement(@Param('coopId') coopId: string, @Param('movementId') movementId: string) {
    requireEventId(movementId);
    return this.queries.capitalMovement(coopId, movementId);
  }

  @Get('compliance')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiRead({ summary: 'Each legal check with its rule, article, figures and deadline', type: ComplianceReportDoc, query: true })
  @ApiKnownAt()
  compliance(@Param('coopId') coopId: string, @KnownAtQuery() known: KnownAt | undefined, @Query('asOf') asOf?: string) {
    return this.queries.compliance(coopId, parseAsOf(asOf), known);
  }

  @Get('pending-redemptions')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiRead({ summary: 'Withdrawn associates awaiting redemption, in order of exit, with why each waits', type: PendingRedemptionsDoc, query: true })
  @ApiKnownAt()
  pendingRedemptions(@Param('coopId') coopId: string, @KnownAtQuery() known: KnownAt | undefined, @Query('asOf') asOf?: string) {
    return this.queries.pendingRedemptions(coopId, parseAsOf(asOf), known);
  }
}

/** Movement ids are UUIDs this service gave, or ids of the documented pattern: anything else is no movement here. */
function requireEventId(id: string): void {
  if (!/^[0-9a-f-]{1,64}$/.test(id) && !ID_PATTERN.test(id)) throw new NotFoundException(`Event ${id} not found`);
}
