import { randomUUID } from 'crypto';
import { CooperativeCommand, cooperativeDecider } from '@ledger/domain';
import { CommandMetadata } from '../apps/ledger-api/src/write/command-metadata';
import { LedgerCommands } from '../apps/ledger-api/src/write/stream-command';
import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/**
 * Commands on one cooperative that arrive together are decided one after the other and
 * appended in one transaction (group commit): each must still be answered as if it had been
 * alone — its own revision and position, its own refusal. The commands are given to the
 * command path in one tick (as a burst of requests read together would be), so that they do
 * form one batch; the answers and the stored chain are then read through HTTP.
 */
describe('Concurrent commands on one cooperative, committed together', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const meta = (extra: Partial<CommandMetadata> = {}): CommandMetadata => ({ actor: { sub: 'test-gerant', role: 'gerant' }, correlationId: randomUUID(), ...extra });
  const record = (command: CooperativeCommand, metadata: CommandMetadata) => t.app.get(LedgerCommands).send(cooperativeDecider, 'alpha', command, metadata);
  const subscribe = (shares: number, effectiveDate: string, paidCents?: number) => ({ type: 'SubscribeShares' as const, associateId: 'ana', shares, paidCents, effectiveDate, movementId: randomUUID() });

  it('answers each with its own event, refuses only the unlawful one, and keeps one unbroken chain', async () => {
    const answers = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => record(subscribe(2, `2024-05-${String(i + 1).padStart(2, '0')}`, i === 5 ? 1 : undefined), meta())));

    expect(answers.map((a) => a.status)).toEqual(answers.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect((answers[5] as PromiseRejectedResult).reason).toMatchObject({ rule: 'COOP-PAYUP-QUARTER' });
    const accepted = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
    expect(accepted.map((a) => a.revision)).toEqual(Array.from({ length: 11 }, (_, i) => BigInt(3 + i)));

    const { events } = (await t.http().get('/v1/cooperatives/alpha/events').set(auditor).expect(200)).body as { events: Array<{ position: number; revision: number; metadata: { eventId: string } }> };
    for (const answer of accepted) {
      const own = events.find((e) => e.metadata.eventId === answer.events[0].eventId)!;
      expect({ revision: Number(answer.revision), position: Number(answer.position) }).toEqual({ revision: own.revision, position: own.position });
    }
    const verification = await t.http().get('/v1/cooperatives/alpha/verification').set(auditor).expect(200);
    expect(verification.body).toMatchObject({ valid: true, events: 3 + 11 });
    const ana = await t.http().get('/v1/cooperatives/alpha/associates/ana').set(auditor).expect(200);
    expect(ana.body.shares).toBe(10 + 11 * 2);
  });

  it('meets If-Match within a batch as it would one command at a time', async () => {
    const revision = BigInt((await t.http().get('/v1/cooperatives/alpha').set(gerant).expect(200)).headers.etag.replace(/^W\/|"/g, ''));
    const answers = await Promise.allSettled([1, 2, 3].map((day) => record(subscribe(1, `2024-06-0${day}`), meta({ expectedRevision: revision }))));
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect((answers[1] as PromiseRejectedResult).reason).toMatchObject({ name: 'StaleRevisionError', expected: revision, actual: revision + 1n });
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates/ana/subscriptions')
      .set(gerant)
      .set('If-Match', `"${revision + 1n}"`)
      .send({ shares: 1, effectiveDate: '2024-06-04' })
      .expect(201);
  });

  it('decides a whole batch again when another process wrote first, from the stream as it is', async () => {
    const second = await startTestApp(t.dataDir);
    try {
      await second
        .http()
        .post('/v1/cooperatives/alpha/associates/ana/subscriptions')
        .set(bearer(second.token('gerant')))
        .send({ shares: 5, effectiveDate: '2024-07-01' })
        .expect(201);
      const before = (
        await second
          .http()
          .get('/v1/cooperatives/alpha/associates/ana')
          .set(bearer(second.token('auditor')))
          .expect(200)
      ).body.shares as number;
      // This process's cache is one command behind: the batch's append meets the conflict.
      const answers = await Promise.all([2, 3, 4].map((day) => record(subscribe(1, `2024-07-0${day}`), meta())));
      expect(answers.map((a) => a.revision)).toEqual([answers[0].revision, answers[0].revision + 1n, answers[0].revision + 2n]);
      for (const app of [t, second]) {
        const ana = await app
          .http()
          .get('/v1/cooperatives/alpha/associates/ana')
          .set(bearer(app.token('auditor')))
          .expect(200);
        expect(ana.body.shares).toBe(before + 3);
      }
      expect((await t.http().get('/v1/cooperatives/alpha/verification').set(auditor).expect(200)).body.valid).toBe(true);
    } finally {
      await second.close();
    }
  });
});
