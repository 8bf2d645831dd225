import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead } from '../http/api-docs';
import { AssemblyClosedAnswerDoc, AssemblyListDoc, AssemblyViewDoc, ResolutionClosedAnswerDoc, VoterListDoc } from './assembly.views';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { AssemblyCommand, assemblyDecider } from '@ledger/domain';
import { CommandMeta, newId } from '../http/command-meta';
import { created } from '../http/command-response';
import { requireEmptyBody } from '../http/empty-body';
import { strongEtag } from '../http/etag';
import { parseEnum } from '../http/query-params';
import { CommandMetadata } from '../write/command-metadata';
import { CrossStreamFacts } from '../write/cross-stream-facts';
import { LedgerCommands } from '../write/stream-command';
import { CommandResult } from '../write/stream-writer';
import { AssemblyQueries } from './assembly-queries.service';
import { AdjournmentDto, AttendanceDto, BallotDto, BureauDto, ConveneAssemblyDto, ShowOfHandsDto } from './assembly.dto';

@ApiTags('Assemblies')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId/assemblies')
export class AssembliesController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly facts: CrossStreamFacts,
    private readonly queries: AssemblyQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Convene an AG: fixes the voter list at the record date (AssemblyConvened)', location: 'the assembly', startsStream: true })
  async convene(@Param('coopId') coopId: string, @Body() dto: ConveneAssemblyDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const assemblyId = dto.id ?? newId(meta);
    const command = await this.facts.convocation({ ...dto, coopId, assemblyId });
    return created(reply, assemblyUrl(coopId, assemblyId), assemblyId, await this.send(coopId, assemblyId, command, meta));
  }

  @Get()
  @Allow(...READERS)
  @ApiRead({ summary: 'The cooperative’s assemblies, in order of convocation', type: AssemblyListDoc })
  list(@Param('coopId') coopId: string) {
    return this.queries.list(coopId);
  }

  @Get(':assemblyId')
  @Allow(...READERS)
  @ApiRead({ summary: 'An assembly: attendance, quorum, resolutions with their weighted results', type: AssemblyViewDoc, etag: 'strong' })
  async get(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { view, revision } = await this.queries.get(coopId, assemblyId);
    void reply.header('etag', strongEtag(revision));
    return view;
  }

  @Get(':assemblyId/voters')
  @Allow(...READERS)
  @ApiRead({ summary: 'The voter list fixed at convocation, each voter with the weight of their vote (SCOP-VOTES-65)', type: VoterListDoc, etag: 'strong' })
  async voters(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { voters, revision } = await this.queries.voters(coopId, assemblyId);
    void reply.header('etag', strongEtag(revision));
    return voters;
  }

  @Get(':assemblyId/minutes')
  @Allow(...READERS)
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'md', 'markdown'], description: 'default html (or what Accept asks: text/markdown)' })
  @ApiQuery({ name: 'lang', required: false, enum: ['fr', 'en'], description: 'default fr: the procès-verbal is signed in French' })
  @ApiRead({
    summary: 'The procès-verbal: legal header, attendance, each quorum, each resolution’s text with its per-collège results and outcome, ledger digest with its position, signatures',
    query: true,
    produces: ['text/html', 'text/markdown'],
  })
  async minutes(
    @Param('coopId') coopId: string,
    @Param('assemblyId') assemblyId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('format') format?: string,
    @Query('lang') lang?: string,
    @Headers('accept') accept?: string,
  ) {
    const asked = parseEnum('format', format, ['html', 'md', 'markdown'] as const);
    const wanted = asked === undefined ? (accept?.includes('text/markdown') && !accept.includes('text/html') ? 'markdown' : 'html') : asked === 'html' ? 'html' : 'markdown';
    const language = parseEnum('lang', lang, ['fr', 'en'] as const) ?? 'fr';
    const rendered = await this.queries.minutes(coopId, assemblyId, wanted, language);
    void reply.header('content-type', wanted === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8');
    return rendered;
  }

  @Post(':assemblyId/attendance')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({
    summary: 'Record an associate’s attendance: present, remote, by mail, or by proxy; after opening, a late arrival counts for the resolutions not yet closed (AttendanceRecorded)',
    location: 'the assembly',
  })
  async attend(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Body() dto: AttendanceDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.send(coopId, assemblyId, { type: 'RecordAttendance', associateId: dto.associateId, mode: dto.mode, proxyHolderId: dto.proxyHolderId ?? null }, meta);
    return created(reply, assemblyUrl(coopId, assemblyId), dto.associateId, result);
  }

  @Post(':assemblyId/bureau')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Record the bureau — président de séance, secrétaire, scrutateurs — who sign the procès-verbal (BureauRecorded)', location: 'the assembly' })
  async bureau(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Body() dto: BureauDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const result = await this.send(coopId, assemblyId, { type: 'RecordBureau', president: dto.president, secretary: dto.secretary, scrutineers: dto.scrutineers ?? [] }, meta);
    return created(reply, assemblyUrl(coopId, assemblyId), assemblyId, result);
  }

  @Post(':assemblyId/adjournment')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Adjourn an open AG that will not go on: its open resolutions are not voted (AssemblyAdjourned)', location: 'the assembly' })
  async adjourn(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Body() dto: AdjournmentDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    return created(reply, assemblyUrl(coopId, assemblyId), assemblyId, await this.send(coopId, assemblyId, { type: 'AdjournAssembly', reason: dto.reason }, meta));
  }

  @Post(':assemblyId/opening')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Open the AG: needs one voter present or represented, checks AG-QUORUM (422 if not met; reconvene on second call)', location: 'the assembly' })
  async open(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Body() body: unknown, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    requireEmptyBody(body);
    return created(reply, assemblyUrl(coopId, assemblyId), assemblyId, await this.send(coopId, assemblyId, { type: 'OpenAssembly' }, meta));
  }

  @Post(':assemblyId/resolutions/:resolutionId/ballots')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Record one ballot (AG-ONE-BALLOT); a proxy holder casts the ballot of the one they represent', location: 'the assembly' })
  async ballot(
    @Param('coopId') coopId: string,
    @Param('assemblyId') assemblyId: string,
    @Param('resolutionId') resolutionId: string,
    @Body() dto: BallotDto,
    @CommandMeta() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.send(coopId, assemblyId, { type: 'CastBallot', resolutionId, associateId: dto.associateId, choice: dto.choice }, meta);
    return created(reply, assemblyUrl(coopId, assemblyId), result.events[0].eventId, result);
  }

  @Post(':assemblyId/resolutions/:resolutionId/show-of-hands')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Record a show-of-hands count for a collège (never mixed with ballots on one resolution)', location: 'the assembly' })
  async showOfHands(
    @Param('coopId') coopId: string,
    @Param('assemblyId') assemblyId: string,
    @Param('resolutionId') resolutionId: string,
    @Body() dto: ShowOfHandsDto,
    @CommandMeta() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.send(
      coopId,
      assemblyId,
      {
        type: 'RecordShowOfHands',
        resolutionId,
        collegeCode: dto.collegeCode ?? null,
        for: dto.for,
        against: dto.against,
        abstain: dto.abstain,
        blank: dto.blank ?? 0,
        nonEmployee: dto.nonEmployee ? { ...dto.nonEmployee, blank: dto.nonEmployee.blank ?? 0 } : null,
        cooperativeSociety: dto.cooperativeSociety ? { ...dto.cooperativeSociety, blank: dto.cooperativeSociety.blank ?? 0 } : null,
      },
      meta,
    );
    return created(reply, assemblyUrl(coopId, assemblyId), result.events[0].eventId, result);
  }

  @Post(':assemblyId/resolutions/:resolutionId/closing')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Close a resolution: its outcome under AG-MAJORITY and AG-COLLEGE-TALLY, decided exactly', location: 'the assembly', type: ResolutionClosedAnswerDoc })
  async closeResolution(
    @Param('coopId') coopId: string,
    @Param('assemblyId') assemblyId: string,
    @Param('resolutionId') resolutionId: string,
    @Body() body: unknown,
    @CommandMeta() meta: CommandMetadata,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    requireEmptyBody(body);
    const result = await this.send(coopId, assemblyId, { type: 'CloseResolution', resolutionId }, meta);
    const closed = result.events[0].data as { outcome: string; result: unknown; reason?: string };
    return { ...created(reply, assemblyUrl(coopId, assemblyId), resolutionId, result), outcome: closed.outcome, result: closed.result, ...(closed.reason ? { reason: closed.reason } : {}) };
  }

  @Post(':assemblyId/closing')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Close the AG: the ledger digest (hash over every stream head) and its global position go into the minutes', location: 'the assembly', type: AssemblyClosedAnswerDoc })
  async close(@Param('coopId') coopId: string, @Param('assemblyId') assemblyId: string, @Body() body: unknown, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    requireEmptyBody(body);
    const result = await this.send(coopId, assemblyId, await this.facts.closing(coopId), meta);
    const closed = result.events[0].data as { ledgerDigest: string; position: string };
    return { ...created(reply, assemblyUrl(coopId, assemblyId), assemblyId, result), ledgerDigest: closed.ledgerDigest, ledgerPosition: closed.position };
  }

  private send(coopId: string, assemblyId: string, command: AssemblyCommand, meta: CommandMetadata): Promise<CommandResult> {
    return this.commands.send(assemblyDecider, { coopId, assemblyId }, command, meta);
  }
}

export function assemblyUrl(coopId: string, assemblyId: string): string {
  return `/v1/cooperatives/${coopId}/assemblies/${assemblyId}`;
}
