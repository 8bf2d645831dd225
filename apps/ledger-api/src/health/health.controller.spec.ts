import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { TerminusModule } from '@nestjs/terminus';
import type { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { HealthController } from './health.controller';

/** GET /health over Fastify with a store whose ping is given: the body shape docs/api.md fixes. */
async function healthWith(ping: () => Promise<boolean>) {
  @Module({ imports: [TerminusModule], controllers: [HealthController], providers: [{ provide: EVENT_STORE, useValue: { ping } as Partial<EventStore> }] })
  class HealthOnly {}
  const app = await NestFactory.create<NestFastifyApplication>(HealthOnly, new FastifyAdapter(), { logger: false });
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const answer = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/health' });
    return { status: answer.statusCode, body: answer.json() as unknown };
  } finally {
    await app.close();
  }
}

describe('GET /health (terminus)', () => {
  it('answers 200 { status: ok, store: up } when the store pings', async () => {
    expect(await healthWith(async () => true)).toEqual({ status: 200, body: { status: 'ok', store: 'up' } });
  });

  it('answers 503 { status: error, store: down } when the store does not answer', async () => {
    expect(await healthWith(async () => false)).toEqual({ status: 503, body: { status: 'error', store: 'down' } });
  });

  it('counts a ping that throws as down, not as a failure of /health', async () => {
    expect(await healthWith(() => Promise.reject(new Error('disk gone')))).toEqual({ status: 503, body: { status: 'error', store: 'down' } });
  });
});
