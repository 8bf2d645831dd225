import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/** Bad requests on assemblies answer a 4xx problem+json and append nothing. */
describe('Bad input on assemblies is refused clearly and appends nothing', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  const base = '/v1/cooperatives/alpha/assemblies';
  const convocation = {
    id: 'ag',
    kind: 'ordinary',
    title: 'AGO',
    convenedOn: '2025-05-15',
    heldOn: '2025-06-05',
    place: 'Siège social',
    call: 1,
    resolutions: [{ id: 'r1', title: 'Comptes', text: 'Texte de la résolution r1 : Comptes.', kind: 'ordinary' }],
  };
  const eventCount = async () =>
    (
      await t
        .http()
        .get('/v1/cooperatives/alpha/verification')
        .set(bearer(t.token('auditor')))
        .expect(200)
    ).body.events as number;

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('ana', 'employee', 2, { collegeCode: 'workers' }))
      .expect(201);
    await t.http().post(base).set(gerant).send(convocation).expect(201);
    await t.http().post(`${base}/ag/attendance`).set(gerant).send({ associateId: 'ana', mode: 'present' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const cases: Array<[string, 'get' | 'post', string, unknown, number]> = [
    ['no resolution', 'post', base, { ...convocation, id: 'ag2', resolutions: [] }, 400],
    ['a third call', 'post', base, { ...convocation, id: 'ag2', call: 3 }, 400],
    ['an unknown assembly kind', 'post', base, { ...convocation, id: 'ag2', kind: 'annual' }, 400],
    ['held before it was convened', 'post', base, { ...convocation, id: 'ag2', heldOn: '2025-05-01' }, 422],
    ['an extraordinary resolution in an ordinary AG', 'post', base, { ...convocation, id: 'ag2', resolutions: [{ id: 'r1', title: 'Statuts', text: 'Texte de la résolution r1 : Statuts.', kind: 'extraordinary' }] }, 422],
    ['two resolutions with one id', 'post', base, { ...convocation, id: 'ag2', resolutions: [convocation.resolutions[0], convocation.resolutions[0]] }, 422],
    ['an assembly convened twice', 'post', base, convocation, 409],
    ['a second call reconvening nothing', 'post', base, { ...convocation, id: 'ag2', call: 2 }, 422],
    ['an unknown attendance mode', 'post', `${base}/ag/attendance`, { associateId: 'ana', mode: 'telepathy' }, 400],
    ['attendance recorded twice', 'post', `${base}/ag/attendance`, { associateId: 'ana', mode: 'remote' }, 409],
    ['an unknown choice', 'post', `${base}/ag/resolutions/r1/ballots`, { associateId: 'ana', choice: 'maybe' }, 400],
    ['negative hands', 'post', `${base}/ag/resolutions/r1/show-of-hands`, { collegeCode: 'workers', for: -1, against: 0, abstain: 0 }, 400],
    ['a body on opening', 'post', `${base}/ag/opening`, { force: true }, 400],
    ['an unknown resolution', 'post', `${base}/ag/resolutions/r9/closing`, {}, 422],
    ['closing an AG that never opened', 'post', `${base}/ag/closing`, {}, 422],
    ['an unknown assembly', 'post', `${base}/nowhere/opening`, {}, 404],
    ['the minutes of an unknown assembly', 'get', `${base}/nowhere/minutes`, undefined, 404],
    ['minutes in an unknown format', 'get', `${base}/ag/minutes?format=pdf`, undefined, 400],
    ['an accountant voting', 'post', `${base}/ag/resolutions/r1/ballots`, { associateId: 'ana', choice: 'for' }, 403],
  ];

  it.each(cases)('%s answers problem+json and appends nothing', async (name, method, path, body, status) => {
    const before = await eventCount();
    const auth = name.startsWith('an accountant') ? bearer(t.token('accountant')) : gerant;
    const res =
      method === 'get'
        ? await t.http().get(path).set(auth)
        : await t
            .http()
            .post(path)
            .set(auth)
            .send(body as object);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, detail: expect.any(String) });
    expect(await eventCount()).toBe(before);
  });
});
