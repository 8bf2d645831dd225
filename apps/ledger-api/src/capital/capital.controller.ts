import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'crypto';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { Commands } from '../commands/record-command';
import { commandResponse } from '../http/command-response';
import { badQuery, parseAsOf, parseEnum, parseOptionalDate, parseOptionalLimit, parseOptionalRowNumber } from '../http/query-params';
import { Ctx, RequestContext } from '../http/request-context';
import { ID_PATTERN } from '../http/validators';
import { LedgerQueries } from '../queries/ledger-queries';
import { CancelMovementDto, TransferSharesDto } from './capital.dto';

/** The largest page of the capital-movements register. */
const MOVEMENTS_MAX_LIMIT = 10_000;

@ApiTags('Associates and capital')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class CapitalController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: LedgerQueries,
  ) {}

  @Post('share-transfers')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Transfer shares between associates (SharesTransferred)' })
  async transfer(@Param('coopId') coopId: string, @Body() dto: TransferSharesDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    const result = await this.commands.record(coopId, { type: 'TransferShares', ...dto, movementId }, ctx);
    return commandResponse(reply, movementId, result);
  }

  @Post('events/:eventId/cancellation')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Cancel a capital movement recorded by mistake (CapitalMovementCancelled); the original stays' })
  async cancel(@Param('coopId') coopId: string, @Param('eventId') eventId: string, @Body() dto: CancelMovementDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!/^[0-9a-f-]{1,64}$/.test(eventId) && !ID_PATTERN.test(eventId)) throw new NotFoundException(`Event ${eventId} not found`);
    const result = await this.commands.record(coopId, { type: 'CancelCapitalMovement', movementId: eventId, reason: dto.reason }, ctx);
    return commandResponse(reply, result.events[0].eventId, result);
  }

  @Get('cap-table')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'Cap table as of a date (effective dates)' })
  capTable(@Param('coopId') coopId: string, @Query('asOf') asOf?: string) {
    return this.queries.capTable(coopId, parseAsOf(asOf));
  }

  @Get('capital-movements')
  @Allow(...READERS)
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiQuery({ name: 'after', required: false, description: 'JSON only; cursor: the `next` of the previous page (the `number` of its last row)' })
  @ApiQuery({ name: 'limit', required: false, description: `JSON only; 1 to ${MOVEMENTS_MAX_LIMIT} rows a page; without it, every row` })
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'The register of share movements, numbered, with effective and recorded dates ({ items, next }; the CSV export is always whole)' })
  async movements(
    @Param('coopId') coopId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('from') from?: string,
    @Query('to') to?: string,
    @Query('format') format?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Headers('accept') accept?: string,
  ) {
    const range = { from: parseOptionalDate('from', from), to: parseOptionalDate('to', to) };
    const page = { after: parseOptionalRowNumber('after', after), limit: parseOptionalLimit(limit, MOVEMENTS_MAX_LIMIT) };
    const wanted = parseEnum('format', format, ['json', 'csv'] as const) ?? (accept?.includes('text/csv') ? 'csv' : 'json');
    if (wanted === 'csv') {
      // A CSV page would read as the whole register in a spreadsheet: paging is refused, not ignored.
      for (const [field, value] of Object.entries(page)) if (value !== undefined) throw badQuery(field, 'pages the JSON form only; the CSV export is always the whole register');
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${coopId}-capital-movements.csv"`);
      return this.queries.capitalMovementsCsv(coopId, range);
    }
    return this.queries.capitalMovements(coopId, { ...range, ...page });
  }

  @Get('compliance')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'Each legal check with its rule, article, figures and deadline' })
  compliance(@Param('coopId') coopId: string, @Query('asOf') asOf?: string) {
    return this.queries.compliance(coopId, parseAsOf(asOf));
  }

  @Get('pending-redemptions')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'Withdrawn associates awaiting redemption, in order of exit, with why each waits' })
  pendingRedemptions(@Param('coopId') coopId: string, @Query('asOf') asOf?: string) {
    return this.queries.pendingRedemptions(coopId, parseAsOf(asOf));
  }
}
