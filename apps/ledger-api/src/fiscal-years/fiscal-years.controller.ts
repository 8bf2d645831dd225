import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { cooperativeDecider, fiscalYearDecider, tmoDecider } from '@ledger/domain';
import { Allow } from '../auth/auth.guard';
import { READERS, WRITERS } from '../auth/roles';
import { ApiCommand, ApiRead } from '../http/api-docs';
import { CommandMeta } from '../http/command-meta';
import { created } from '../http/command-response';
import { badQuery, parseAsOf, parseDate } from '../http/query-params';
import { CommandMetadata } from '../write/command-metadata';
import { CrossStreamFacts } from '../write/cross-stream-facts';
import { FiscalYearFacts } from '../write/fiscal-year-facts';
import { LedgerCommands } from '../write/stream-command';
import { AllocationDto, CloseFiscalYearDto, OpeningBalancesDto, TmoDto, WorkerShareInputsDto } from './fiscal-year.dto';
import { FiscalYearQueries } from './fiscal-year-queries';
import { AllocationProposalDoc, FiscalYearDoc, RedemptionValueDoc, ReservesDoc, ShareInterestDoc, TmoDoc, WorkerShareDoc } from './fiscal-year.views';

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw badQuery('year', 'year must be a calendar year YYYY');
  return Number(value);
}

function parseCents(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) throw badQuery(name, `${name} must be a whole number of cents`);
  return Number(value);
}

/** docs/api.md, "Fiscal years, surplus and accounting": the year's close, its allocation and what they show. */
@ApiTags('Fiscal years and surplus')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class FiscalYearsController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly facts: FiscalYearFacts,
    private readonly crossStream: CrossStreamFacts,
    private readonly queries: FiscalYearQueries,
  ) {}

  @Post('opening-balances')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Record the opening balances of a ledger that starts in the cooperative’s life (OpeningBalancesRecorded), once', location: 'the reserves by year' })
  async openingBalances(@Param('coopId') coopId: string, @Body() dto: OpeningBalancesDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const command = {
      type: 'RecordOpeningBalances' as const,
      effectiveDate: dto.asOf,
      legalReserveCents: dto.legalReserveCents,
      statutoryReserveCents: dto.statutoryReserveCents,
      retainedEarningsCents: dto.retainedEarningsCents,
      highestCapitalCents: dto.highestCapitalCents,
      lateRecording: dto.lateRecording,
    };
    return created(reply, `/v1/cooperatives/${coopId}/reserves`, coopId, await this.commands.send(cooperativeDecider, coopId, command, meta));
  }

  @Post('fiscal-years/:year/closing')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'Close a fiscal year: its net result, subsidies and art. 32 gains (FiscalYearClosed)', location: 'the fiscal year' })
  async close(@Param('coopId') coopId: string, @Param('year') yearParam: string, @Body() dto: CloseFiscalYearDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const year = parseYear(yearParam);
    const { history, period } = await this.facts.period(coopId, year);
    const legalForm = (this.facts.asOf(history, period.endsOn).statuts ?? history.statuts!).legalForm;
    const command = {
      type: 'CloseFiscalYear' as const,
      coopId,
      year,
      closedOn: dto.closedOn,
      netResultCents: dto.netResultCents,
      subsidiesCents: dto.subsidiesCents,
      excludedGainsCents: dto.excludedGainsCents,
      period,
      legalForm,
    };
    return created(reply, fiscalYearUrl(coopId, year), String(year), await this.commands.send(fiscalYearDecider, { coopId, year }, command, meta));
  }

  @Post('fiscal-years/:year/worker-share-inputs')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({ summary: 'SCOP: the year’s employees for the part travail (WorkerShareInputsRecorded); a later call replaces the list', location: 'the worker share split' })
  async workerShareInputs(@Param('coopId') coopId: string, @Param('year') yearParam: string, @Body() dto: WorkerShareInputsDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const year = parseYear(yearParam);
    const { history, period } = await this.facts.period(coopId, year);
    const legalForm = (this.facts.asOf(history, period.endsOn).statuts ?? history.statuts!).legalForm;
    const employees = dto.employees.map((e) => ({ ...e }));
    return created(
      reply,
      `${fiscalYearUrl(coopId, year)}/worker-share`,
      String(year),
      await this.commands.send(fiscalYearDecider, { coopId, year }, { type: 'RecordWorkerShareInputs', year, employees, legalForm }, meta),
    );
  }

  @Post('fiscal-years/:year/allocation')
  @HttpCode(201)
  @Allow(...WRITERS)
  @ApiCommand({
    summary: 'Allocate the year’s result under an adopted ordinary resolution of a closed AG held after the year’s end (SurplusAllocated, LossAllocated)',
    description: '409 when the year is not closed or already allocated; 422 without an adopted resolution, over a missing TMO (COOP-INTEREST-RATE), or with parts that do not sum (COOP-ALLOCATION-SUM).',
    location: 'the fiscal year',
  })
  async allocate(@Param('coopId') coopId: string, @Param('year') yearParam: string, @Body() dto: AllocationDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const year = parseYear(yearParam);
    const facts = await this.facts.allocation(coopId, year);
    const command = await this.crossStream.allocation(coopId, { type: 'AllocateSurplus', coopId, year, ...dto, facts });
    return created(reply, fiscalYearUrl(coopId, year), String(year), await this.commands.send(fiscalYearDecider, { coopId, year }, command, meta));
  }

  @Get('fiscal-years/:year')
  @Allow(...READERS)
  @ApiRead({ summary: 'A fiscal year: its dates, status, closing and allocation as recorded', type: FiscalYearDoc, query: true })
  get(@Param('coopId') coopId: string, @Param('year') year: string) {
    return this.queries.fiscalYear(coopId, parseYear(year));
  }

  @Get('fiscal-years/:year/allocation-proposal')
  @Allow(...READERS)
  @ApiQuery({ name: 'heldOn', required: true, description: 'the AG’s date (YYYY-MM-DD): it fixes the TMO years' })
  @ApiRead({ summary: 'The base, every legal minimum, the maximum interest with the rule and figure behind each, and a draft resolution in French', type: AllocationProposalDoc, query: true })
  proposal(@Param('coopId') coopId: string, @Param('year') year: string, @Query('heldOn') heldOn?: string) {
    if (heldOn === undefined) throw badQuery('heldOn', 'heldOn (the AG’s date, YYYY-MM-DD) is required');
    return this.queries.proposal(coopId, parseYear(year), parseDate('heldOn', heldOn));
  }

  @Get('fiscal-years/:year/share-interest')
  @Allow(...READERS)
  @ApiQuery({ name: 'rate', required: false, description: 'before the allocation: the rate to preview (percent)' })
  @ApiRead({ summary: 'Interest on shares per associate (as allocated, or previewed at a rate)', type: ShareInterestDoc, query: true })
  shareInterest(@Param('coopId') coopId: string, @Param('year') year: string, @Query('rate') rate?: string) {
    return this.queries.shareInterest(coopId, parseYear(year), rate);
  }

  @Get('fiscal-years/:year/worker-share')
  @Allow(...READERS)
  @ApiQuery({ name: 'totalCents', required: false, description: 'before the allocation: the amount to split (default: the legal minimum)' })
  @ApiRead({ summary: 'SCOP: the part travail split per employee, with eligibility', type: WorkerShareDoc, query: true })
  workerShare(@Param('coopId') coopId: string, @Param('year') year: string, @Query('totalCents') totalCents?: string) {
    return this.queries.workerShare(coopId, parseYear(year), parseCents('totalCents', totalCents));
  }

  @Get('reserves')
  @Allow(...READERS)
  @ApiRead({ summary: 'Reserves by year: balances after each year’s allocation, with the capital and the highest capital', type: ReservesDoc })
  reserves(@Param('coopId') coopId: string) {
    return this.queries.reserves(coopId);
  }

  @Get('associates/:associateId/redemption-value')
  @Allow(...READERS)
  @ApiQuery({ name: 'asOf', required: false })
  @ApiRead({ summary: 'What the associate’s shares would be repaid after losses (COOP-REDEMPTION-NOMINAL, the statuts’ method)', type: RedemptionValueDoc, query: true })
  redemptionValue(@Param('coopId') coopId: string, @Param('associateId') associateId: string, @Query('asOf') asOf?: string) {
    return this.queries.redemptionValue(coopId, associateId, parseAsOf(asOf));
  }
}

/** The TMO reference data (COOP-INTEREST-RATE): every cooperative's, written by an admin. */
@ApiTags('Fiscal years and surplus')
@ApiBearerAuth()
@Controller('v1/reference/tmo')
export class TmoController {
  constructor(
    private readonly commands: LedgerCommands,
    private readonly facts: FiscalYearFacts,
  ) {}

  @Put()
  @HttpCode(201)
  @Allow('admin')
  @ApiCommand({ summary: 'Load TMO half-year values and published caps, with their sources (TmoRatesLoaded); merged by (year, half) and assembly year', location: 'the TMO as loaded', noCooperative: true })
  async load(@Body() dto: TmoDto, @CommandMeta() meta: CommandMetadata, @Res({ passthrough: true }) reply: FastifyReply) {
    const command = { type: 'LoadTmoRates' as const, rates: (dto.rates ?? []).map((r) => ({ ...r })), caps: (dto.caps ?? []).map((c) => ({ ...c })) };
    return created(reply, '/v1/reference/tmo', 'tmo', await this.commands.send(tmoDecider, 'tmo', command, meta));
  }

  @Get()
  @Allow(...READERS)
  @ApiRead({ summary: 'The TMO values and published caps as loaded (the shipped defaults and the operator’s), with sources', type: TmoDoc, noCooperative: true })
  get() {
    return this.facts.tmo();
  }
}

export function fiscalYearUrl(coopId: string, year: number): string {
  return `/v1/cooperatives/${coopId}/fiscal-years/${year}`;
}
