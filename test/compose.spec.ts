import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { loadConfig } from '../apps/ledger-api/src/config/config';

/*
 * docker-compose.yml cannot run on these machines: it is checked here instead — against the
 * Compose Specification's JSON schema (infra/compose-spec/, with its source and licence), and
 * for the ledger's own services, every variable it sets is one the config reads and accepts.
 */
const root = path.join(__dirname, '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true, maxAliasCount: 100 }) as {
  services: Record<string, { build?: { dockerfile?: string; target?: string }; environment?: Record<string, string | number | boolean>; profiles?: string[]; depends_on?: unknown; healthcheck?: unknown; image?: string }>;
};

/** Compose's interpolation of ${VAR}, ${VAR:-default}, ${VAR:?message}, from the given variables. */
function interpolate(value: string, variables: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g, (_, name: string, op: string | undefined, rest: string) => {
    const set = variables[name];
    if (set !== undefined && set !== '') return set;
    if (op?.endsWith('-')) return rest;
    if (op?.endsWith('?')) throw new Error(`${name}: ${rest}`);
    return '';
  });
}

const ledgerServices = Object.entries(compose.services).filter(([, service]) => service.build?.dockerfile === 'infra/Dockerfile');

/** The schema is draft-07, Ajv's own; its `$schema` spells the meta-schema's URL in a way Ajv does not know, so it is left out. */
function composeValidator() {
  const { $schema: _draft07, ...schema } = JSON.parse(fs.readFileSync(path.join(root, 'infra/compose-spec/compose-spec.json'), 'utf8')) as Record<string, unknown>;
  return new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
}

describe('docker-compose.yml', () => {
  it('is valid under the Compose Specification schema', () => {
    const validate = composeValidator();
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by the schema if it were wrong (the check can fail)', () => {
    const validate = composeValidator();
    expect(validate({ ...compose, services: { ...compose.services, api: { ...compose.services.api, deploy: { replicas: [2] } } } })).toBe(false);
    expect(validate({ ...compose, services: { ...compose.services, worker: { ...compose.services.worker, enviroment: {} } } })).toBe(false);
  });

  it('brings up PostgreSQL, Redis, two API replicas behind a proxy and the worker, each with a health check, and KurrentDB in its profiles', () => {
    const s = compose.services;
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['postgres', 'redis', 'api', 'worker', 'proxy', 'eventstore', 'esdb-node1', 'esdb-node2', 'esdb-node3']));
    expect(s.api).toMatchObject({ build: { target: 'api' }, deploy: { replicas: 2 } });
    expect(s.worker).toMatchObject({ build: { target: 'worker' } });
    for (const name of ['postgres', 'redis', 'api', 'proxy', 'eventstore', 'esdb-node1']) expect([name, s[name].healthcheck]).toEqual([name, expect.objectContaining({ test: expect.any(Array) })]);
    expect(s.eventstore.profiles).toEqual(['esdb']);
    expect(s['esdb-node2'].profiles).toEqual(['esdb-cluster']);
    expect(ledgerServices.map(([name]) => name).sort()).toEqual(['api', 'worker']);
  });

  it.each([
    ['postgres', {}],
    ['esdb', { LEDGER_STORE: 'esdb' }],
    ['esdb cluster', { LEDGER_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: 'esdb+discover://esdb-node1:2113,esdb-node2:2113,esdb-node3:2113?tls=false' }],
  ])('sets for the api and the worker only variables the config reads, with values it accepts (%s)', (_, shell: Record<string, string>) => {
    for (const [name, service] of ledgerServices) {
      const environment = Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value), { AUTH_JWT_SECRET: 'x'.repeat(40), ...shell })]));
      const read = new Set<string>();
      const watched = new Proxy(environment, { get: (target, key: string) => (read.add(key), target[key]) });
      const config = loadConfig(watched);
      expect([name, Object.keys(environment).filter((key) => !read.has(key))]).toEqual([name, []]);
      expect([name, config.redisUrl, config.store]).toEqual([name, 'redis://redis:6379', shell.LEDGER_STORE ?? 'postgres']);
    }
  });

  it('shares one exports volume between the API replicas and the worker, where LEDGER_EXPORTS_DIR points (a worker writes, any replica serves)', () => {
    const volumes = compose as unknown as { volumes: Record<string, unknown>; services: Record<string, { volumes?: string[] }> };
    expect(Object.keys(volumes.volumes)).toContain('exports');
    for (const [name, service] of ledgerServices) expect([name, volumes.services[name].volumes]).toEqual([name, expect.arrayContaining([`exports:${String(service.environment?.LEDGER_EXPORTS_DIR)}`])]);
  });

  it('leaves AUTH_JWT_SECRET to the operator: no default secret is written in the file', () => {
    expect(() => interpolate(String(compose.services.api.environment?.AUTH_JWT_SECRET), {})).toThrow(/AUTH_JWT_SECRET/);
  });
});

describe('infra/Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'infra/Dockerfile'), 'utf8');
  it('builds in stages on Node 20, and runs the api and the worker as a user that is not root', () => {
    expect(dockerfile.match(/^FROM node:20[^\s]* AS \w+/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^FROM runtime AS api$/m);
    expect(dockerfile).toMatch(/^FROM runtime AS worker$/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toContain('dist/apps/ledger-worker/src/main.js');
    expect(dockerfile).toContain('dist/apps/ledger-api/src/main.js');
  });
});
