import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'crypto';
import type { FastifyReply } from 'fastify';
import { StatutsInput } from '@ledger/domain';
import { AssemblyCommands } from '../assemblies/assembly-commands.service';
import { Allow } from '../auth/auth.guard';
import { READERS, WRITERS, canSeeCooperative } from '../auth/roles';
import { Commands } from '../commands/record-command';
import { commandResponse } from '../http/command-response';
import { parseAsOf } from '../http/query-params';
import { Ctx, RequestContext, etagOf } from '../http/request-context';
import { LedgerQueries } from '../queries/ledger-queries';
import { AmendStatutsDto, CreateCooperativeDto } from './cooperative.dto';

@ApiTags('Cooperatives and statuts')
@ApiBearerAuth()
@Controller('v1/cooperatives')
export class CooperativesController {
  constructor(
    private readonly commands: Commands,
    private readonly queries: LedgerQueries,
    private readonly assemblies: AssemblyCommands,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Register a cooperative with its statuts (StatutsAdopted)' })
  async create(@Body() dto: CreateCooperativeDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id = randomUUID(), ...statuts } = dto;
    if (!canSeeCooperative(ctx.caller, id)) throw new ForbiddenException(`Your token does not cover cooperative ${id}`);
    const result = await this.commands.record(id, { type: 'AdoptStatuts', coopId: id, statuts: statuts as StatutsInput }, ctx);
    return commandResponse(reply, id, result);
  }

  @Get()
  @Allow(...READERS)
  @ApiOperation({ summary: 'The cooperatives your token covers' })
  async list(@Ctx() ctx: RequestContext) {
    const items = await this.queries.listCooperatives();
    return { items: items.filter((c) => canSeeCooperative(ctx.caller, c.id)) };
  }

  @Get(':coopId')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiOperation({ summary: 'Statuts in force and capital totals as of a date' })
  async get(@Param('coopId') coopId: string, @Query('asOf') asOf: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.cooperative(coopId, parseAsOf(asOf));
    void reply.header('etag', etagOf(view.revision));
    return view;
  }

  @Post(':coopId/statuts-amendments')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiOperation({ summary: 'Amend the statuts (StatutsAmended) under an adopted extraordinary resolution of a closed AG of this cooperative' })
  async amend(@Param('coopId') coopId: string, @Body() dto: AmendStatutsDto, @Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    await this.queries.requireCooperative(coopId);
    await this.assemblies.requireAmendmentResolution(coopId, dto.resolution);
    const result = await this.commands.record(
      coopId,
      { type: 'AmendStatuts', effectiveDate: dto.effectiveDate, changes: dto.changes as Partial<StatutsInput>, resolution: dto.resolution },
      ctx,
    );
    return commandResponse(reply, coopId, result);
  }
}
