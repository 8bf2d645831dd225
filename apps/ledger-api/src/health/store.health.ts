import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { EventStore } from '@ledger/event-store';

/**
 * The event store as a terminus health indicator: up when it can be read. A ping that throws
 * counts as down, so /health answers 503 instead of failing.
 */
export async function storeHealth(store: EventStore, indicators: HealthIndicatorService): Promise<HealthIndicatorResult<'store'>> {
  const indicator = indicators.check('store');
  const up = await store.ping().catch(() => false);
  return up ? indicator.up() : indicator.down();
}
