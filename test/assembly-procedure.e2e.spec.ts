import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';
import { associate, scicAlpha } from './support/fixtures';

/**
 * How an AG is held, through the real HTTP app: notice (AG-NOTICE), no empty AG, quorum per kind
 * (a combined AG short of its extraordinary quorum votes its ordinary resolutions only), a late
 * arrival, an adjournment, and the digest an auditor checks at the position the minutes print.
 * Alpha SCIC (SAS defaults: ordinary quorum 0 %, extraordinary 75 % on first call, 15 days' notice)
 * with ana (workers), bruno (users) and the commune (public).
 */
describe('Holding an AG: notice, quorum per kind, late arrivals, adjournment, the digest checked', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  let auditor: Record<string, string>;
  const base = '/v1/cooperatives/alpha/assemblies';
  const post = (path: string, body: object = {}) => t.http().post(`${base}${path}`).set(gerant).send(body);
  const eventCount = async () => (await t.http().get('/v1/cooperatives/alpha/verification').set(auditor).expect(200)).body.events as number;
  const convocation = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    kind: 'combined',
    title: `AG ${id}`,
    convenedOn: '2025-05-15',
    heldOn: '2025-06-05',
    place: 'Siège social, Lyon',
    convocationMethod: 'email',
    call: 1,
    resolutions: [
      { id: 'r1', title: 'Approbation des comptes 2024', text: 'L’assemblée approuve les comptes de l’exercice 2024.', kind: 'ordinary' },
      { id: 'r2', title: 'Nouveaux poids des collèges', text: 'L’assemblée modifie l’article 14 des statuts.', kind: 'extraordinary' },
    ],
    ...extra,
  });

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    auditor = bearer(t.token('auditor'));
    await t.http().post('/v1/cooperatives').set(gerant).send(scicAlpha).expect(201);
    for (const [id, category, college] of [
      ['ana', 'employee', 'workers'],
      ['bruno', 'beneficiary', 'users'],
      ['commune', 'public_body', 'public'],
    ]) {
      await t
        .http()
        .post('/v1/cooperatives/alpha/associates')
        .set(gerant)
        .send(associate(id, category, 2, { collegeCode: college }))
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('AG-NOTICE refuses an AG held 14 days after its convocation (the statuts ask 15) and appends nothing', async () => {
    const before = await eventCount();
    const res = await post('', convocation('ag-short', { heldOn: '2025-05-29' })).expect(422);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ rule: 'AG-NOTICE' });
    expect(res.body.detail).toContain('14 days of notice');
    expect(await eventCount()).toBe(before);
  });

  it('AG-NOTICE is a parameter of the statuts, never below the legal floor: an SA on 10 days is refused, a SAS on 21 days convenes no sooner', async () => {
    const sa = { ...scicAlpha, id: 'beta', companyForm: 'SA', noticeDays: { firstCall: 10 } };
    expect((await t.http().post('/v1/cooperatives').set(gerant).send(sa).expect(422)).body.rule).toBe('AG-NOTICE');
    await t
      .http()
      .post('/v1/cooperatives')
      .set(gerant)
      .send({ ...scicAlpha, id: 'gamma', noticeDays: { firstCall: 21 } })
      .expect(201);
    await t
      .http()
      .post('/v1/cooperatives/gamma/associates')
      .set(gerant)
      .send(associate('g1', 'employee', 1, { collegeCode: 'workers' }))
      .expect(201);
    const res = await t
      .http()
      .post('/v1/cooperatives/gamma/assemblies')
      .set(gerant)
      .send(convocation('ag-g', { heldOn: '2025-06-04' }))
      .expect(422);
    expect(res.body.detail).toContain('at least 21 on first call');
  });

  it('refuses a resolution without its text, and a convocation without a place (400)', async () => {
    await post('', { ...convocation('ag-no-text'), resolutions: [{ id: 'r1', title: 'Comptes', kind: 'ordinary' }] }).expect(400);
    const { place: _place, ...noPlace } = convocation('ag-no-place');
    await post('', noPlace).expect(400);
  });

  it('AG-QUORUM refuses to open an AG with nobody present or represented, though its ordinary quorum is 0 %', async () => {
    await post('', convocation('ag-empty')).expect(201);
    const res = await post('/ag-empty/opening').expect(422);
    expect(res.body).toMatchObject({ rule: 'AG-QUORUM' });
    expect(res.body.detail).toContain('nobody of the 3 associates');
    expect((await t.http().get(`${base}/ag-empty`).set(gerant).expect(200)).body.status).toBe('convened');
  });

  describe('a combined AG with 2 of 3 associates: the extraordinary quorum (75 %) is not met', () => {
    let closedDigest: string;
    let closedAt: string;

    beforeAll(async () => {
      await post('', convocation('ag-2025')).expect(201);
      await post('/ag-2025/bureau', { president: { associateId: 'ana' }, secretary: { name: 'Jeanne Expert' } }).expect(201);
      await post('/ag-2025/attendance', { associateId: 'ana', mode: 'present' }).expect(201);
      await post('/ag-2025/attendance', { associateId: 'bruno', mode: 'remote' }).expect(201);
      await post('/ag-2025/opening').expect(201);
    });

    it('shows each quorum apart: ordinary met, extraordinary not', async () => {
      const ag = (await t.http().get(`${base}/ag-2025`).set(gerant).expect(200)).body;
      expect(ag.quorum).toEqual({ ordinary: { attendingBp: 6666, requiredBp: 0, met: true }, extraordinary: { attendingBp: 6666, requiredBp: 7500, met: false } });
      expect(ag).toMatchObject({
        place: 'Siège social, Lyon',
        convocationMethod: 'email',
        noticeDays: 15,
        bureau: { president: { associateId: 'ana', name: 'Associate ana' }, secretary: { associateId: null, name: 'Jeanne Expert' } },
      });
    });

    it('votes the ordinary resolution, and refuses ballots on the extraordinary one (422 AG-QUORUM)', async () => {
      await post('/ag-2025/resolutions/r1/ballots', { associateId: 'ana', choice: 'for' }).expect(201);
      const refused = await post('/ag-2025/resolutions/r2/ballots', { associateId: 'ana', choice: 'for' }).expect(422);
      expect(refused.body.rule).toBe('AG-QUORUM');
    });

    it('a late arrival counts from the first resolution not yet closed: not for r1, closed before', async () => {
      // Collège-weighted: workers 40 % for, users 30 % against ⇒ 4/7 for, adopted.
      await post('/ag-2025/resolutions/r1/ballots', { associateId: 'bruno', choice: 'against' }).expect(201);
      const r1 = await post('/ag-2025/resolutions/r1/closing').expect(201);
      expect(r1.body.outcome).toBe('adopted');
      await post('/ag-2025/attendance', { associateId: 'commune', mode: 'present' }).expect(201);
      const ag = (await t.http().get(`${base}/ag-2025`).set(gerant).expect(200)).body;
      expect(ag.attendees.find((a: { associateId: string }) => a.associateId === 'commune')).toMatchObject({ mode: 'present', countsFrom: 'r2' });
      await post('/ag-2025/resolutions/r1/ballots', { associateId: 'commune', choice: 'for' }).expect(422);
    });

    it('closes the extraordinary resolution as not put to the vote (not_voted, AG-QUORUM), never rejected', async () => {
      const res = await post('/ag-2025/resolutions/r2/closing').expect(201);
      expect(res.body).toMatchObject({ outcome: 'not_voted', reason: 'AG-QUORUM', result: null });
      const ag = (await t.http().get(`${base}/ag-2025`).set(gerant).expect(200)).body;
      expect(ag.resolutions[1]).toMatchObject({ id: 'r2', outcome: 'not_voted', reason: 'AG-QUORUM', text: 'L’assemblée modifie l’article 14 des statuts.' });
    });

    it('closes with the digest and the position it was taken at; the auditor recomputes it there, after more events', async () => {
      const closed = await post('/ag-2025/closing').expect(201);
      closedDigest = closed.body.ledgerDigest;
      closedAt = closed.body.ledgerPosition;
      expect(closedAt).toMatch(/^\d+$/);
      await t.http().post('/v1/cooperatives/alpha/associates/bruno/subscriptions').set(gerant).send({ shares: 1, effectiveDate: '2025-06-10' }).expect(201);
      const then = (await t.http().get(`/v1/cooperatives/alpha/verification?at=${closedAt}`).set(auditor).expect(200)).body;
      expect(then).toMatchObject({ valid: true, digest: closedDigest, position: closedAt });
      const now = (await t.http().get('/v1/cooperatives/alpha/verification').set(auditor).expect(200)).body;
      expect(now.digest).not.toBe(closedDigest);
      await t.http().get('/v1/cooperatives/alpha/verification?at=-1').set(auditor).expect(400);
    });

    it('the minutes say the extraordinary resolution was not put to the vote, and print the auditor’s command; ?format=md too', async () => {
      const html = (await t.http().get(`${base}/ag-2025/minutes`).set(gerant).expect(200)).text;
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Quorum de la partie extraordinaire : 66,66 % présents ou représentés ; requis 75,00 % — non atteint');
      expect(html).toContain('Cette résolution n’a pas été mise aux voix : le quorum de la partie extraordinaire n’était pas atteint (AG-QUORUM).');
      expect(html).toContain('Cette résolution est adoptée.');
      expect(html).not.toContain('rejetée');
      expect(html).toContain(`verification?at=${closedAt}`);
      expect(html).toContain(closedDigest);
      const md = await t.http().get(`${base}/ag-2025/minutes?format=md`).set(gerant).expect(200);
      expect(md.headers['content-type']).toMatch(/text\/markdown/);
      expect(md.text).toContain('arrivé(e) en cours de séance, compte à partir de la deuxième résolution');
      const en = await t.http().get(`${base}/ag-2025/minutes?format=markdown&lang=en`).set(gerant).expect(200);
      expect(en.text).toContain('This resolution was not put to the vote');
      await t.http().get(`${base}/ag-2025/minutes?lang=de`).set(gerant).expect(400);
    });
  });

  it('an adjournment ends an open AG with its reason; its open resolutions are not voted, and it takes no closing', async () => {
    await post('', convocation('ag-adj')).expect(201);
    for (const associateId of ['ana', 'bruno', 'commune']) await post('/ag-adj/attendance', { associateId, mode: 'present' }).expect(201);
    await post('/ag-adj/opening').expect(201);
    await post('/ag-adj/resolutions/r1/ballots', { associateId: 'ana', choice: 'for' }).expect(201);
    await post('/ag-adj/resolutions/r1/closing').expect(201);
    await post('/ag-adj/adjournment', {}).expect(400);
    await post('/ag-adj/adjournment', { reason: 'La salle doit être libérée.' }).expect(201);
    const ag = (await t.http().get(`${base}/ag-adj`).set(gerant).expect(200)).body;
    expect(ag).toMatchObject({ status: 'adjourned', adjournment: { reason: 'La salle doit être libérée.' } });
    expect(ag.resolutions.map((r: { outcome: string; reason?: string }) => [r.outcome, r.reason ?? null])).toEqual([
      ['adopted', null],
      ['not_voted', 'ADJOURNED'],
    ]);
    await post('/ag-adj/closing').expect(422);
    const md = (await t.http().get(`${base}/ag-adj/minutes?format=md`).set(gerant).expect(200)).text;
    expect(md).toContain('Motif : La salle doit être libérée.');
  });
});
