import { randomUUID } from 'crypto';
import { Redis } from 'ioredis';

/** Where tests find Redis: REDIS_URL, else the machine's own (127.0.0.1:6379). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix of its own per test run, so parallel runs over one Redis never meet. */
export function testPrefix(label: string): string {
  return `ledger-test-${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Whether Redis answers. In CI (`CI=true`) a missing Redis fails the suite loudly; elsewhere
 * the suite says in one line that it did not run, never a silent pass.
 */
export async function redisReachable(suite: string): Promise<boolean> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`${suite}: Redis does not answer at ${TEST_REDIS_URL} and CI=true needs it (${String(error)})`);
    console.warn(`${suite}: NOT RUN — Redis does not answer at ${TEST_REDIS_URL} (set CI=true to make this a failure)`);
    return false;
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under a test prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  client.on('error', () => undefined);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
