import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InlineJobQueue } from './inline-job-queue';
import { JobHandler } from './job-queue.port';
import { jobQueueContract, waitForJob } from './testing/job-queue.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-jobs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let file = '';
jobQueueContract('inline (SQLite)', async () => new InlineJobQueue({ file: file || (file = path.join(dir, `${Date.now()}-${Math.random()}.sqlite`)), pollMs: 20 }));
afterEach(() => (file = ''));

describe('InlineJobQueue across a restart', () => {
  it('runs after a restart the delayed job a stopped process had accepted', async () => {
    const ledger = path.join(dir, 'restart.sqlite');
    const before = new InlineJobQueue({ file: ledger, pollMs: 20 });
    let runs = 0;
    const handlers = new Map([['close-window', (async () => ++runs) as JobHandler<never>]]);
    await before.work(handlers);
    await before.enqueue('close-window', { resolutionId: 'r1' }, { jobId: 'w-1', delayMs: 300 });
    await before.close();

    const after = new InlineJobQueue({ file: ledger, pollMs: 20 });
    await after.work(handlers);
    expect(await waitForJob(after, 'w-1')).toMatchObject({ state: 'completed', result: 1 });
    expect(runs).toBe(1);
    await after.close();
  });

  it('takes over a job whose process died mid-run once its claim expired', async () => {
    const ledger = path.join(dir, 'lease.sqlite');
    const dead = new InlineJobQueue({ file: ledger, pollMs: 20, leaseMs: 200 });
    await dead.work(new Map([['slow', (() => new Promise(() => undefined)) as JobHandler<never>]]));
    await dead.enqueue('slow', {}, { jobId: 'slow-1' });
    await waitForJob(dead, 'slow-1', (j) => j.state === 'active');

    const survivor = new InlineJobQueue({ file: ledger, pollMs: 20, leaseMs: 200 });
    await survivor.work(new Map([['slow', (async (job: { attempt: number }) => `attempt ${job.attempt}`) as JobHandler<never>]]));
    // The process dies: its poll and its lease renewals stop.
    const corpse = dead as unknown as { closed: boolean; timer: NodeJS.Timeout; renew: { run: () => void } };
    corpse.closed = true;
    clearTimeout(corpse.timer);
    corpse.renew = { run: () => undefined };
    expect(await waitForJob(survivor, 'slow-1', undefined, 5000)).toMatchObject({ state: 'completed', result: 'attempt 2' });
    await survivor.close();
  });
});
