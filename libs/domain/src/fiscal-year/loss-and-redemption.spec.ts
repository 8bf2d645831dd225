import { given as givenCoop, redeem, rule, scic, admitted, withdrew } from '../cooperative/testing';
import { LossAllocatedData } from './spec-types';
import { redemptionValueOf } from './reserves';
import { allocate, closed, factsFor, given } from './testing';

/*
 * A loss year: capital 10,000.00 € (1,000,000 cents), legal reserve 1,000 € (100,000), statutory
 * reserve 3,000 € (300,000), net result −5,000.00 € (−500,000).
 */
const reserves = { legalReserveCents: 100_000, statutoryReserveCents: 300_000, retainedEarningsCents: 0 };
const facts = factsFor('SCIC', { capitalCents: 1_000_000, highestCapitalCents: 1_000_000, reservesBefore: reserves });
const lossYear = closed('SCIC', -500_000);

describe('a loss year', () => {
  it('carries the loss forward as report à nouveau débiteur', () => {
    const [event] = given(lossYear)
      .when(allocate(facts, { loss: 'retainedEarnings' }))
      .events() as Array<{ data: LossAllocatedData }>;
    expect(event.data).toMatchObject({
      lossCents: 500_000,
      statutoryReserveCents: 0,
      retainedEarningsCents: 500_000,
      figures: { reservesAfter: { legalReserveCents: 100_000, statutoryReserveCents: 300_000, retainedEarningsCents: -500_000 } },
    });
  });

  it('charges the statutory reserve up to its balance, the rest carried forward: 300,000 + 200,000', () => {
    const [event] = given(lossYear)
      .when(allocate(facts, { loss: 'statutoryReserve' }))
      .events() as Array<{ data: LossAllocatedData }>;
    expect(event.data.figures.reservesAfter).toEqual({ legalReserveCents: 100_000, statutoryReserveCents: 0, retainedEarningsCents: -200_000 });
  });
});

describe('COOP-REDEMPTION-NOMINAL after losses', () => {
  // 100 shares of 1,000.00 € nominal (100,000 cents), share value 100.00 € (10,000), after the loss carried forward.
  const after = { legalReserveCents: 100_000, statutoryReserveCents: 300_000, retainedEarningsCents: -500_000 };
  const value = (method: 'proRataCapitalAndReserves' | 'reservesFirst' | 'capitalOnly') =>
    redemptionValueOf({ shares: 10, nominalCents: 100_000, paidCents: 100_000, shareValueCents: 10_000, capitalCents: 1_000_000, reserves: after, method });

  it('proRataCapitalAndReserves: the capital bears 500,000 × 1,000,000 ÷ 1,300,000; the shares keep 8/13: 61,538', () =>
    expect(value('proRataCapitalAndReserves')).toEqual({ shares: 10, nominalCents: 100_000, perShareCents: 6_153, amountCents: 61_538, lossCents: 38_462, method: 'proRataCapitalAndReserves' }));

  it('reservesFirst: 400,000 of reserves absorb the loss first, the capital bears 100,000 (10 %): 90,000', () =>
    expect(value('reservesFirst')).toMatchObject({ perShareCents: 9_000, amountCents: 90_000, lossCents: 10_000 }));

  it('capitalOnly: the capital bears the whole 500,000 (half): 50,000', () => expect(value('capitalOnly')).toMatchObject({ perShareCents: 5_000, amountCents: 50_000, lossCents: 50_000 }));

  it('refuses a redemption above the value after losses, accepts it at the value', () => {
    // SHARE = 100 cents: 10,000 shares = 1,000,000 cents of capital; x leaves with 1,000 shares (100,000).
    const history = [scic(), ...admitted('y', 'employee', 9_000), ...admitted('x', 'beneficiary', 1_000), withdrew('x', '2024-06-01')];
    const command = (amountCents: number) => ({ ...redeem({ associate: 'x', shares: 1_000, amountCents, on: '2024-07-01' }), reservesAsOf: after });
    givenCoop(...history)
      .when(command(61_539))
      .thenThrows(rule('COOP-REDEMPTION-NOMINAL'), 'worth 61538 cents');
    givenCoop(...history)
      .when(command(61_538))
      .thenEmits([{ type: 'SharesRedeemed', data: { amountCents: 61_538 } }]);
  });
});
