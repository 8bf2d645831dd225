import { allocationProposal } from './allocation-proposal';
import { FiscalPeriod } from './fiscal-period';
import { SurplusAllocatedData } from './spec-types';
import { allocate, closed, domainError, factsFor, given, rule, yearEndBases } from './testing';

/*
 * A SCIC's allocation, computed by hand (docs/year-close.md tells the same story).
 * Fiscal year 2023, accounts approved by an AG held on 2024-06-15: the TMO years are 2021–2023,
 *   (0.20 + 0.27 + 1.325 + 2.51 + 3.14 + 3.37) / 6 = 10.815 / 6 = 1.8025 %, + 2 points = 3.8025 %.
 * Capital 100,000.00 € (10,000,000 cents), all paid up: a1 60,000.00 €, a2 40,000.00 €.
 * Net result 10,000.00 € (1,000,000 cents), no prior loss: distributable 1,000,000.
 */
const YEAR_2023: FiscalPeriod = { year: 2023, startsOn: '2023-01-01', endsOn: '2023-12-31', days: 365 };
const HELD_ON = '2024-06-15';
const bases = yearEndBases({ a1: 6_000_000, a2: 4_000_000 });
const scic = (overrides: Parameters<typeof factsFor>[1] = {}) => factsFor('SCIC', { period: YEAR_2023, capitalCents: 10_000_000, highestCapitalCents: 10_000_000, interest: bases, ...overrides });
const net = (cents: number, subsidiesCents = 0) => closed('SCIC', cents, { period: YEAR_2023, subsidiesCents });

describe('COOP-LEGAL-RESERVE', () => {
  // Below the ceiling: reserves 20,000.00 € (statutory) against a capital of 100,000.00 €: room 8,000,000.
  // 15 % × 1,000,000 = 150,000 ≤ 8,000,000 → the legal reserve takes at least 150,000.
  const below = scic({ reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });

  it('asks 15 % of the surplus while the reserves are below the capital, and refuses a cent less', () => {
    expect(allocationProposal(net(1_000_000).data as never, below, HELD_ON).minimums.legalReserveCents).toBe(150_000);
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 149_999 }, HELD_ON))
      .thenThrows(rule('COOP-LEGAL-RESERVE'), 'at least 150000 cents');
  });

  it('asks nothing once the reserves reach the capital (at the ceiling): 40,000 € legal + 60,000 € statutory = the capital', () => {
    const atCeiling = scic({ reservesBefore: { legalReserveCents: 4_000_000, statutoryReserveCents: 6_000_000, retainedEarningsCents: 0 } });
    const proposal = allocationProposal(net(1_000_000).data as never, atCeiling, HELD_ON);
    // legal 0; statutory: 50 % of the whole surplus (1,000,000 − 0) = 500,000.
    expect(proposal.minimums).toEqual({ legalReserveCents: 0, statutoryReserveCents: 500_000, workerShareCents: null, developmentFundCents: null });
    given(net(1_000_000))
      .when(allocate(atCeiling, { legalReserveCents: 0 }, HELD_ON))
      .thenEmits([{ type: 'SurplusAllocated', data: { legalReserveCents: 0, statutoryReserveCents: 1_000_000 } }]);
  });
});

describe('SCIC-STATUTORY-RESERVE', () => {
  const below = scic({ reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });

  it('takes at least 50 % of what the legal reserve leaves: 50 % × (1,000,000 − 150,000) = 425,000, so 57.5 % in all', () => {
    expect(allocationProposal(net(1_000_000).data as never, below, HELD_ON).minimums.statutoryReserveCents).toBe(425_000);
    // 150,000 legal + 425,001 retained leave 424,999 for the statutory reserve.
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 150_000, retainedEarningsCents: 425_001 }, HELD_ON))
      .thenThrows(rule('SCIC-STATUTORY-RESERVE'), 'at least 425000');
  });

  it('with redirectLegalReserveWhenFull, a full legal reserve sends its 15 % on: 150,000 + 50 % × 850,000 = 575,000', () => {
    const full = scic({ terms: { redirectLegalReserveWhenFull: true }, reservesBefore: { legalReserveCents: 4_000_000, statutoryReserveCents: 6_000_000, retainedEarningsCents: 0 } });
    expect(allocationProposal(net(1_000_000).data as never, full, HELD_ON).minimums.statutoryReserveCents).toBe(575_000);
  });
});

describe('COOP-INTEREST-RATE', () => {
  const below = scic({ reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });

  it('caps interest by rate without subsidies: 3.8025 % of 60,000 € = 2,281.50 €, of 40,000 € = 1,521.00 € (the amount cap, 425,000, is not reached)', () => {
    const proposal = allocationProposal(net(1_000_000).data as never, below, HELD_ON);
    expect(proposal.capRate).toEqual({ rate: '3.8025', from: 'tmo', years: [2021, 2022, 2023] });
    // amount cap: 1,000,000 − 150,000 − 425,000 − 0 subsidies = 425,000 > 228,150 + 152,100 = 380,250.
    expect(proposal.maxima).toEqual({ shareInterestCents: 380_250, shareInterestRate: '3.8025' });
    expect(proposal.draftResolution).toContain('intérêts aux parts sociales : 3 802,50 €');
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 150_000, shareInterestRate: '3.8025' }, HELD_ON))
      .thenEmits([
        {
          type: 'SurplusAllocated',
          data: {
            shareInterestCents: 380_250,
            statutoryReserveCents: 469_750,
            shareInterest: {
              mode: 'yearEnd',
              rows: [
                { associateId: 'a1', grossCents: 228_150 },
                { associateId: 'a2', grossCents: 152_100 },
              ],
            },
          },
        },
      ]);
  });

  it('refuses a rate above the cap', () =>
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 150_000, shareInterestRate: '3.81' }, HELD_ON))
      .thenThrows(rule('COOP-INTEREST-RATE'), 'above the cap of 3.8025 %'));

  it('refuses interest when the TMO of the 3 years before the AG is missing and no cap is published (AG of 2026: 2023–2025)', () =>
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 150_000, shareInterestRate: '1' }, '2026-06-15'))
      .thenThrows(rule('COOP-INTEREST-RATE'), '2024 H1, 2024 H2, 2025 H1, 2025 H2'));

  it('proposes a rate an AG can vote as written when the cap does not end: AG of 2022, (0.62 + 0.12 + 0.20 − 0.02 + 0.20 + 0.27) / 6 + 2 = 2.23166… %, proposed 2.2316 %', () => {
    const year2021: FiscalPeriod = { year: 2021, startsOn: '2021-01-01', endsOn: '2021-12-31', days: 365 };
    const facts = scic({ period: year2021, reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });
    const proposal = allocationProposal(closed('SCIC', 1_000_000, { period: year2021 }).data as never, facts, '2022-06-15');
    expect(proposal.capRate).toEqual({ rate: '2.2316666666…', from: 'tmo', years: [2019, 2020, 2021] });
    // 2.2316 % of 60,000 € = 1,338.96 €, of 40,000 € = 892.64 €.
    expect(proposal.maxima).toEqual({ shareInterestCents: 223_160, shareInterestRate: '2.2316' });
  });

  it('takes the published cap when a TMO year is missing (AGs of 2025: 4.80 %)', () =>
    expect(allocationProposal(net(1_000_000).data as never, below, '2025-05-20').capRate).toEqual({ rate: '4.80', from: 'published', years: [2025] }));
});

describe('SCIC-SUBSIDIES', () => {
  const below = scic({ reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });

  it('caps interest by amount with subsidies: 425,000 − 300,000 of subsidies = 125,000, i.e. 1.25 % < 3.8025 %', () => {
    const proposal = allocationProposal(net(1_000_000, 300_000).data as never, below, HELD_ON);
    // 125,000 × 100 / 10,000,000 = 1.25 %: a1 75,000 + a2 50,000 = 125,000.
    expect(proposal.maxima).toEqual({ shareInterestCents: 125_000, shareInterestRate: '1.25' });
    given(net(1_000_000, 300_000))
      .when(allocate(below, { legalReserveCents: 150_000, shareInterestRate: '1.26' }, HELD_ON))
      .thenThrows(rule('SCIC-SUBSIDIES'), 'exceeds 125000 cents');
    given(net(1_000_000, 300_000))
      .when(allocate(below, { legalReserveCents: 150_000, shareInterestRate: '1.25' }, HELD_ON))
      .thenEmits([{ type: 'SurplusAllocated', data: { shareInterestCents: 125_000, statutoryReserveCents: 725_000 } }]);
  });

  it("sends the subsidies' equivalent to the statutory reserve, not to the report à nouveau", () =>
    // 150,000 legal; statutory minimum 425,000 + 300,000 of subsidies = 725,000; a report à nouveau of 200,000 leaves 650,000.
    given(net(1_000_000, 300_000))
      .when(allocate(below, { legalReserveCents: 150_000, retainedEarningsCents: 200_000 }, HELD_ON))
      .thenThrows(rule('SCIC-SUBSIDIES'), 'at least 725000'));
});

describe('SCIC-NO-RISTOURNE', () => {
  it('refuses a ristourne', () =>
    given(net(1_000_000))
      .when(allocate(scic(), { legalReserveCents: 150_000, ristourneCents: 1 }, HELD_ON))
      .thenThrows(rule('SCIC-NO-RISTOURNE')));
});

describe('COOP-ALLOCATION-SUM', () => {
  const below = scic({ reservesBefore: { legalReserveCents: 0, statutoryReserveCents: 2_000_000, retainedEarningsCents: 0 } });

  it('refuses a statutory reserve that is not exactly what the other lines leave', () =>
    given(net(1_000_000))
      .when(allocate(below, { legalReserveCents: 150_000, statutoryReserveCents: 849_999 }, HELD_ON))
      .thenThrows(rule('COOP-ALLOCATION-SUM'), 'leave 850000 cents'));

  it('gives the cents floored off each interest to the statutory reserve: 1 % of 333.33 € and of 666.67 € = 3.33 € + 6.66 €', () => {
    const odd = scic({ interest: yearEndBases({ a1: 33_333, a2: 66_667 }) });
    // distributable 10,000: legal 1,500; interest 333 + 666 = 999 (1 cent floored off); statutory 10,000 − 1,500 − 999 = 7,501.
    const [event] = given(net(10_000))
      .when(allocate(odd, { legalReserveCents: 1_500, shareInterestRate: '1' }, HELD_ON))
      .events() as Array<{ data: SurplusAllocatedData }>;
    expect([event.data.shareInterestCents, event.data.statutoryReserveCents]).toEqual([999, 7_501]);
  });
});

describe('the allocation needs a closed year and an adopted resolution', () => {
  it('refuses an allocation of a year not closed (409) and a second allocation (409)', () => {
    given()
      .when(allocate(scic(), { legalReserveCents: 150_000 }, HELD_ON))
      .thenThrows(domainError('CONFLICT'), 'not closed');
    const first = allocate(scic(), { legalReserveCents: 150_000 }, HELD_ON);
    const allocated = given(net(1_000_000)).when(first).events();
    given(net(1_000_000), allocated).when(first).thenThrows(domainError('ALREADY_EXISTS'), 'already allocated');
  });

  it('refuses a resolution that is not an adopted ordinary one, or an AG held before the year ended', () => {
    const facts = scic();
    given(net(1_000_000))
      .when({ ...allocate(facts, { legalReserveCents: 150_000 }, HELD_ON), adoption: null })
      .thenThrows(domainError('INVALID_STATE'), 'does not exist');
    given(net(1_000_000))
      .when({
        ...allocate(facts, { legalReserveCents: 150_000 }, HELD_ON),
        adoption: { ...allocate(facts, {}, HELD_ON), coopId: 'coop', assemblyId: 'ag', assemblyStatus: 'closed', heldOn: HELD_ON, resolutionId: 'r1', kind: 'ordinary', outcome: 'rejected' } as never,
      })
      .thenThrows(domainError('INVALID_STATE'), 'rejected');
    given(net(1_000_000))
      .when(allocate(facts, { legalReserveCents: 150_000 }, '2023-12-31'))
      .thenThrows(domainError('INVALID_STATE'), 'not after the end');
  });
});
