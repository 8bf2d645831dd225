import { JobFailedForGood, JobHandler, JobQueue, JobView } from '../job-queue.port';

/** Polls until the job reaches a settled state (or the predicate holds). */
export async function waitForJob(queue: JobQueue, id: string, until: (job: JobView) => boolean = (j) => j.state === 'completed' || j.state === 'failed', timeoutMs = 10_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.get(id);
    if (job && until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not settle in ${timeoutMs} ms: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What every JobQueue adapter promises (libs/jobs/src/job-queue.port.ts), run against each:
 * `open` gives a fresh queue; two queues it gives share one backend (two processes).
 */
export function jobQueueContract(name: string, open: () => Promise<JobQueue | undefined>): void {
  describe(`JobQueue contract: ${name}`, () => {
    const opened: JobQueue[] = [];
    let available = true;
    const fresh = async (): Promise<JobQueue> => {
      const queue = await open();
      if (!queue) {
        available = false;
        throw new Error('unavailable');
      }
      opened.push(queue);
      return queue;
    };
    beforeAll(async () => {
      const probe = await open();
      available = probe !== undefined;
      if (probe) opened.push(probe);
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((q) => q.close()));
    });
    const it_ = (title: string, body: () => Promise<void>) => it(title, async () => (available ? body() : expect(available).toBe(false)));

    it_('runs a job with its data, reports progress and keeps the result', async () => {
      const queue = await fresh();
      const seen: number[] = [];
      const handlers = new Map<string, JobHandler<never>>([
        [
          'double',
          (async (job: { data: { n: number }; progress(p: number): Promise<void>; attempt: number }) => {
            await job.progress(40);
            seen.push(job.attempt);
            return { doubled: job.data.n * 2 };
          }) as JobHandler<never>,
        ],
      ]);
      await queue.work(handlers);
      const { job, created } = await queue.enqueue('double', { n: 21 }, { jobId: 'double-1' });
      expect(created).toBe(true);
      expect(job).toMatchObject({ id: 'double-1', kind: 'double', data: { n: 21 } });
      const done = await waitForJob(queue, 'double-1');
      expect(done).toMatchObject({ state: 'completed', progress: 100, result: { doubled: 42 }, attemptsMade: 1 });
      expect(seen).toEqual([1]);
    });

    it_('adds nothing for an id it knows: one run, the first data', async () => {
      const queue = await fresh();
      let runs = 0;
      await queue.work(new Map([['count', (async () => ++runs) as JobHandler<never>]]));
      const first = await queue.enqueue('count', { v: 1 }, { jobId: 'count-1', delayMs: 150 });
      const second = await queue.enqueue('count', { v: 2 }, { jobId: 'count-1' });
      expect([first.created, second.created]).toEqual([true, false]);
      expect(second.job.data).toEqual({ v: 1 });
      expect((await waitForJob(queue, 'count-1')).state).toBe('completed');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs).toBe(1);
    });

    it_('holds a delayed job until its time', async () => {
      const queue = await fresh();
      const ranAt: number[] = [];
      await queue.work(new Map([['stamp', (async () => ranAt.push(Date.now())) as JobHandler<never>]]));
      const enqueuedAt = Date.now();
      const { job } = await queue.enqueue('stamp', {}, { jobId: 'stamp-1', delayMs: 400 });
      expect(job.state).toBe('delayed');
      await waitForJob(queue, 'stamp-1');
      expect(ranAt[0] - enqueuedAt).toBeGreaterThanOrEqual(350);
    });

    it_('retries with backoff, then shows the job failed with its error', async () => {
      const queue = await fresh();
      const attempts: number[] = [];
      await queue.work(
        new Map([
          [
            'flaky',
            (async (job: { attempt: number }) => {
              attempts.push(job.attempt);
              throw new Error(`attempt ${job.attempt} broke`);
            }) as JobHandler<never>,
          ],
        ]),
      );
      await queue.enqueue('flaky', {}, { jobId: 'flaky-1', attempts: 3, backoffMs: 50 });
      const failed = await waitForJob(queue, 'flaky-1');
      expect(failed).toMatchObject({ state: 'failed', error: 'attempt 3 broke', attemptsMade: 3, attempts: 3 });
      expect(attempts).toEqual([1, 2, 3]);
    });

    it_('fails at once, without retries, when the handler says retrying cannot help', async () => {
      const queue = await fresh();
      let runs = 0;
      await queue.work(
        new Map([
          [
            'hopeless',
            (async () => {
              runs++;
              throw new JobFailedForGood('the resolution does not exist');
            }) as JobHandler<never>,
          ],
        ]),
      );
      await queue.enqueue('hopeless', {}, { jobId: 'hopeless-1', attempts: 5, backoffMs: 10 });
      expect(await waitForJob(queue, 'hopeless-1')).toMatchObject({ state: 'failed', error: 'the resolution does not exist' });
      expect(runs).toBe(1);
    });

    it_('answers undefined for an unknown id', async () => {
      const queue = await fresh();
      expect(await queue.get('nobody')).toBeUndefined();
    });

    it_('runs a job enqueued through one queue once, on the queue that works, and both read its progress', async () => {
      const front = await fresh();
      const back = await fresh();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let runs = 0;
      await back.work(
        new Map([
          [
            'gated',
            (async (job: { progress(p: number): Promise<void> }) => {
              runs++;
              await job.progress(50);
              await gate;
              return 'ok';
            }) as JobHandler<never>,
          ],
        ]),
      );
      await front.enqueue('gated', {}, { jobId: 'gated-1' });
      await waitForJob(front, 'gated-1', (j) => j.progress === 50 && j.state === 'active');
      release();
      expect(await waitForJob(front, 'gated-1')).toMatchObject({ state: 'completed', result: 'ok' });
      expect(runs).toBe(1);
    });
  });
}
