import { admitted, given, redeem, rule, scic, subscribed, withdrew } from '../testing';

/** Capital 100 shares of 1 € at its highest; floor a quarter: 25 €, so 75 € may leave. */
describe('COOP-CAPITAL-FLOOR', () => {
  const leaver = (shares: number) => [scic(), admitted('b1', 'beneficiary', 100 - shares), admitted('x1', 'supporter', shares), withdrew('x1', '2024-06-01')];

  it('COOP-CAPITAL-FLOOR accepts a redemption that leaves the capital exactly at the floor', () =>
    given(leaver(75))
      .when(redeem({ associate: 'x1', shares: 75, on: '2024-07-01' }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 75, amountCents: 7500, nominalCents: 7500, paidCents: 7500, effectiveDate: '2024-07-01' } }]));

  it('COOP-CAPITAL-FLOOR suspends a redemption that would take the capital one share below the floor', () =>
    given(leaver(76))
      .when(redeem({ associate: 'x1', shares: 76, on: '2024-07-01' }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR'), /suspended and waits.*7600 cents.*only 7500 cents.*floor of 2500 cents/));

  it('COOP-CAPITAL-FLOOR allows the part that fits: a partial redemption down to the floor', () =>
    given(leaver(76))
      .when(redeem({ associate: 'x1', shares: 75, on: '2024-07-01' }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 75, amountCents: 7500, nominalCents: 7500, paidCents: 7500, effectiveDate: '2024-07-01' } }]));

  it("COOP-CAPITAL-FLOOR measures the floor on the highest capital ever reached, not today's", () =>
    given(leaver(60), admitted('y1', 'supporter', 100, { on: '2024-03-01' }), withdrew('y1', '2024-04-01'), redeemedBy('y1', 100, '2024-05-01'))
      // highest 200 €: floor 50 €; capital now 100 €, so 60 € may not leave (a quarter of today's 100 € would let it).
      .when(redeem({ associate: 'x1', shares: 60, on: '2024-07-01' }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR'), 'floor of 5000 cents'));

  describe('COOP-CAPITAL-FLOOR in order of exit', () => {
    // Room: 75 €. x1 left first and is owed 60 €; x2 left later and is owed 20 €: 80 € in all.
    const queue = [scic(), admitted('b1', 'beneficiary', 20), admitted('x1', 'supporter', 60), admitted('x2', 'supporter', 20), withdrew('x2', '2024-05-01'), withdrew('x1', '2024-04-01')];

    it('COOP-CAPITAL-FLOOR repays the earliest exit first', () =>
      given(queue)
        .when(redeem({ associate: 'x1', shares: 60, on: '2024-07-01' }))
        .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 60, amountCents: 6000, nominalCents: 6000, paidCents: 6000, effectiveDate: '2024-07-01' } }]));

    it('COOP-CAPITAL-FLOOR makes a later exit wait while an earlier one takes the room, though it would fit alone', () =>
      given(queue)
        .when(redeem({ associate: 'x2', shares: 20, on: '2024-07-01' }))
        .thenThrows(rule('COOP-CAPITAL-FLOOR'), /suspended and waits.*6000 cents are owed first to associates who left earlier/));

    it('COOP-CAPITAL-FLOOR lets the later exit go once new subscriptions make room', () =>
      // +10 €: capital 110 €, highest 110 €, floor 27.50 €, room 82.50 € ≥ 60 € + 20 €.
      given(queue, subscribed('b1', 10, { on: '2024-06-01' }))
        .when(redeem({ associate: 'x2', shares: 20, on: '2024-07-01' }))
        .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x2', shares: 20, amountCents: 2000, nominalCents: 2000, paidCents: 2000, effectiveDate: '2024-07-01' } }]));

    it("COOP-CAPITAL-FLOOR puts an active associate's partial redemption behind every exit", () =>
      given(queue)
        .when(redeem({ associate: 'b1', shares: 1, on: '2024-07-01' }))
        .thenThrows(rule('COOP-CAPITAL-FLOOR')));
  });

  it('COOP-CAPITAL-FLOOR applies the higher floor of the statuts', () =>
    given(scic({ capitalFloorBp: 5000 }), admitted('b1', 'beneficiary', 49), admitted('x1', 'supporter', 51), withdrew('x1', '2024-06-01'))
      .when(redeem({ associate: 'x1', shares: 51, on: '2024-07-01' }))
      .thenThrows(rule('COOP-CAPITAL-FLOOR')));
});

function redeemedBy(id: string, shares: number, on: string) {
  return { type: 'SharesRedeemed', data: { movementId: `red-${id}`, associateId: id, shares, amountCents: shares * 100, effectiveDate: on } } as const;
}
