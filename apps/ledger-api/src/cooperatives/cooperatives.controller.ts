import { Body, Controller, ForbiddenException, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead } from '../http/api-docs';
import { CooperativeListDoc, CooperativeViewDoc } from './cooperative.views';
import type { FastifyReply } from 'fastify';
import { StatutsInput, cooperativeDecider } from '@ledger/domain';
import { Allow } from '../auth/auth.guard';
import { Caller, READERS, WRITERS, canSeeCooperative } from '../auth/roles';
import { CommandMeta, CurrentCaller, newId } from '../http/command-meta';
import { created } from '../http/command-response';
import { weakEtag } from '../http/etag';
import { parseAsOf } from '../http/query-params';
import { ApiKnownAt, KnownAtQuery } from '../audit/known-at';
import type { KnownAt } from '@ledger/projections';
import { LedgerQueries } from '../queries/ledger-queries';
import { CommandMetadata } from '../write/command-metadata';
import { CrossStreamFacts } from '../write/cross-stream-facts';
import { LedgerCommands } from '../write/stream-command';
import { AmendStatutsDto, CreateCooperativeDto } from './cooperative.dto';

@ApiTags('Cooperatives and statuts')
@ApiBearerAuth()
@Controller('v1/cooperatives')
export class CooperativesController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly queries: LedgerQueries,
    private readonly facts: CrossStreamFacts,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Register a cooperative with its statuts (StatutsAdopted)', location: 'the cooperative', startsStream: true, noCooperative: true })
  async create(@Body() dto: CreateCooperativeDto, @CurrentCaller() caller: Caller, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const { id = newId(meta), ...statuts } = dto;
    if (!canSeeCooperative(caller, id)) throw new ForbiddenException(`Your token does not cover cooperative ${id}`);
    return created(reply, cooperativeUrl(id), id, await this.commands.send(cooperativeDecider, id, { type: 'AdoptStatuts', coopId: id, statuts: statuts as StatutsInput }, meta));
  }

  @Get()
  @Allow(...READERS)
  @ApiRead({ summary: 'The cooperatives your token covers', type: CooperativeListDoc, noCooperative: true })
  async list(@CurrentCaller() caller: Caller) {
    const items = await this.queries.listCooperatives();
    return { items: items.filter((c) => canSeeCooperative(caller, c.id)) };
  }

  @Get(':coopId')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false, description: 'YYYY-MM-DD, default today' })
  @ApiRead({ summary: 'Statuts in force and capital totals as of a date', type: CooperativeViewDoc, etag: 'weak', query: true })
  @ApiKnownAt()
  async get(@Param('coopId') coopId: string, @KnownAtQuery() known: KnownAt | undefined, @Query('asOf') asOf: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.queries.cooperative(coopId, parseAsOf(asOf), known);
    void reply.header('etag', weakEtag(view.revision));
    return view;
  }

  @Post(':coopId/statuts-amendments')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Amend the statuts (StatutsAmended) under an adopted extraordinary resolution of a closed AG of this cooperative', location: 'the cooperative' })
  async amend(@Param('coopId') coopId: string, @Body() dto: AmendStatutsDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const command = await this.facts.amendment(coopId, {
      type: 'AmendStatuts',
      effectiveDate: dto.effectiveDate,
      changes: dto.changes as Partial<StatutsInput>,
      resolution: dto.resolution,
      lateRecording: dto.lateRecording,
    });
    return created(reply, cooperativeUrl(coopId), coopId, await this.commands.send(cooperativeDecider, coopId, command, meta));
  }
}

export function cooperativeUrl(coopId: string): string {
  return `/v1/cooperatives/${coopId}`;
}
