import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/**
 * A SCIC's combined AG with four collèges, from convocation to signed minutes. Every tally
 * below is computed by hand in the comments.
 */
describe('A SCIC general assembly with four collèges, through the real HTTP app', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  const base = '/v1/cooperatives/alpha/assemblies';
  const members: Array<[string, string, string]> = [
    ['w1', 'employee', 'workers'],
    ['w2', 'employee', 'workers'],
    ['w3', 'employee', 'workers'],
    ['u1', 'beneficiary', 'users'],
    ['u2', 'beneficiary', 'users'],
    ['u3', 'beneficiary', 'users'],
    ['u4', 'beneficiary', 'users'],
    ['p1', 'supporter', 'partners'],
    ['p2', 'supporter', 'partners'],
    ['c1', 'public_body', 'public'],
  ];
  const eventCount = async () =>
    (
      await t
        .http()
        .get('/v1/cooperatives/alpha/verification')
        .set(bearer(t.token('auditor')))
        .expect(200)
    ).body.events as number;
  const post = (path: string, body: object = {}) => t.http().post(`${base}${path}`).set(gerant).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    for (const [id, category, college] of members) {
      await t
        .http()
        .post('/v1/cooperatives/alpha/associates')
        .set(gerant)
        .send(associate(id, category, 2, { collegeCode: college }))
        .expect(201);
    }
    // Admitted after the record date: not on the voter list (AG-VOTERS).
    await t
      .http()
      .post('/v1/cooperatives/alpha/associates')
      .set(gerant)
      .send(associate('late', 'beneficiary', 1, { collegeCode: 'users', admittedOn: '2025-05-20' }))
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('convenes a combined AG and fixes the voter list at the record date', async () => {
    const res = await post('', {
      id: 'ag-2025',
      kind: 'combined',
      title: 'Assemblée générale mixte 2025',
      convenedOn: '2025-05-15',
      heldOn: '2025-06-05',
      place: 'Siège social',
      call: 1,
      resolutions: [
        { id: 'r1', title: 'Approbation des comptes 2024', text: 'Texte de la résolution r1 : Approbation des comptes 2024.', kind: 'ordinary', boardApproved: true },
        { id: 'r2', title: 'Nouveaux poids des collèges', text: 'Texte de la résolution r2 : Nouveaux poids des collèges.', kind: 'extraordinary', boardApproved: true },
      ],
    }).expect(201);
    expect(res.body).toMatchObject({ id: 'ag-2025', revision: 0 });
    const ag = await t.http().get(`${base}/ag-2025`).set(gerant).expect(200);
    expect(ag.body).toMatchObject({ id: 'ag-2025', kind: 'combined', call: 1, status: 'convened', voters: 10 });
    expect(ag.body.votersHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses voting before opening, and appends nothing', async () => {
    const before = await eventCount();
    const res = await post('/ag-2025/resolutions/r1/ballots', { associateId: 'w2', choice: 'for' }).expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(await eventCount()).toBe(before);
  });

  it('records attendance: present, remote, by mail, a named proxy and a blank proxy', async () => {
    for (const body of [
      { associateId: 'w1', mode: 'present' },
      { associateId: 'w2', mode: 'present' },
      { associateId: 'w3', mode: 'proxy', proxyHolderId: 'w1' },
      { associateId: 'u1', mode: 'remote' },
      { associateId: 'u2', mode: 'mail' },
      { associateId: 'u3', mode: 'present' },
      { associateId: 'u4', mode: 'proxy' },
      { associateId: 'p1', mode: 'present' },
      { associateId: 'c1', mode: 'present' },
    ]) {
      await post('/ag-2025/attendance', body).expect(201);
    }
  });

  it.each([
    ['a proxy to an associate who does not attend the meeting (votes by mail)', '/ag-2025/attendance', { associateId: 'p2', mode: 'proxy', proxyHolderId: 'u2' }],
    ['a proxy to an associate who is not a voter', '/ag-2025/attendance', { associateId: 'p2', mode: 'proxy', proxyHolderId: 'late' }],
    ['a proxy to oneself', '/ag-2025/attendance', { associateId: 'p2', mode: 'proxy', proxyHolderId: 'p2' }],
    ['attendance of someone admitted after the record date', '/ag-2025/attendance', { associateId: 'late', mode: 'present' }],
  ])('refuses %s with 422 and appends nothing', async (_name, path, body) => {
    const before = await eventCount();
    const res = await post(path, body).expect(422);
    expect(res.body.status).toBe(422);
    expect(await eventCount()).toBe(before);
  });

  it('AG-QUORUM: opens with 9 of 10 voters, which meets both quorums', async () => {
    await post('/ag-2025/opening').expect(201);
    const ag = await t.http().get(`${base}/ag-2025`).set(gerant).expect(200);
    expect(ag.body.attendance).toMatchObject({ present: 5, remote: 1, mail: 1, represented: 2, total: 9, quorumBp: 9000, quorumMet: true });
  });

  it('AG-COLLEGE-TALLY: r1 is adopted with 7/12 once the silent collège drops out', async () => {
    const ballots: Array<[string, string]> = [
      ['w1', 'for'],
      ['w2', 'against'],
      ['w3', 'for'],
      ['u1', 'for'],
      ['u2', 'against'],
      ['u3', 'abstain'],
      ['p1', 'blank'],
      ['c1', 'against'],
    ];
    for (const [associateId, choice] of ballots) await post('/ag-2025/resolutions/r1/ballots', { associateId, choice }).expect(201);
    // workers 2/3, users 2/3 (u4's blank proxy votes for: board-approved), partners no vote cast (dropped),
    // public 0/1: (4000×2/3 + 3000×2/3 + 1000×0) / (4000 + 3000 + 1000) = 7/12 = 58.33 % > 1/2.
    const closed = await post('/ag-2025/resolutions/r1/closing').expect(201);
    expect(closed.body.outcome).toBe('adopted');
    expect(closed.body.result).toMatchObject({ forBp: 5833, droppedColleges: ['partners'], blankProxies: 1, exact: { numerator: '7', denominator: '12' } });
    const users = closed.body.result.colleges.find((c: { code: string }) => c.code === 'users');
    expect(users).toMatchObject({ for: 2, against: 1, abstain: 1, blank: 0 });
  });

  it.each([
    ['a second ballot (AG-ONE-BALLOT)', '/ag-2025/resolutions/r2/ballots', { associateId: 'w2', choice: 'for' }, 'AG-ONE-BALLOT'],
    ['a ballot on a closed resolution', '/ag-2025/resolutions/r1/ballots', { associateId: 'u3', choice: 'for' }, undefined],
    ['a ballot by a non-voter (AG-VOTERS)', '/ag-2025/resolutions/r2/ballots', { associateId: 'late', choice: 'for' }, 'AG-VOTERS'],
    ['a show of hands for an unknown collège', '/ag-2025/resolutions/r2/show-of-hands', { collegeCode: 'nowhere', for: 1, against: 0, abstain: 0 }, undefined],
  ])('refuses %s with 422 and appends nothing', async (_name, path, body, rule) => {
    if (rule === 'AG-ONE-BALLOT') await post('/ag-2025/resolutions/r2/ballots', { associateId: 'w2', choice: 'for' }).expect(201);
    const before = await eventCount();
    const res = await post(path, body).expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    if (rule) expect(res.body.rule).toBe(rule);
    expect(await eventCount()).toBe(before);
  });

  it('AG-MAJORITY: r2, extraordinary, is adopted with 82.5 % against the 2/3 required', async () => {
    const ballots: Array<[string, string]> = [
      ['w1', 'for'],
      ['w3', 'for'],
      ['u1', 'for'],
      ['u2', 'for'],
      ['u3', 'against'],
      ['p1', 'for'],
      ['c1', 'against'],
    ];
    for (const [associateId, choice] of ballots) await post('/ag-2025/resolutions/r2/ballots', { associateId, choice }).expect(201);
    // workers 3/3, users 3/4 (with u4's blank proxy), partners 1/1, public 0/1:
    // (4000 + 3000×3/4 + 2000 + 0) / 10000 = 8250 / 10000 = 33/40.
    const closed = await post('/ag-2025/resolutions/r2/closing').expect(201);
    expect(closed.body).toMatchObject({ outcome: 'adopted', result: { forBp: 8250, requiredBp: 6667, exact: { numerator: '33', denominator: '40' } } });
  });

  it('closes the AG with the ledger digest, which the minutes print', async () => {
    const closed = await post('/ag-2025/closing').expect(201);
    expect(closed.body.ledgerDigest).toMatch(/^[0-9a-f]{64}$/);
    const md = await t.http().get(`${base}/ag-2025/minutes?format=md`).set(gerant).expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain(closed.body.ledgerDigest);
    expect(md.text).toContain('Cette résolution est adoptée.');
    const html = await t.http().get(`${base}/ag-2025/minutes`).set(gerant).expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text.match(/<svg/g)).toHaveLength(2);
    expect(html.text).toContain(closed.body.ledgerDigest);
  });

  it('amends the statuts only under an adopted extraordinary resolution of a closed AG', async () => {
    const amendment = (resolutionId: string) => ({
      effectiveDate: '2025-06-05',
      changes: {
        colleges: [
          { code: 'workers', name: 'Salariés', weightBp: 3500 },
          { code: 'users', name: 'Usagers', weightBp: 3500 },
          { code: 'partners', name: 'Partenaires', weightBp: 2000 },
          { code: 'public', name: 'Collectivités', weightBp: 1000 },
        ],
      },
      resolution: { assemblyId: 'ag-2025', resolutionId },
    });
    const before = await eventCount();
    const ordinary = await t.http().post('/v1/cooperatives/alpha/statuts-amendments').set(gerant).send(amendment('r1')).expect(422);
    expect(ordinary.body.detail).toMatch(/extraordinary/);
    await t
      .http()
      .post('/v1/cooperatives/alpha/statuts-amendments')
      .set(gerant)
      .send({ ...amendment('r2'), resolution: { assemblyId: 'nowhere', resolutionId: 'r2' } })
      .expect(422);
    expect(await eventCount()).toBe(before);
    await t.http().post('/v1/cooperatives/alpha/statuts-amendments').set(gerant).send(amendment('r2')).expect(201);
    const coop = await t.http().get('/v1/cooperatives/alpha').set(gerant).expect(200);
    expect(coop.body.colleges.map((c: { weightBp: number }) => c.weightBp)).toEqual([3500, 3500, 2000, 1000]);
  });
});
