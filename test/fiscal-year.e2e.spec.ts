import { TestApp, bearer, removeDir, startTestApp } from './support/test-app';

/**
 * The year's close over HTTP: a SCIC closes 2023 and allocates it under an AG of 2024 (TMO cap
 * 3.8025 %, the shipped defaults); bad input — no adopted resolution, a year not closed, parts
 * that do not sum, twice, a missing TMO — answers problem+json with the rule and appends nothing.
 */
describe('Fiscal years over HTTP', () => {
  let t: TestApp;
  let gerant: Record<string, string>;
  const fy = '/v1/cooperatives/fy';
  const eventCount = async (coop: string) =>
    (
      await t
        .http()
        .get(`/v1/cooperatives/${coop}/verification`)
        .set(bearer(t.token('auditor')))
        .expect(200)
    ).body.events as number;

  /** An ordinary AG of `coop` that adopts resolution r1, held on `heldOn`. */
  async function adopt(coop: string, id: string, heldOn: string, voters: string[]) {
    const base = `/v1/cooperatives/${coop}/assemblies`;
    const convenedOn = `${heldOn.slice(0, 4)}-05-01`;
    await t
      .http()
      .post(base)
      .set(gerant)
      .send({ id, kind: 'ordinary', title: 'AGO', convenedOn, heldOn, place: 'Siège', call: 1, resolutions: [{ id: 'r1', title: 'Affectation du résultat', text: 'Texte de la résolution r1.', kind: 'ordinary' }] })
      .expect(201);
    for (const v of voters) await t.http().post(`${base}/${id}/attendance`).set(gerant).send({ associateId: v, mode: 'present' }).expect(201);
    await t.http().post(`${base}/${id}/opening`).set(gerant).send({}).expect(201);
    for (const v of voters) await t.http().post(`${base}/${id}/resolutions/r1/ballots`).set(gerant).send({ associateId: v, choice: 'for' }).expect(201);
    await t.http().post(`${base}/${id}/resolutions/r1/closing`).set(gerant).send({}).expect(201);
    await t.http().post(`${base}/${id}/closing`).set(gerant).send({}).expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    gerant = bearer(t.token('gerant'));
    for (const [id, registeredOn] of [
      ['fy', '2023-01-02'],
      ['fz', '2025-01-02'],
    ]) {
      await t
        .http()
        .post('/v1/cooperatives')
        .set(gerant)
        .send({ id, name: `SCIC ${id}`, legalForm: 'SCIC', companyForm: 'SAS', registeredOn, shareValueCents: 10_000, siren: '732829320' })
        .expect(201);
      await t.http().post(`/v1/cooperatives/${id}/associates`).set(gerant).send({ id: 'a1', name: 'Ana', personType: 'natural', category: 'employee', admittedOn: registeredOn, shares: 600 }).expect(201);
      await t.http().post(`/v1/cooperatives/${id}/associates`).set(gerant).send({ id: 'a2', name: 'Commune', personType: 'legal', category: 'beneficiary', admittedOn: registeredOn, shares: 400 }).expect(201);
    }
    await t.http().post(`${fy}/fiscal-years/2023/closing`).set(gerant).send({ closedOn: '2024-03-31', netResultCents: 1_000_000 }).expect(201);
    await adopt('fy', 'ag-2024', '2024-06-15', ['a1', 'a2']);
    await t.http().post('/v1/cooperatives/fz/fiscal-years/2025/closing').set(gerant).send({ closedOn: '2026-03-31', netResultCents: 1_000_000 }).expect(201);
    await adopt('fz', 'ag-2026', '2026-06-15', ['a1', 'a2']);
  }, 60_000);
  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  const allocation = { resolution: { assemblyId: 'ag-2024', resolutionId: 'r1' }, legalReserveCents: 150_000, shareInterestRate: '3.8025' };

  it('proposes the minimums, the capped interest and a French draft for an AG of 2024', async () => {
    const res = await t.http().get(`${fy}/fiscal-years/2023/allocation-proposal?heldOn=2024-06-15`).set(gerant).expect(200);
    // distributable 1,000,000; legal 15 % = 150,000; statutory 50 % × 850,000 = 425,000; interest ≤ 425,000 by amount, 3.8025 % by rate = 380,250.
    expect(res.body.base).toMatchObject({ netResultCents: 1_000_000, distributableCents: 1_000_000 });
    expect(res.body.minimums).toEqual({ legalReserveCents: 150_000, statutoryReserveCents: 425_000, workerShareCents: null, developmentFundCents: null });
    expect(res.body.maxima).toEqual({ shareInterestCents: 380_250, shareInterestRate: '3.8025' });
    expect(res.body.capRate).toEqual({ rate: '3.8025', from: 'tmo', years: [2021, 2022, 2023] });
    expect(res.body.draftResolution).toContain('réserve légale : 1 500,00 €');
  });

  const bad: Array<[string, string, object, number, string | undefined]> = [
    ['an allocation of a year not closed', '2024', allocation, 409, undefined],
    ['an allocation without an adopted resolution', '2023', { ...allocation, resolution: { assemblyId: 'nowhere', resolutionId: 'r1' } }, 422, undefined],
    ['parts that do not sum', '2023', { ...allocation, statutoryReserveCents: 1 }, 422, 'COOP-ALLOCATION-SUM'],
    ['a rate above the TMO cap', '2023', { ...allocation, shareInterestRate: '3.81' }, 422, 'COOP-INTEREST-RATE'],
    ['a legal reserve below 15 %', '2023', { ...allocation, legalReserveCents: 149_999 }, 422, 'COOP-LEGAL-RESERVE'],
    ['a rate that is not a decimal', '2023', { ...allocation, shareInterestRate: 'three' }, 400, undefined],
  ];

  it.each(bad)('refuses %s with problem+json and appends nothing', async (_name, year, body, status, rule) => {
    const before = await eventCount('fy');
    const res = await t.http().post(`${fy}/fiscal-years/${year}/allocation`).set(gerant).send(body);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (rule) expect(res.body).toMatchObject({ rule });
    expect(await eventCount('fy')).toBe(before);
  });

  it('allocates once under the adopted resolution, then refuses a second allocation (409)', async () => {
    await t.http().post(`${fy}/fiscal-years/2023/allocation`).set(gerant).send(allocation).expect(201);
    const year = await t.http().get(`${fy}/fiscal-years/2023`).set(gerant).expect(200);
    expect(year.body).toMatchObject({ status: 'allocated', allocation: { legalReserveCents: 150_000, statutoryReserveCents: 469_750, shareInterestCents: 380_250, shareInterestRate: '3.8025' } });
    const interest = await t.http().get(`${fy}/fiscal-years/2023/share-interest`).set(gerant).expect(200);
    expect(interest.body).toMatchObject({
      rate: '3.8025',
      mode: 'yearEnd',
      totalCents: 380_250,
      rows: [
        { associateId: 'a1', grossCents: 228_150 },
        { associateId: 'a2', personType: 'legal', grossCents: 152_100 },
      ],
    });
    const reserves = await t.http().get(`${fy}/reserves`).set(gerant).expect(200);
    expect(reserves.body.rows).toEqual([{ year: 2023, legalReserveCents: 150_000, statutoryReserveCents: 469_750, retainedEarningsCents: 0, capitalCents: 10_000_000, highestCapitalCents: 10_000_000 }]);
    const before = await eventCount('fy');
    const twice = await t.http().post(`${fy}/fiscal-years/2023/allocation`).set(gerant).send(allocation).expect(409);
    expect(twice.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await eventCount('fy')).toBe(before);
  });

  it('refuses interest over a missing TMO naming the half-years (COOP-INTEREST-RATE), then accepts it once an admin loads them', async () => {
    const body = { resolution: { assemblyId: 'ag-2026', resolutionId: 'r1' }, legalReserveCents: 150_000, shareInterestRate: '2' };
    const before = await eventCount('fz');
    const res = await t.http().post('/v1/cooperatives/fz/fiscal-years/2025/allocation').set(gerant).send(body).expect(422);
    expect(res.body).toMatchObject({ rule: 'COOP-INTEREST-RATE' });
    expect(res.body.detail).toContain('2024 H1, 2024 H2, 2025 H1, 2025 H2');
    expect(await eventCount('fz')).toBe(before);
    const rates = [2024, 2025].flatMap((year) => [1, 2].map((half) => ({ year, half, rate: '3', source: 'e2e test value' })));
    await t.http().put('/v1/reference/tmo').set(gerant).send({ rates }).expect(403);
    await t
      .http()
      .put('/v1/reference/tmo')
      .set(bearer(t.token('admin')))
      .send({ rates })
      .expect(201);
    const tmo = await t.http().get('/v1/reference/tmo').set(gerant).expect(200);
    expect(tmo.body.rates).toContainEqual({ year: 2025, half: 2, rate: '3', source: 'e2e test value' });
    // (3.37 + 3 + 3 + 3 + 3 + 3) / 6 + 2 = 18.37 / 6 + 2 = 5.061666… %: 2 % passes.
    await t.http().post('/v1/cooperatives/fz/fiscal-years/2025/allocation').set(gerant).send(body).expect(201);
  });
});
