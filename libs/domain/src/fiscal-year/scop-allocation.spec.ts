import { allocationProposal } from './allocation-proposal';
import { YEAR_2025, allocate, closed, employeesRecorded, factsFor, given, rule } from './testing';
import { splitWorkerShare } from './worker-share';

/*
 * A SCOP's allocation, computed by hand. Highest capital reached 50,000.00 € (5,000,000 cents),
 * legal reserve before 49,000.00 € (4,900,000): 100,000 cents of room. Net result 12,000.00 €
 * (1,200,000) of which 2,000.00 € (200,000) of art. 32 gains: distributable 1,000,000.
 */
const scop = factsFor('SCOP', { capitalCents: 5_000_000, highestCapitalCents: 5_000_000, reservesBefore: { legalReserveCents: 4_900_000, statutoryReserveCents: 0, retainedEarningsCents: 0 } });
const year = closed('SCOP', 1_200_000, { excludedGainsCents: 200_000 });
const staff = employeesRecorded([
  { id: 'e1', name: 'E1', salaryCents: 3_000_000, hours: 1600, hiredOn: '2020-01-01' },
  { id: 'e2', name: 'E2', salaryCents: 2_000_000, hours: 1600, hiredOn: '2021-01-01' },
  { id: 'e3', name: 'E3', salaryCents: 1_000_000, hours: 800, hiredOn: '2022-01-01' },
]);

describe('SCOP-LEGAL-RESERVE and SCOP-EXCLUDED-GAINS', () => {
  it('reaches the ceiling mid-allocation: 15 % × 1,000,000 = 150,000 but 100,000 of room; the gains find none and go to the fund', () => {
    const p = allocationProposal(year.data as never, scop, '2026-06-15');
    // legal 100,000; worker 25 % = 250,000; fund: 200,000 of gains + at least 1 cent of the surplus = 200,001.
    expect(p.minimums).toEqual({ legalReserveCents: 100_000, statutoryReserveCents: null, workerShareCents: 250_000, developmentFundCents: 200_001 });
    expect(p.base).toEqual({ netResultCents: 1_200_000, priorLossesCents: 0, excludedGainsCents: 200_000, subsidiesCents: 0, distributableCents: 1_000_000 });
    given(year, staff)
      .when(allocate(scop, { legalReserveCents: 99_999 }))
      .thenThrows(rule('SCOP-LEGAL-RESERVE'), 'at least 100000');
  });
});

describe('SCOP-WORKER-SHARE', () => {
  it('refuses less than 25 % of the net surplus (gains excluded)', () =>
    given(year, staff)
      .when(allocate(scop, { legalReserveCents: 100_000, workerShareCents: 249_999 }))
      .thenThrows(rule('SCOP-WORKER-SHARE'), 'at least 250000'));

  it('splits by salary and hours with a cent left to give: 450.00 + 366.66 + 183.33 = 999.99 €, the cent to e2 (largest remainder)', () => {
    // salary half 500 €: 3/6, 2/6, 1/6 = 250, 166.666…, 83.333…; hours half 500 €: 1600/4000, 1600/4000, 800/4000 = 200, 200, 100.
    const split = splitWorkerShare(100_000, (staff.data as unknown as { employees: never[] }).employees, scop.terms.workerShareSplit, YEAR_2025);
    expect(split.rows.map((r) => [r.employeeId, r.amountCents])).toEqual([
      ['e1', 45_000],
      ['e2', 36_667],
      ['e3', 18_333],
    ]);
    expect(split.totalCents).toBe(100_000);
  });

  it('leaves out an employee with less than 3 months in the year and less than 6 months of seniority; weighs seniority up to 2', () => {
    const split = splitWorkerShare(
      30_000,
      [
        { id: 'a', name: 'A', salaryCents: 0, hours: 0, hiredOn: '2015-01-01' },
        { id: 'b', name: 'B', salaryCents: 0, hours: 0, hiredOn: '2024-01-01' },
        { id: 'c', name: 'C', salaryCents: 0, hours: 0, hiredOn: '2025-11-01' },
      ],
      { salaryBp: 0, hoursBp: 0, equalBp: 10000, seniority: [{ fromYears: 5, coefficientBp: 20000 }] },
      YEAR_2025,
    );
    // a: 10 years, coefficient 2; b: 1 year, 1; c: 2 months → not eligible. 30,000 × 2/3 and × 1/3.
    expect(split.rows.map((r) => [r.employeeId, r.eligible, r.amountCents])).toEqual([
      ['a', true, 20_000],
      ['b', true, 10_000],
      ['c', false, 0],
    ]);
  });
});

describe('SCOP-INTEREST-CAP', () => {
  it('caps interest at a third of the net surplus: min(649,999, 449,999, 375,000, 333,333) = 333,333', () => {
    expect(allocationProposal(year.data as never, scop, '2026-06-15').checks.find((c) => c.rule === 'SCOP-INTEREST-CAP')?.figureCents).toBe(333_333);
    const bases = { mode: 'yearEnd' as const, days: 1, rows: [{ associateId: 'a1', name: 'A1', personType: 'natural' as const, capitalDays: 5_000_000 }] };
    const withHolders = { ...scop, interest: bases };
    // legal 100,000, worker 333,334, interest 333,333: fund 1,200,000 − 766,667 = 433,333, of which 233,333 out of the surplus + legal 100,000 = 333,333 ≥ 333,333.
    given(year, staff)
      .when(allocate(withHolders, { legalReserveCents: 100_000, workerShareCents: 333_334, shareInterestCents: 333_333 }))
      .thenEmits([{ type: 'SurplusAllocated', data: { statutoryReserveCents: 433_333, shareInterestCents: 333_333 } }]);
    // one cent more of interest takes it from the fund: 333,332 of reserves out of the surplus < 333,334.
    given(year, staff)
      .when(allocate(withHolders, { legalReserveCents: 100_000, workerShareCents: 333_334, shareInterestCents: 333_334 }))
      .thenThrows(rule('SCOP-INTEREST-CAP'));
  });
});

describe('SCOP-DEVELOPMENT-FUND', () => {
  it('refuses an allocation that leaves the fund below the gains it must take', () =>
    given(year, staff)
      .when(allocate(scop, { legalReserveCents: 100_000, workerShareCents: 250_000, retainedEarningsCents: 650_000 }))
      .thenThrows(rule('SCOP-DEVELOPMENT-FUND')));
});
