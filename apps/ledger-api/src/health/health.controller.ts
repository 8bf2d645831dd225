import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '../infrastructure/tokens';
import { storeHealth } from './store.health';

/** The body docs/api.md promises: `{ status, store }` (and `redis` once a Redis is wired). */
export interface HealthBody {
  status: 'ok' | 'error';
  store: 'up' | 'down';
}

const BODY_SCHEMA = {
  type: 'object',
  required: ['status', 'store'],
  properties: { status: { type: 'string', enum: ['ok', 'error'] }, store: { type: 'string', enum: ['up', 'down'] } },
};

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
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
    return { status: ok ? 'ok' : 'error', store: result.details.store?.status === 'up' ? 'up' : 'down' };
  }
}
