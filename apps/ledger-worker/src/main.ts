import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '../../ledger-api/src/config/config';
import { createLedgerWorker } from './worker.factory';

/** `npm run start:worker`: runs the jobs the API replicas enqueue on Redis (REDIS_URL), until SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl) new Logger('Worker').warn('REDIS_URL is not set: this worker runs the inline jobs of its data folder only; the API runs them too');
  await createLedgerWorker(config);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
