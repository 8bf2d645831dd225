import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LedgerConfig } from '../../ledger-api/src/config/config';
import { WorkerModule } from './worker.module';

type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Builds the worker as production runs it; tests start this same function. */
export async function createLedgerWorker(config: LedgerConfig, options: { logger?: false | LogLevel[] } = {}): Promise<INestApplicationContext> {
  const order: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: options.logger ?? order.slice(0, order.indexOf(config.logLevel) + 1) });
  worker.enableShutdownHooks();
  await worker.init();
  return worker;
}
