import { BullMqJobQueue } from './bullmq-job-queue';
import { jobQueueContract } from './testing/job-queue.contract';
import { TEST_REDIS_URL, dropPrefix, redisReachable, testPrefix } from './testing/redis-for-tests';

let reachable: boolean | undefined;
let prefix = '';
const prefixes: string[] = [];

jobQueueContract('BullMQ (Redis)', async () => {
  reachable ??= await redisReachable('BullMqJobQueue contract');
  if (!reachable) return undefined;
  if (!prefix) prefixes.push((prefix = testPrefix('bullmq')));
  return new BullMqJobQueue({ url: TEST_REDIS_URL, prefix });
});
afterEach(() => (prefix = ''));
afterAll(async () => {
  for (const p of prefixes) await dropPrefix(p);
});
