import { admitted, redeemed, scic, stateOf, subscribed, withdrew } from '../cooperative/testing';
import { CooperativeEvent } from '../cooperative/events';
import { inEffectiveOrder } from '../cooperative/effective-order';
import { parseRate } from '../shared/decimal-rate';
import { interestBasesOf, interestRowsAtRate, interestRowsForEnvelope } from './share-interest';
import { YEAR_2024 } from './testing';

/*
 * Interest pro rata by days across the leap year 2024 (366 days), at 3 %, share value 1.00 €
 * (the cooperative testing builders: SHARE = 100 cents).
 * - a1: 1,000 shares (100,000 cents) all year, + 500 shares (50,000) on 2024-10-01 (92 days):
 *   100,000 × 366 + 50,000 × 92 = 41,200,000 cent-days; × 3 % ÷ 366 = 3,377.049… → 3,377.
 * - a2, a legal person admitted on 2024-03-01 (306 days: 366 − 31 − 29) with 2,000 shares:
 *   200,000 × 306 = 61,200,000; × 3 % ÷ 366 = 5,016.39… → 5,016.
 * - a3: 1,000 shares from 2023, withdrew 2024-06-30, redeemed 2024-07-01 (exit exclusive): 182 days
 *   (31 + 29 + 31 + 30 + 31 + 30): 18,200,000; × 3 % ÷ 366 = 1,491.80… → 1,491.
 */
const history: CooperativeEvent[] = inEffectiveOrder([
  scic({ registeredOn: '2023-01-02' }),
  ...admitted('a1', 'employee', 1000, { on: '2023-01-02' }),
  ...admitted('a3', 'beneficiary', 1000, { on: '2023-01-10' }),
  ...(admitted('a2', 'beneficiary', 2000, { on: '2024-03-01' }).map((e) => (e.type === 'AssociateAdmitted' ? { ...e, data: { ...e.data, personType: 'legal' as const } } : e)) as CooperativeEvent[]),
  withdrew('a3', '2024-06-30'),
  redeemed('a3', 1000, '2024-07-01'),
  subscribed('a1', 500, { on: '2024-10-01' }),
]);

describe('COOP-INTEREST-RATE: interest on shares pro rata by days', () => {
  it('counts from payment inclusive to exit exclusive over the 366 days of 2024, each floored to the cent', () => {
    stateOf(...history); // the history is a possible one
    const bases = interestBasesOf(history, YEAR_2024, 'proRataDays');
    expect(bases.days).toBe(366);
    expect(bases.rows.map((r) => [r.associateId, r.personType, r.capitalDays])).toEqual([
      ['a1', 'natural', 41_200_000],
      ['a3', 'natural', 18_200_000],
      ['a2', 'legal', 61_200_000],
    ]);
    const rows = interestRowsAtRate(bases, parseRate('3'));
    expect(rows.map((r) => [r.associateId, r.basisCents, r.grossCents])).toEqual([
      ['a1', 112_568, 3_377],
      ['a3', 49_726, 1_491],
      ['a2', 167_213, 5_016],
    ]);
  });

  it('takes the paid-up capital at the year end in yearEnd mode: a3 has left, a1 holds 150,000, a2 200,000', () => {
    const bases = interestBasesOf(history, YEAR_2024, 'yearEnd');
    expect(bases.rows.map((r) => [r.associateId, r.capitalDays])).toEqual([
      ['a1', 150_000],
      ['a2', 200_000],
    ]);
  });

  it('splits a SCOP envelope by the same basis, cents by largest remainder: 100 cents over 1/3, 2/3 → 33 + 67', () => {
    const bases = {
      mode: 'yearEnd' as const,
      days: 1,
      rows: [
        { associateId: 'x', name: 'X', personType: 'natural' as const, capitalDays: 1 },
        { associateId: 'y', name: 'Y', personType: 'natural' as const, capitalDays: 2 },
      ],
    };
    // 33.33… and 66.66…: floors 33 + 66 = 99, the cent to the larger remainder (y, 0.666…).
    expect(interestRowsForEnvelope(bases, 100).map((r) => r.grossCents)).toEqual([33, 67]);
  });
});
