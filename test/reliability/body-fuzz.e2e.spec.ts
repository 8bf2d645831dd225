import fc from 'fast-check';
import { EventStore } from '@ledger/event-store';
import { EVENT_STORE } from '../../apps/ledger-api/src/infrastructure/tokens';
import { scicAlpha } from '../support/fixtures';
import { TestApp, bearer, removeDir, startTestApp } from '../support/test-app';
import { CONVOCATION, OpenApi, Operation, Schema, exampleOf, fillPath, operationsOf, resolve } from './support/openapi';

const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 60);
const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

/** Values of the wrong kind for any field: other JSON types, prototype names, extremes, near-misses. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...HOSTILE),
  fc.constantFrom('', ' ', 'x'.repeat(70), '9'.repeat(400), '2024-02-30', '2024-13-01', '0000-00-00', 'DROP TABLE events', '\u0000', '\ud800', '%00', '../../etc'),
  fc.constantFrom(-1, 0, 1.5, -0, 1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER),
  fc.constant([]),
  fc.constant({}),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}') as unknown),
);

/** Bodies drawn from an operation's schema: mostly its example with fields varied within and outside their type. */
function bodyArbitrary(doc: OpenApi, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const example = fc.constant(exampleOf(doc, schema));
  if (depth > 4) return example;
  let valid: fc.Arbitrary<unknown>;
  if (schema.enum) valid = fc.constantFrom(...schema.enum);
  else if (schema.properties) {
    const fields = Object.fromEntries(Object.entries(schema.properties).map(([name, prop]) => [name, bodyArbitrary(doc, prop, depth + 1)]));
    valid = fc
      .tuple(fc.record(fields, { requiredKeys: [] }), fc.constant(exampleOf(doc, schema) as Record<string, unknown>), fc.option(fc.tuple(fc.string({ maxLength: 12 }), wrongValue), { freq: 5 }))
      .map(([drawn, base, extra]) => {
        const body: Record<string, unknown> = { ...base, ...drawn };
        if (extra) Object.defineProperty(body, extra[0], { value: extra[1], enumerable: true, configurable: true, writable: true });
        return body;
      });
  } else if (schema.type === 'array') valid = fc.array(schema.items ? bodyArbitrary(doc, schema.items, depth + 1) : wrongValue, { maxLength: 4 });
  else if (schema.type === 'integer' || schema.type === 'number') {
    const min = schema.minimum ?? -1000;
    const max = schema.maximum ?? Math.max(min + 1_000_000, 1_000_000);
    valid = fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max, min - 1, max + 1));
  } else if (schema.type === 'string' && schema.format === 'date') valid = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (schema.type === 'string' && schema.pattern) valid = fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), fc.constantFrom('ana', 'ben', 'ag-2025', 'r1', 'workers'));
  else if (schema.type === 'string') valid = fc.string({ maxLength: (schema.maxLength ?? 40) + 2 });
  else if (schema.type === 'boolean') valid = fc.boolean();
  else valid = wrongValue;
  return fc.oneof({ weight: 3, arbitrary: example }, { weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrongValue });
}

describe('Fuzzed bodies from /openapi.json: every command answers 2xx, or a problem+json 4xx having appended nothing', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let doc: OpenApi;
  let store: EventStore;
  const params: Record<string, string> = { coopId: 'alpha', associateId: 'ana', assemblyId: 'ag-2025', resolutionId: 'r1', year: '2025' };
  const tally = { requests: 0, accepted: 0, refused: 0, serverErrors: 0 };

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    store = t.app.get(EVENT_STORE);
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    for (const [id, college] of [
      ['ana', 'workers'],
      ['ben', 'users'],
    ]) {
      await t.http().post('/v1/cooperatives/alpha/associates').set(gerant).send({ id, name: id, personType: 'natural', category: 'employee', collegeCode: college, admittedOn: '2024-02-01', shares: 4 }).expect(201);
    }
    params.eventId = params.movementId = (await t.http().post('/v1/cooperatives/alpha/associates/ana/subscriptions').set(gerant).send({ shares: 1, effectiveDate: '2024-03-01' }).expect(201)).body.id;
    doc = (await t.http().get('/openapi.json').expect(200)).body as OpenApi;
    await t
      .http()
      .post('/v1/cooperatives/alpha/assemblies')
      .set(gerant)
      .send({ ...(exampleOf(doc, doc.components.schemas.ConveneAssemblyDto) as object), ...CONVOCATION })
      .expect(201);
  });
  afterAll(async () => {
    console.log(`body fuzz: ${tally.requests} requests, ${tally.accepted} accepted (2xx), ${tally.refused} refused (problem+json 4xx), ${tally.serverErrors} 5xx`);
    await t.close();
    removeDir(t.dataDir);
  });

  const commands = (): Operation[] => operationsOf(doc).filter((op) => op.method === 'post' && op.body);

  it('covers every command that takes a body', () => {
    expect(commands().length).toBeGreaterThanOrEqual(15);
  });

  it('each command, fuzzed', async () => {
    for (const op of commands()) {
      const url = fillPath(op.path, params);
      await fc.assert(
        fc.asyncProperty(bodyArbitrary(doc, op.body!), async (body) => {
          const before = await store.headPosition();
          const res = await t.http().post(url).set(gerant).set('content-type', 'application/json').send(JSON.stringify(body));
          tally.requests++;
          if (res.status >= 500) tally.serverErrors++;
          if (res.status >= 200 && res.status < 300) {
            tally.accepted++;
            return;
          }
          tally.refused++;
          expect([op.path, res.status >= 400 && res.status < 500, res.headers['content-type']]).toEqual([op.path, true, expect.stringMatching(/^application\/problem\+json/)]);
          expect(res.body.status).toBe(res.status);
          expect([op.path, await store.headPosition()]).toEqual([op.path, before]);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    expect(tally.serverErrors).toBe(0);
    expect(tally.requests).toBeGreaterThanOrEqual(commands().length * RUNS_PER_OPERATION);
  }, 90_000);
});
