import { BadRequestException, Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiRead } from '../http/api-docs';
import { EventsPageDoc, VerificationReportDoc } from './audit.views';
import { EventStore, verifyEvents } from '@ledger/event-store';
import { Allow } from '../auth/auth.guard';
import { AUDITORS } from '../auth/roles';
import { parseLimit } from '../http/query-params';
import { EVENT_STORE } from '../infrastructure/tokens';
import { LedgerQueries } from '../queries/ledger-queries';

@ApiTags('Audit')
@ApiBearerAuth()
@Controller('v1/cooperatives/:coopId')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly queries: LedgerQueries,
  ) {}

  @Get('verification')
  @Allow(...AUDITORS, 'gerant')
  @ApiQuery({ name: 'at', required: false, description: 'a global position: verify the history as it stood there and recompute its digest (the one an AG’s minutes print with that position); default the head' })
  @ApiRead({ summary: 'Re-hash every stored event of the cooperative (up to `at`) and report the digest and the first break of the chain', type: VerificationReportDoc, query: true })
  async verify(@Param('coopId') coopId: string, @Query('at') at?: string) {
    if (at !== undefined && !/^\d{1,18}$/.test(at)) throw new BadRequestException({ errors: [{ field: 'at', message: 'at must be a global position (an integer)' }] });
    // As of a past position, today's heads say nothing of then: the chain alone is checked up to it.
    const heads = at === undefined ? await this.queries.streamHeads(coopId) : (await this.queries.requireCooperative(coopId), {});
    const report = await verifyEvents(this.store.readAll({ coopId }), heads, at === undefined ? {} : { at: BigInt(at) });
    const { valid, streams, events, digest, firstBreak } = report;
    return { valid, streams, events, digest, position: at ?? report.position?.toString() ?? null, ...(firstBreak ? { firstBreak: { ...firstBreak, revision: Number(firstBreak.revision) } } : {}) };
  }

  @Get('events')
  @Allow(...AUDITORS)
  @ApiQuery({ name: 'after', required: false, description: 'global position (exclusive)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiRead({ summary: 'The cooperative’s events in global order, with their metadata and hashes', type: EventsPageDoc, query: true })
  async events(@Param('coopId') coopId: string, @Query('after') after?: string, @Query('limit') limit?: string) {
    await this.queries.requireCooperative(coopId);
    if (after !== undefined && !/^\d{1,18}$/.test(after)) throw new BadRequestException({ errors: [{ field: 'after', message: 'after must be a global position (an integer)' }] });
    const max = parseLimit(limit, 100, 1000);
    const events = [];
    for await (const e of this.store.readAll({ coopId, after: after === undefined ? undefined : BigInt(after), limit: max })) {
      events.push({ position: Number(e.position), streamId: e.streamId, revision: Number(e.revision), type: e.type, data: e.data, metadata: e.metadata });
    }
    return { events, next: events.length === max ? String(events[events.length - 1].position) : null };
  }
}
