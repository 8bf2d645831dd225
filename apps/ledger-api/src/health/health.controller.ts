import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EventStore } from '@ledger/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '../infrastructure/tokens';

@ApiTags('Operations')
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and the event store’s state (no auth)' })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const storeUp = await this.store.ping().catch(() => false);
    void reply.status(storeUp ? 200 : 503);
    return { status: storeUp ? 'ok' : 'error', store: storeUp ? 'up' : 'down' };
  }
}
