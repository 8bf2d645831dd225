import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead } from '../http/api-docs';
import { AssociatesPageDoc, AssociateViewDoc } from './capital.views';
import type { FastifyReply } from 'fastify';
import { Allow, AllowOwnRecord } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { CooperativeCommand, cooperativeDecider } from '@ledger/domain';
import { CommandMeta, newId } from '../http/command-meta';
import { created } from '../http/command-response';
import { CSV_CONTENT_TYPE, CSV_DIALECT_DOC, exportRequest } from '../http/csv-request';
import { parseAsOf, parseEnum, parseOptionalId, parseOptionalLimit, refusePaging } from '../http/query-params';
import { ApiKnownAt, KnownAtQuery } from '../audit/known-at';
import { associatesCsvChunks, associatesNdjsonChunks, CSV_DIALECTS, type KnownAt } from '@ledger/projections';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { FiscalYearFacts } from '../write/fiscal-year-facts';
import { LedgerCommands } from '../write/stream-command';
import { AdmitAssociateDto, ChangeCategoryDto, ChangeCollegeDto, PayUpSharesDto, RedeemSharesDto, SubscribeSharesDto, WithdrawAssociateDto } from './capital.dto';

/** The member register's forms: a page of JSON, or the whole register as CSV or NDJSON. */
const ASSOCIATE_FORMATS = ['json', 'csv', 'ndjson'] as const;

const NDJSON_CONTENT_TYPE = 'application/x-ndjson';

const ASSOCIATES_DEFAULT_LIMIT = 100;
const ASSOCIATES_MAX_LIMIT = 1000;

@ApiTags('Associates and capital')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId/associates')
export class AssociatesController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly queries: LedgerQueries,
    private readonly fiscalYears: FiscalYearFacts,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Admit an associate with their first subscription (AssociateAdmitted + SharesSubscribed)', location: 'the associate' })
  async admit(@Param('coopId') coopId: string, @Body() dto: AdmitAssociateDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const associateId = dto.id ?? newId(meta);
    const result = await this.commands.send(
      cooperativeDecider,
      coopId,
      {
        type: 'AdmitAssociate',
        associateId,
        name: dto.name,
        personType: dto.personType,
        category: dto.category,
        collegeCode: dto.collegeCode ?? null,
        admittedOn: dto.admittedOn,
        shares: dto.shares,
        paidCents: dto.paidCents,
        cooperativeSociety: dto.cooperativeSociety,
        movementId: newId(meta),
        lateRecording: dto.lateRecording,
      },
      meta,
    );
    return created(reply, associateUrl(coopId, associateId), associateId, result);
  }

  @Get()
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'withdrawn'] })
  @ApiQuery({ name: 'collegeCode', required: false })
  @ApiQuery({
    name: 'format',
    required: false,
    enum: ASSOCIATE_FORMATS,
    description: '`json` (default): one page `{ items, next }`; `csv` (or `Accept: text/csv`) and `ndjson` (one associate a line): every associate the filters keep, written as it is read',
  })
  @ApiQuery({ name: 'dialect', required: false, enum: CSV_DIALECTS, description: CSV_DIALECT_DOC })
  @ApiQuery({ name: 'after', required: false, description: 'JSON only; cursor: the `next` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: `JSON only; 1 to ${ASSOCIATES_MAX_LIMIT}, default ${ASSOCIATES_DEFAULT_LIMIT}` })
  @ApiRead({ summary: 'The member register as of a date, in order of admission', type: AssociatesPageDoc, query: true, produces: ['text/csv', NDJSON_CONTENT_TYPE] })
  @ApiKnownAt()
  async list(
    @Param('coopId') coopId: string,
    @KnownAtQuery() known: KnownAt | undefined,
    @Query('asOf') asOf?: string,
    @Query('status') status?: string,
    @Query('collegeCode') collegeCode?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
    @Query('format') format?: string,
    @Query('dialect') dialect?: string,
    @Headers('accept') accept?: string,
  ) {
    const wanted = exportRequest(ASSOCIATE_FORMATS, { format, dialect }, accept);
    const filter = {
      asOf: parseAsOf(asOf),
      status: parseEnum('status', status, ['active', 'withdrawn'] as const),
      collegeCode: parseOptionalId('collegeCode', collegeCode),
    };
    const page = { after: parseOptionalId('after', after), limit: parseOptionalLimit(limit, ASSOCIATES_MAX_LIMIT) };
    if (wanted.format === 'json') return this.queries.associates(coopId, { ...filter, after: page.after, limit: page.limit ?? ASSOCIATES_DEFAULT_LIMIT }, known);
    refusePaging(page, 'an export is always the whole member register');
    const associates = await this.queries.associatesRegister(coopId, filter, known);
    const name = `${coopId}-associates-${filter.asOf}`;
    if (wanted.format === 'ndjson') return new StreamableFile(Readable.from(associatesNdjsonChunks(associates)), { type: NDJSON_CONTENT_TYPE, disposition: `attachment; filename="${name}.ndjson"` });
    return new StreamableFile(Readable.from(associatesCsvChunks(associates, wanted.dialect)), { type: CSV_CONTENT_TYPE, disposition: `attachment; filename="${name}.csv"` });
  }

  @Get(':associateId')
  @Allow(...READERS)
  @AllowOwnRecord()
  @ApiQuery({ name: 'asOf', required: false })
  @ApiRead({ summary: 'One associate as of a date (an associate may read their own record)', type: AssociateViewDoc, query: true })
  @ApiKnownAt()
  get(@Param('coopId') coopId: string, @KnownAtQuery() known: KnownAt | undefined, @Param('associateId') associateId: string, @Query('asOf') asOf?: string) {
    return this.queries.associate(coopId, associateId, parseAsOf(asOf), known);
  }

  @Post(':associateId/subscriptions')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Subscribe shares (SharesSubscribed)', location: 'the movement in the register of share movements' })
  async subscribe(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: SubscribeSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return recordMovement(this.commands, reply, coopId, meta, (movementId) => ({
      type: 'SubscribeShares',
      associateId,
      shares: dto.shares,
      paidCents: dto.paidCents,
      effectiveDate: dto.effectiveDate,
      movementId,
      lateRecording: dto.lateRecording,
    }));
  }

  @Post(':associateId/payments')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Pay up subscribed shares (SharesPaidUp)', location: 'the movement in the register of share movements' })
  async payUp(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: PayUpSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return recordMovement(this.commands, reply, coopId, meta, (movementId) => ({
      type: 'PayUpShares',
      associateId,
      amountCents: dto.amountCents,
      effectiveDate: dto.effectiveDate,
      movementId,
      lateRecording: dto.lateRecording,
    }));
  }

  @Post(':associateId/category')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Change the category (CategoryChanged)', location: 'the associate' })
  async changeCategory(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCategoryDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(
      reply,
      associateUrl(coopId, associateId),
      associateId,
      await this.commands.send(cooperativeDecider, coopId, { type: 'ChangeCategory', associateId, category: dto.category, effectiveDate: dto.effectiveDate, lateRecording: dto.lateRecording }, meta),
    );
  }

  @Post(':associateId/college')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Move to another collège (CollegeChanged)', location: 'the associate' })
  async changeCollege(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCollegeDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(
      reply,
      associateUrl(coopId, associateId),
      associateId,
      await this.commands.send(cooperativeDecider, coopId, { type: 'ChangeCollege', associateId, collegeCode: dto.collegeCode, effectiveDate: dto.effectiveDate, lateRecording: dto.lateRecording }, meta),
    );
  }

  @Post(':associateId/withdrawal')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Record an exit (AssociateWithdrew): voting rights end, shares await redemption', location: 'the associate' })
  async withdraw(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: WithdrawAssociateDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(
      reply,
      associateUrl(coopId, associateId),
      associateId,
      await this.commands.send(cooperativeDecider, coopId, { type: 'WithdrawAssociate', associateId, reason: dto.reason, effectiveDate: dto.effectiveDate, lateRecording: dto.lateRecording }, meta),
    );
  }

  @Post(':associateId/redemptions')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Redeem shares (SharesRedeemed); refused while COOP-CAPITAL-FLOOR suspends it', location: 'the movement in the register of share movements' })
  async redeem(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: RedeemSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const reservesAsOf = await this.fiscalYears.reservesOn(coopId, dto.effectiveDate);
    return recordMovement(this.commands, reply, coopId, meta, (movementId) => ({
      type: 'RedeemShares',
      associateId,
      shares: dto.shares,
      amountCents: dto.amountCents,
      effectiveDate: dto.effectiveDate,
      movementId,
      lateRecording: dto.lateRecording,
      reservesAsOf,
    }));
  }
}

export function associateUrl(coopId: string, associateId: string): string {
  return `/v1/cooperatives/${coopId}/associates/${associateId}`;
}

/**
 * A capital movement: its id (derived from the Idempotency-Key when one is given), the command
 * that records it, and 201 with the movement's row of the register as Location.
 */
export async function recordMovement(commands: LedgerCommands, reply: FastifyReply, coopId: string, meta: CommandMetadata, command: (movementId: string) => CooperativeCommand) {
  const movementId = newId(meta);
  return created(reply, movementUrl(coopId, movementId), movementId, await commands.send(cooperativeDecider, coopId, command(movementId), meta));
}

export function movementUrl(coopId: string, movementId: string): string {
  return `/v1/cooperatives/${coopId}/capital-movements/${movementId}`;
}
