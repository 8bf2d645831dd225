import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import type { JobQueue } from '@ledger/jobs';
import { EVENT_STORE } from '../infrastructure/tokens';
import { JOB_QUEUE, RUNS_ON_REDIS } from '../jobs/ledger-jobs';
import { storeHealth } from './store.health';

/**
 * The body docs/api.md promises: `{ status, store }`, and `redis` when jobs go to Redis — said,
 * not counted in `status`: without Redis a replica still records and answers, only new jobs wait.
 */
export interface HealthBody {
  status: 'ok' | 'error';
  store: 'up' | 'down';
  redis?: 'up' | 'down';
}

const BODY_SCHEMA = {
  type: 'object',
  required: ['status', 'store'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    store: { type: 'string', enum: ['up', 'down'] },
    redis: { type: 'string', enum: ['up', 'down'], description: 'only when REDIS_URL is set; not counted in status' },
  },
};

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(JOB_QUEUE) private readonly jobs?: JobQueue,
    @Optional() @Inject(RUNS_ON_REDIS) private readonly onRedis?: boolean,
  ) {}

  /*
   * Terminus runs the checks (a throwing indicator counts as down); its own body
   * `{ status, info, error, details }` is not the contract, so the result is reshaped here, and
   * its 503 exception is caught before the problem+json filter would turn it into an error body.
   */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and the event store’s state (no auth)' })
  @ApiOkResponse({ description: 'The event store answers', schema: { ...BODY_SCHEMA, example: { status: 'ok', store: 'up' } } })
  @ApiServiceUnavailableResponse({ description: 'The event store does not answer', schema: { ...BODY_SCHEMA, example: { status: 'error', store: 'down' } } })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthBody> {
    const result = await this.health.check([() => storeHealth(this.store, this.indicators)]).catch((error: unknown): HealthCheckResult => {
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    });
    const ok = result.status === 'ok';
    void reply.status(ok ? 200 : 503);
    const redis = this.jobs && this.onRedis ? { redis: (await this.jobs.ping().catch(() => false)) ? ('up' as const) : ('down' as const) } : {};
    return { status: ok ? 'ok' : 'error', store: result.details.store?.status === 'up' ? 'up' : 'down', ...redis };
  }
}
