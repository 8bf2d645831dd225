import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'crypto';
import type { FastifyReply } from 'fastify';
import { Allow, AllowOwnRecord } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { Commands } from '../commands/record-command';
import { commandResponse } from '../http/command-response';
import { parseAsOf, parseEnum, parseLimit, parseOptionalId } from '../http/query-params';
import { Ctx, RequestContext } from '../http/request-context';
import { LedgerQueries } from '../queries/ledger-queries';
import {
  AdmitAssociateDto,
  ChangeCategoryDto,
  ChangeCollegeDto,
  PayUpSharesDto,
  RedeemSharesDto,
  SubscribeSharesDto,
  WithdrawAssociateDto,
} from './capital.dto';

@ApiTags('Associates and capital')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId/associates')
export class AssociatesController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: LedgerQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Admit an associate with their first subscription (AssociateAdmitted + SharesSubscribed)' })
  async admit(@Param('coopId') coopId: string, @Body() dto: AdmitAssociateDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const associateId = dto.id ?? randomUUID();
    const result = await this.commands.record(
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
        movementId: randomUUID(),
      },
      ctx,
    );
    return commandResponse(reply, associateId, result);
  }

  @Get()
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'withdrawn'] })
  @ApiQuery({ name: 'collegeCode', required: false })
  @ApiQuery({ name: 'after', required: false, description: 'cursor: the `next` of the previous page' })
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 100' })
  @ApiOperation({ summary: 'The member register as of a date, in order of admission' })
  list(
    @Param('coopId') coopId: string,
    @Query('asOf') asOf?: string,
    @Query('status') status?: string,
    @Query('collegeCode') collegeCode?: string,
    @Query('after') after?: string,
    @Query('limit') limit?: string,
  ) {
    return this.queries.associates(coopId, {
      asOf: parseAsOf(asOf),
      status: parseEnum('status', status, ['active', 'withdrawn'] as const),
      collegeCode: parseOptionalId('collegeCode', collegeCode),
      after: parseOptionalId('after', after),
      limit: parseLimit(limit),
    });
  }

  @Get(':associateId')
  @Allow(...READERS)
  @AllowOwnRecord()
  @ApiQuery({ name: 'asOf', required: false })
  @ApiOperation({ summary: 'One associate as of a date (an associate may read their own record)' })
  get(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Query('asOf') asOf?: string) {
    return this.queries.associate(coopId, associateId, parseAsOf(asOf));
  }

  @Post(':associateId/subscriptions')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Subscribe shares (SharesSubscribed)' })
  async subscribe(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: SubscribeSharesDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    const result = await this.commands.record(coopId, { type: 'SubscribeShares', associateId, shares: dto.shares, paidCents: dto.paidCents, effectiveDate: dto.effectiveDate, movementId }, ctx);
    return commandResponse(reply, movementId, result);
  }

  @Post(':associateId/payments')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Pay up subscribed shares (SharesPaidUp)' })
  async payUp(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: PayUpSharesDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    const result = await this.commands.record(coopId, { type: 'PayUpShares', associateId, amountCents: dto.amountCents, effectiveDate: dto.effectiveDate, movementId }, ctx);
    return commandResponse(reply, movementId, result);
  }

  @Post(':associateId/category')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Change the category (CategoryChanged)' })
  async changeCategory(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCategoryDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.record(coopId, { type: 'ChangeCategory', associateId, category: dto.category, effectiveDate: dto.effectiveDate }, ctx);
    return commandResponse(reply, associateId, result);
  }

  @Post(':associateId/college')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Move to another collège (CollegeChanged)' })
  async changeCollege(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCollegeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.record(coopId, { type: 'ChangeCollege', associateId, collegeCode: dto.collegeCode, effectiveDate: dto.effectiveDate }, ctx);
    return commandResponse(reply, associateId, result);
  }

  @Post(':associateId/withdrawal')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record an exit (AssociateWithdrew): voting rights end, shares await redemption' })
  async withdraw(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: WithdrawAssociateDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.commands.record(coopId, { type: 'WithdrawAssociate', associateId, reason: dto.reason, effectiveDate: dto.effectiveDate }, ctx);
    return commandResponse(reply, associateId, result);
  }

  @Post(':associateId/redemptions')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Redeem shares (SharesRedeemed); refused while COOP-CAPITAL-FLOOR suspends it' })
  async redeem(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: RedeemSharesDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    const result = await this.commands.record(coopId, { type: 'RedeemShares', associateId, shares: dto.shares, amountCents: dto.amountCents, effectiveDate: dto.effectiveDate, movementId }, ctx);
    return commandResponse(reply, movementId, result);
  }
}
