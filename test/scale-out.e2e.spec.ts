import { randomBytes, randomUUID } from 'crypto';
import { TEST_REDIS_URL, dropPrefix, redisReachable, testPrefix } from '@ledger/jobs/testing/redis-for-tests';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { TEST_DATABASE_URL, describeWithPostgres, dropSchema, uniqueSchema } from './postgres-test-database';
import { LedgerProcess } from './scale-out-support';
import { associate, scicAlpha, scopBeta } from './support/fixtures';

/*
 * Issue 10, item 9: two API processes and one worker on one PostgreSQL and one Redis, as
 * docker-compose.yml runs them. Clients write to the same cooperatives through both APIs at once
 * (and retry some requests through the other replica); every acknowledged command is recorded
 * exactly once, both APIs answer the same cap table, and a job enqueued through one API is run
 * once by the worker while its progress is read through the other.
 */
describeWithPostgres('Scale-out: two API processes and a worker on PostgreSQL and Redis', () => {
  const schema = uniqueSchema('scale');
  const prefix = testPrefix('scale');
  const secret = randomBytes(24).toString('hex');
  const env = { LEDGER_STORE: 'postgres', DATABASE_URL: process.env.DATABASE_URL ?? TEST_DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, LEDGER_JOBS_PREFIX: prefix, AUTH_JWT_SECRET: secret };
  const apis = [new LedgerProcess('api', env), new LedgerProcess('api', env)];
  const worker = new LedgerProcess('worker', env);
  const token = new TokenService(secret).sign({ sub: 'gerant-scale', role: 'gerant', coops: ['*'] });
  const auditor = new TokenService(secret).sign({ sub: 'auditor-scale', role: 'auditor', coops: ['*'] });
  let reachable = false;

  const call = async (api: LedgerProcess, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}, as = token) => {
    const res = await fetch(`${api.base}${url}`, {
      method,
      headers: { authorization: `Bearer ${as}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const ok = async (promise: ReturnType<typeof call>, expected = [200, 201]) => {
    const res = await promise;
    if (!expected.includes(res.status)) throw new Error(`expected ${expected.join('/')}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    reachable = await redisReachable('Scale-out');
    if (!reachable) return;
    await Promise.all([...apis, worker].map((p) => p.start()));
  }, 180_000);
  afterAll(async () => {
    await Promise.all([...apis, worker].map((p) => p.stop()));
    if (reachable) await dropPrefix(prefix);
    await dropSchema(schema);
  }, 60_000);

  it('records every acknowledged command once, retries through the other replica included, and both APIs answer the same cap table', async () => {
    if (!reachable) return expect(reachable).toBe(false);
    const [one, two] = apis;
    await ok(call(one, 'POST', '/v1/cooperatives', scicAlpha));
    await ok(call(two, 'POST', '/v1/cooperatives', scopBeta));
    const members = ['ana', 'bob', 'chloe', 'driss'];
    await Promise.all(members.map((id, i) => ok(call(apis[i % 2], 'POST', '/v1/cooperatives/alpha/associates', associate(id, 'employee', 2, { collegeCode: 'workers' })))));
    await Promise.all(members.map((id, i) => ok(call(apis[(i + 1) % 2], 'POST', '/v1/cooperatives/beta/associates', associate(id, 'employee', 2)))));

    // 80 subscriptions at once through both APIs; every fifth is sent again with its key through the other replica.
    const commands = Array.from({ length: 80 }, (_, i) => ({ coop: i % 3 === 0 ? 'beta' : 'alpha', member: members[i % 4], key: randomUUID(), day: 1 + (i % 28), via: i % 2 }));
    const sends = commands.flatMap((c, i) => {
      const send = (via: number) =>
        call(apis[via], 'POST', `/v1/cooperatives/${c.coop}/associates/${c.member}/subscriptions`, { shares: 1, effectiveDate: `2024-03-${String(c.day).padStart(2, '0')}` }, { 'idempotency-key': c.key });
      return i % 5 === 0 ? [send(c.via), send(1 - c.via)] : [send(c.via)];
    });
    const answers = await Promise.all(sends);
    // 409: a retry that met its twin still in flight, or a command that lost the race for its stream
    // to the other process five times (CONCURRENCY-CONFLICT, nothing recorded) — the client retries both.
    expect(answers.filter((a) => ![200, 201, 409].includes(a.status))).toEqual([]);
    const acknowledged = new Map<string, string>();
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 409) continue;
      const eventId = (answer.body.events as Array<{ eventId: string }>)[0].eventId;
      const key = commands[commandOf(i)].key;
      const seen = acknowledged.get(key);
      expect(seen === undefined || seen === eventId).toBe(true);
      acknowledged.set(key, eventId);
    }
    // As a client would: each command not acknowledged yet is sent again with its key, through either replica.
    for (let round = 0; acknowledged.size < commands.length && round < 20; round++) {
      for (const [i, c] of commands.entries()) {
        if (acknowledged.has(c.key)) continue;
        const retry = await call(
          apis[(i + round) % 2],
          'POST',
          `/v1/cooperatives/${c.coop}/associates/${c.member}/subscriptions`,
          { shares: 1, effectiveDate: `2024-03-${String(c.day).padStart(2, '0')}` },
          { 'idempotency-key': c.key },
        );
        expect([200, 201, 409]).toContain(retry.status);
        if (retry.status !== 409) acknowledged.set(c.key, (retry.body.events as Array<{ eventId: string }>)[0].eventId);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(acknowledged.size).toBe(commands.length);

    for (const coop of ['alpha', 'beta']) {
      const events = (await ok(call(one, 'GET', `/v1/cooperatives/${coop}/events`, undefined, {}, auditor))).events as Array<{ type: string; metadata: { eventId: string; idempotencyKey?: string } }>;
      const subscriptions = events.filter((e) => e.type === 'SharesSubscribed' && e.metadata.idempotencyKey !== undefined);
      const expected = commands.filter((c) => c.coop === coop);
      expect(subscriptions.map((e) => e.metadata.idempotencyKey).sort()).toEqual(expected.map((c) => c.key).sort());
      for (const c of expected) expect(subscriptions.find((e) => e.metadata.idempotencyKey === c.key)?.metadata.eventId).toBe(acknowledged.get(c.key));
      expect((await ok(call(two, 'GET', `/v1/cooperatives/${coop}/verification`, undefined, {}, auditor))).valid).toBe(true);
    }

    const [tableOne, tableTwo] = await Promise.all(apis.map((api) => ok(call(api, 'GET', '/v1/cooperatives/alpha/cap-table'))));
    expect(tableTwo).toEqual(tableOne);
    const [betaOne, betaTwo] = await Promise.all(apis.map((api) => ok(call(api, 'GET', '/v1/cooperatives/beta/cap-table'))));
    expect(betaTwo).toEqual(betaOne);

    function commandOf(answerIndex: number): number {
      let seen = 0;
      for (let i = 0; i < commands.length; i++) {
        const width = i % 5 === 0 ? 2 : 1;
        if (answerIndex < seen + width) return i;
        seen += width;
      }
      throw new Error(`no command for answer ${answerIndex}`);
    }
  });

  it('runs once, on the worker, a vote window opened through one API, and the other API reads its progress and result', async () => {
    if (!reachable) return expect(reachable).toBe(false);
    const [one, two] = apis;
    const ag = '/v1/cooperatives/alpha/assemblies/ag';
    const resolutions = [{ id: 'r1', title: 'Comptes', text: 'Texte de la résolution r1.', kind: 'ordinary' }];
    await ok(call(one, 'POST', '/v1/cooperatives/alpha/assemblies', { id: 'ag', kind: 'ordinary', title: 'AGO', convenedOn: '2025-05-15', heldOn: '2025-06-05', place: 'Siège social', call: 1, resolutions }));
    await ok(call(two, 'POST', `${ag}/attendance`, { associateId: 'ana', mode: 'present' }));
    await ok(call(one, 'POST', `${ag}/opening`, {}));
    await ok(call(two, 'POST', `${ag}/resolutions/r1/ballots`, { associateId: 'ana', choice: 'for' }));

    const opened = await ok(call(one, 'POST', `${ag}/resolutions/r1/vote-window`, { closesAt: new Date(Date.now() + 1500).toISOString() }));
    const jobUrl = `/v1/jobs/${String(opened.id)}`;
    const progress: string[] = [];
    const deadline = Date.now() + 30_000;
    let job: Record<string, unknown> = {};
    while (Date.now() < deadline) {
      job = await ok(call(two, 'GET', jobUrl));
      progress.push(`${String(job.state)}:${String(job.progress)}`);
      if (job.state === 'completed' || job.state === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(progress[0]).toBe('delayed:0');
    expect(job).toMatchObject({ state: 'completed', progress: 100, attemptsMade: 1, result: { resolutionId: 'r1', closed: true, outcome: 'adopted' } });
    const events = (await ok(call(one, 'GET', '/v1/cooperatives/alpha/events', undefined, {}, auditor))).events as Array<{ type: string; metadata: { actor: { role: string } } }>;
    expect(events.filter((e) => e.type === 'ResolutionClosed').map((e) => e.metadata.actor.role)).toEqual(['job']);
    expect(((await ok(call(one, 'GET', ag))).resolutions as Array<{ status: string }>)[0].status).toBe('closed');
    expect(worker.log()).toContain('Running jobs: vote-window');
  });
});
