import { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/ledger-api/src/infrastructure/tokens';
import { scicAlpha } from '../support/fixtures';
import { TestApp, bearer, removeDir, startTestApp } from '../support/test-app';
import { CONVOCATION, OpenApi, Operation, exampleOf, fillPath, idFieldsOf, operationsOf, withValueAt } from './support/openapi';

/** Names an object's prototype answers to: a read model keyed by a plain object would "find" them. */
const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
/** Body ids that name what the request creates: a valid id there may be created, and must then be found under it. */
const CREATING = new Set(['POST /v1/cooperatives id', 'POST /v1/cooperatives/{coopId}/associates id', 'POST /v1/cooperatives/{coopId}/assemblies id']);

describe('Hostile ids: prototype names as every kind of id get a clean 4xx, never a 500, never a 200 that pretends', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  let doc: OpenApi;
  let ops: Operation[];
  let store: EventStore;
  const valid: Record<string, string> = { coopId: 'alpha', associateId: 'ana', assemblyId: 'ag-2025', resolutionId: 'r1' };
  const answers: Array<{ request: string; status: number; problem: boolean }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    store = t.app.get(EVENT_STORE);
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    for (const [id, college] of [
      ['ana', 'workers'],
      ['marie-dupont', 'workers'],
      ['jean-martin', 'users'],
    ]) {
      await t.http().post('/v1/cooperatives/alpha/associates').set(gerant).send({ id, name: id, personType: 'natural', category: 'employee', collegeCode: college, admittedOn: '2024-02-01', shares: 2 }).expect(201);
    }
    const subscription = await t.http().post('/v1/cooperatives/alpha/associates/ana/subscriptions').set(gerant).send({ shares: 1, effectiveDate: '2024-03-01' }).expect(201);
    valid.eventId = valid.movementId = subscription.body.id;
    doc = (await t.http().get('/openapi.json').expect(200)).body as OpenApi;
    // The documentation's example of a convocation, with what the domain requires of any.
    const convocation = { ...(exampleOf(doc, doc.components.schemas.ConveneAssemblyDto) as object), ...CONVOCATION };
    await t.http().post('/v1/cooperatives/alpha/assemblies').set(gerant).send(convocation).expect(201);
    ops = operationsOf(doc).filter((op) => op.path.startsWith('/v1/'));
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  // Writes as a gérant, except what only an auditor may start (a replay): the role is then never what refuses.
  const send = (op: Operation, url: string, body?: unknown) =>
    op.method === 'get'
      ? t.http().get(url).set(auditor)
      : t
          .http()
          .post(url)
          .set(op.path.endsWith('/replays') ? auditor : gerant)
          .send((body ?? {}) as object);

  it('as a path id of every operation: 404 (or 400/422), problem+json, nothing appended', async () => {
    const before = await store.headPosition();
    let sent = 0;
    for (const op of ops) {
      for (const param of op.pathParams) {
        for (const hostile of HOSTILE) {
          const url = fillPath(op.path, { ...valid, [param]: hostile });
          const res = await send(op, url, op.body && exampleOf(doc, op.body));
          sent++;
          answers.push({ request: `${op.method.toUpperCase()} ${url}`, status: res.status, problem: /problem\+json/.test(res.headers['content-type'] ?? '') });
          expect([`${op.method} ${url}`, [400, 404, 422].includes(res.status), res.headers['content-type']]).toEqual([`${op.method} ${url}`, true, expect.stringMatching(/^application\/problem\+json/)]);
        }
      }
    }
    expect(sent).toBeGreaterThan(150);
    expect(await store.headPosition()).toBe(before);
  });

  it('as a body id of every command: refused with a clean 4xx and nothing appended, or created and then found under that id', async () => {
    let sent = 0;
    const cases = ops.filter((o) => o.method === 'post' && o.body).flatMap((op) => idFieldsOf(doc, op.body!).map((field) => ({ op, field, creating: CREATING.has(`POST ${op.path} ${field.join('.')}`) })));
    // What may be created under a prototype's name (an associate "constructor") is created last: it would then rightly be found.
    cases.sort((a, b) => Number(a.creating) - Number(b.creating));
    for (const { op, field, creating } of cases) {
      const example = exampleOf(doc, op.body!);
      for (const hostile of HOSTILE) {
        const before = await store.headPosition();
        const url = fillPath(op.path, valid);
        const res = await send(op, url, withValueAt(example, field, hostile));
        sent++;
        const label = `${op.method.toUpperCase()} ${op.path} ${field.join('.')}=${hostile}`;
        answers.push({ request: label, status: res.status, problem: /problem\+json/.test(res.headers['content-type'] ?? '') });
        if (res.status === 201 && creating) {
          // A valid id (constructor, prototype) really names what was created: read it back under that id.
          const read = await t.http().get(res.headers.location).set(auditor);
          expect([label, read.status, read.body.id]).toEqual([label, 200, hostile]);
          continue;
        }
        expect([label, res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 403, res.headers['content-type']]).toEqual([label, true, expect.stringMatching(/^application\/problem\+json/)]);
        expect([label, await store.headPosition()]).toEqual([label, before]);
      }
    }
    expect(sent).toBeGreaterThan(60);
  });

  it('no answer of either kind was a 5xx or left problem+json out', () => {
    expect(answers.filter((a) => a.status >= 500 || (a.status >= 400 && !a.problem))).toEqual([]);
    expect(answers.length).toBeGreaterThan(210);
  });
});
