import * as net from 'net';
import { AddressInfo } from 'net';
import { TestApp, bearer, removeDir, startTestApp } from '../support/test-app';
import { associate, scopBeta } from '../support/fixtures';

/** A raw HTTP/1.1 exchange, for what supertest cannot send (oversized heads, bytes as they are). */
function rawRequest(port: number, head: string, body = ''): Promise<{ status: number; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('utf8')));
    socket.on('error', (error) => (received ? undefined : reject(error)));
    socket.on('close', () => {
      const [headPart, ...rest] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headPart)?.[1] ?? 0);
      const contentType = /\r\ncontent-type: ([^\r\n]*)/i.exec(headPart)?.[1] ?? '';
      resolve({ status, contentType, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head}\r\nConnection: close\r\n\r\n${body}`);
  });
}

describe('Bounded input: every refusal is a problem+json 4xx, never a 500', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  let port: number;
  const eventCount = async () => (await t.http().get('/v1/cooperatives/beta/verification').set(auditor).expect(200)).body.events as number;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scopBeta).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/beta/associates')
      .set(gerant)
      .send(associate('emma', 'employee', 10, { admittedOn: '2023-03-01' }))
      .expect(201);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const expectProblem = (res: { status: number; headers: Record<string, string>; body: { status?: number } }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(status);
  };

  it('a JSON body nested 3,000 levels answers 400 before validation, and appends nothing', async () => {
    const before = await eventCount();
    const deep = `{"shares":1,"effectiveDate":"2024-01-10","x":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const res = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('content-type', 'application/json').send(deep);
    expectProblem(res, 400);
    expect(res.body.code).toBe('BODY-TOO-DEEP');
    const objects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'application/json').send(objects), 400);
    expect(await eventCount()).toBe(before);
  });

  it('a string holding brackets is not mistaken for nesting', async () => {
    const res = await t
      .http()
      .post('/v1/cooperatives/beta/associates/emma/withdrawal')
      .set(gerant)
      .send({ effectiveDate: '2024-01-10', reason: `${'['.repeat(100)}"\\` });
    expectProblem(res, 400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
  });

  it('a body over 256 KiB answers 413', async () => {
    const res = await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ ...scopBeta, id: 'big', name: 'x'.repeat(300 * 1024) }));
    expectProblem(res, 413);
  });

  it('a body in another charset than UTF-8 answers 415; UTF-8 named in any spelling is taken', async () => {
    const before = await eventCount();
    const body = JSON.stringify({ shares: 1, effectiveDate: '2024-01-10' });
    for (const charset of ['utf-16', 'UTF-16LE', 'iso-8859-1', '"latin1"']) {
      const res = await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('content-type', `application/json; charset=${charset}`).send(body);
      expectProblem(res, 415);
    }
    expect(await eventCount()).toBe(before);
    await t.http().post('/v1/cooperatives/beta/associates/emma/subscriptions').set(gerant).set('content-type', 'application/json; charset="UTF-8"').send(body).expect(201);
  });

  it('a body that is not JSON, or poisons a prototype, answers 400; another media type 415', async () => {
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'application/json').send('{"id":'), 400);
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'application/json').send('{"__proto__":{"admin":true}}'), 400);
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'application/json').send('{"constructor":{"prototype":{"admin":true}}}'), 400);
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'text/plain').send('hello'), 415);
    expectProblem(await t.http().post('/v1/cooperatives').set(gerant).set('content-type', 'application/xml').send('<a/>'), 415);
  });

  it('a path segment of 200 characters answers 414, bad percent-encoding 400, an unknown route 404: all problem+json', async () => {
    expectProblem(
      await t
        .http()
        .get(`/v1/cooperatives/${'a'.repeat(200)}`)
        .set(auditor),
      414,
    );
    expectProblem(await t.http().get('/v1/cooperatives/%E0%A4%A').set(auditor), 400);
    expectProblem(await t.http().get('/v1/cooperatives/beta/%ZZ/x').set(auditor), 400);
    expectProblem(await t.http().get('/v1/nowhere').set(auditor), 404);
    expectProblem(await t.http().delete('/v1/cooperatives/beta').set(auditor), 404);
  });

  it('a URL of 10 KB answers 414, a 1 MB query or header 431 (or 414): problem+json on the socket', async () => {
    const longUrl = await rawRequest(port, `GET /v1/cooperatives/beta?asOf=${'1'.repeat(10 * 1024)} HTTP/1.1\r\nHost: x\r\nAuthorization: ${auditor.Authorization}`);
    expect(longUrl.status).toBe(414);
    expect(longUrl.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(longUrl.body)).toMatchObject({ status: 414 });

    const hugeQuery = await rawRequest(port, `GET /v1/cooperatives/beta?asOf=${'1'.repeat(1024 * 1024)} HTTP/1.1\r\nHost: x`);
    expect([414, 431]).toContain(hugeQuery.status);
    expect(hugeQuery.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(hugeQuery.body).status).toBe(hugeQuery.status);

    const hugeHeader = await rawRequest(port, `GET /v1/cooperatives/beta HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(1024 * 1024)}`);
    expect(hugeHeader.status).toBe(431);
    expect(hugeHeader.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(hugeHeader.body)).toMatchObject({ status: 431 });
  });

  it('a request line that is not HTTP answers 400 problem+json', async () => {
    const garbage = await rawRequest(port, 'GET /v1 /cooperatives HTTP/9\r\nHost: x');
    expect(garbage.status).toBe(400);
    expect(garbage.contentType).toMatch(/^application\/problem\+json/);
  });
});
