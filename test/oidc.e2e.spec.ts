import 'reflect-metadata';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { exportJWK, generateKeyPair, JWK, KeyLike, SignJWT } from 'jose';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { ConfigError, loadConfig } from '../apps/ledger-api/src/config/config';
import { associate, scicAlpha } from './support/fixtures';
import { bearer, removeDir } from './support/test-app';

const ISSUER = 'https://idp.example.coop/realms/ledger';
const AUDIENCE = 'cooperative-ledger';

/**
 * An identity provider's tokens through the real app: the test serves the provider's JWKS on
 * 127.0.0.1 and signs with its RS256 and ES256 keys; the role and the cooperatives come from
 * the claims the configuration names (here Keycloak-like `realm_access.roles` and `ledger_coops`).
 */
describe('OIDC tokens (JWKS, RS256/ES256, issuer, audience, claims) and auditor access', () => {
  let app: NestFastifyApplication;
  let dataDir: string;
  let jwks: http.Server;
  let rsa: KeyLike;
  let ec: KeyLike;
  let stranger: KeyLike;
  let gerant: Record<string, string>;
  const http_ = () => request(app.getHttpServer());

  const sign = (claims: Record<string, unknown>, options: { key?: KeyLike; alg?: string; kid?: string; issuer?: string; audience?: string; expires?: string | number } = {}) => {
    const alg = options.alg ?? 'RS256';
    return new SignJWT({ realm_access: { roles: ['auditor', 'offline_access'] }, ledger_coops: ['alpha'], ...claims })
      .setProtectedHeader({ alg, kid: options.kid ?? (alg === 'ES256' ? 'ec-1' : 'rsa-1') })
      .setSubject((claims.sub as string) ?? 'marie.reviseure@federation.coop')
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '10m')
      .sign(options.key ?? (alg === 'ES256' ? ec : rsa));
  };

  beforeAll(async () => {
    ({ privateKey: rsa } = await generateKeyPair('RS256'));
    ({ privateKey: ec } = await generateKeyPair('ES256'));
    ({ privateKey: stranger } = await generateKeyPair('RS256'));
    const publicJwk = async (alg: string, kid: string): Promise<JWK> => {
      const { publicKey } = alg === 'RS256' ? { publicKey: rsa } : { publicKey: ec };
      const jwk = await exportJWK(publicKey);
      // exportJWK of a private key gives its private parts too: publish the public members only.
      const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
      return { ...pub, alg, kid, use: 'sig' };
    };
    const keys = { keys: [await publicJwk('RS256', 'rsa-1'), await publicJwk('ES256', 'ec-1')] };
    jwks = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(keys)));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const port = (jwks.address() as AddressInfo).port;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-oidc-'));
    const config = loadConfig({
      LEDGER_DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      AUTH_OIDC_ISSUER: ISSUER,
      AUTH_OIDC_AUDIENCE: AUDIENCE,
      AUTH_OIDC_JWKS_URL: `http://127.0.0.1:${port}/realms/ledger/protocol/openid-connect/certs`,
      AUTH_OIDC_ROLE_CLAIM: 'realm_access.roles',
      AUTH_OIDC_COOPS_CLAIM: 'ledger_coops',
    });
    app = await createLedgerApp(config, { logger: false });
    gerant = bearer(app.get(TokenService).sign({ sub: 'g', role: 'gerant', coops: ['*'] }));
    await http_().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await http_()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scicAlpha, id: 'beta', name: 'Beta' })
      .expect(201);
    await http_()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('ana', 'employee', 10, { collegeCode: 'workers' }))
      .expect(201);
  });
  afterAll(async () => {
    await app.close();
    await new Promise((resolve) => jwks.close(resolve));
    removeDir(dataDir);
  });

  it('accepts an RS256 and an ES256 token of the provider, role and cooperatives from the configured claims', async () => {
    for (const alg of ['RS256', 'ES256']) {
      const res = await http_()
        .get('/v1/cooperatives/alpha/cap-table')
        .set(bearer(await sign({}, { alg })))
        .expect(200);
      expect(res.body.totals.shares).toBe(10);
    }
    await http_()
      .get('/v1/cooperatives/alpha/events')
      .set(bearer(await sign({})))
      .expect(200);
  });

  it('refuses a wrong issuer, a wrong audience, an expired token, an unknown key, an unknown role (401)', async () => {
    const refused = [
      await sign({}, { issuer: 'https://evil.example/' }),
      await sign({}, { audience: 'another-app' }),
      await sign({}, { expires: Math.floor(Date.now() / 1000) - 60 }),
      await sign({}, { key: stranger }),
      await sign({}, { key: stranger, kid: 'unknown-kid' }),
      await sign({ realm_access: { roles: ['offline_access'] } }),
      await sign({ realm_access: { roles: ['auditor', 'admin'] } }),
      await sign({ ledger_coops: [] }),
    ];
    for (const token of refused) {
      const res = await http_().get('/v1/cooperatives/alpha/cap-table').set(bearer(token)).expect(401);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('keeps an auditor to their cooperatives (another is a 404) and to reading (a command is a 403)', async () => {
    const auditor = bearer(await sign({}));
    await http_().get('/v1/cooperatives/beta/cap-table').set(auditor).expect(404);
    await http_().get('/v1/cooperatives/beta/audit-bundle').set(auditor).expect(404);
    await http_().post('/v1/cooperatives/alpha/associates/ana/subscriptions').set(auditor).send({ shares: 1, effectiveDate: '2025-01-01' }).expect(403);
  });

  it('refuses the service’s own auditor token once expired, and one that never expires', async () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'queueMicrotask'] });
    let token: string;
    try {
      token = app.get(TokenService).sign({ sub: 'r', role: 'auditor', coops: ['alpha'] }, '1h');
    } finally {
      jest.useRealTimers();
    }
    await http_().get('/v1/cooperatives/alpha/cap-table').set(bearer(token)).expect(401);
    const forever = app.get(TokenService)['jwt'].sign({ role: 'auditor', coops: ['alpha'] }, { subject: 'r', noTimestamp: true });
    await http_().get('/v1/cooperatives/alpha/cap-table').set(bearer(forever)).expect(401);
  });

  it('logs every request an auditor makes with their sub', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    try {
      await http_()
        .get('/v1/cooperatives/alpha/compliance?asOf=2025-01-01')
        .set(bearer(await sign({ sub: 'marie.reviseure@federation.coop' })))
        .expect(200);
      await http_()
        .get('/v1/cooperatives/beta/compliance')
        .set(bearer(await sign({ sub: 'marie.reviseure@federation.coop' })))
        .expect(404);
      const lines = log.mock.calls.map((c) => String(c[0]));
      expect(lines).toContain('auditor marie.reviseure@federation.coop GET /v1/cooperatives/alpha/compliance?asOf=2025-01-01');
      expect(lines).toContain('auditor marie.reviseure@federation.coop GET /v1/cooperatives/beta/compliance');
    } finally {
      log.mockRestore();
    }
  });

  it('validates the OIDC configuration at boot', () => {
    const base = { LEDGER_DATA_DIR: dataDir, AUTH_OIDC_ISSUER: ISSUER, AUTH_OIDC_AUDIENCE: AUDIENCE, AUTH_OIDC_JWKS_URL: 'https://idp.example.coop/certs' };
    expect(loadConfig(base).oidc).toEqual({ issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'https://idp.example.coop/certs', roleClaim: 'role', coopsClaim: 'coops' });
    expect(loadConfig({ LEDGER_DATA_DIR: dataDir }).oidc).toBeUndefined();
    expect(() => loadConfig({ ...base, AUTH_OIDC_AUDIENCE: undefined })).toThrow(/AUTH_OIDC_AUDIENCE is needed/);
    expect(() => loadConfig({ ...base, AUTH_OIDC_JWKS_URL: 'http://idp.example.coop/certs' })).toThrow(/must use https/);
    expect(() => loadConfig({ ...base, AUTH_OIDC_JWKS_URL: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, AUTH_OIDC_ROLE_CLAIM: 'a..b' })).toThrow(/AUTH_OIDC_ROLE_CLAIM/);
  });
});
