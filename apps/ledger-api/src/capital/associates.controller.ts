import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'crypto';
import type { FastifyReply } from 'fastify';
import { Allow, AllowOwnRecord } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { cooperativeDecider } from '@ledger/domain';
import { CommandMeta } from '../http/command-meta';
import { created } from '../http/command-response';
import { parseAsOf, parseEnum, parseLimit, parseOptionalId } from '../http/query-params';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { LedgerCommands } from '../write/stream-command';
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
    private readonly commands: LedgerCommands,
    private readonly queries: LedgerQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Admit an associate with their first subscription (AssociateAdmitted + SharesSubscribed)' })
  async admit(@Param('coopId') coopId: string, @Body() dto: AdmitAssociateDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const associateId = dto.id ?? randomUUID();
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
        movementId: randomUUID(),
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
  async subscribe(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: SubscribeSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    return created(reply, movementUrl(coopId, movementId), movementId, await this.commands.send(cooperativeDecider, coopId, { type: 'SubscribeShares', associateId, shares: dto.shares, paidCents: dto.paidCents, effectiveDate: dto.effectiveDate, movementId }, meta));
  }

  @Post(':associateId/payments')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Pay up subscribed shares (SharesPaidUp)' })
  async payUp(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: PayUpSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    return created(reply, movementUrl(coopId, movementId), movementId, await this.commands.send(cooperativeDecider, coopId, { type: 'PayUpShares', associateId, amountCents: dto.amountCents, effectiveDate: dto.effectiveDate, movementId }, meta));
  }

  @Post(':associateId/category')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Change the category (CategoryChanged)' })
  async changeCategory(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCategoryDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, associateUrl(coopId, associateId), associateId, await this.commands.send(cooperativeDecider, coopId, { type: 'ChangeCategory', associateId, category: dto.category, effectiveDate: dto.effectiveDate }, meta));
  }

  @Post(':associateId/college')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Move to another collège (CollegeChanged)' })
  async changeCollege(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: ChangeCollegeDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, associateUrl(coopId, associateId), associateId, await this.commands.send(cooperativeDecider, coopId, { type: 'ChangeCollege', associateId, collegeCode: dto.collegeCode, effectiveDate: dto.effectiveDate }, meta));
  }

  @Post(':associateId/withdrawal')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Record an exit (AssociateWithdrew): voting rights end, shares await redemption' })
  async withdraw(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: WithdrawAssociateDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, associateUrl(coopId, associateId), associateId, await this.commands.send(cooperativeDecider, coopId, { type: 'WithdrawAssociate', associateId, reason: dto.reason, effectiveDate: dto.effectiveDate }, meta));
  }

  @Post(':associateId/redemptions')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Redeem shares (SharesRedeemed); refused while COOP-CAPITAL-FLOOR suspends it' })
  async redeem(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Body() dto: RedeemSharesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const movementId = randomUUID();
    return created(reply, movementUrl(coopId, movementId), movementId, await this.commands.send(cooperativeDecider, coopId, { type: 'RedeemShares', associateId, shares: dto.shares, amountCents: dto.amountCents, effectiveDate: dto.effectiveDate, movementId }, meta));
  }
}

export function associateUrl(coopId: string, associateId: string): string {
  return `/v1/cooperatives/${coopId}/associates/${associateId}`;
}

export function movementUrl(coopId: string, movementId: string): string {
  return `/v1/cooperatives/${coopId}/capital-movements/${movementId}`;
}
