import { CooperativeEvent } from './events';
import { redeemedCapital } from './evolve';
import { stateAsOf } from './effective-order';
import { admitted, paidUp, scic, stateOf, withdrew } from './testing';

describe('evolve', () => {
  // s1 holds 10 shares, 250 of 1000 cents paid. Recorded: a redemption of 4 shares on 2024-06-01
  // (taking the 250 paid), then a payment of 600 back-dated to 2024-04-01.
  const history: CooperativeEvent[] = [
    scic(),
    ...admitted('b1', 'beneficiary', 100),
    ...admitted('s1', 'supporter', 10, { paidCents: 250 }),
    { type: 'SharesRedeemed', data: { movementId: 'r1', associateId: 's1', shares: 4, amountCents: 250, nominalCents: 400, paidCents: 250, effectiveDate: '2024-06-01' } },
    paidUp('s1', 600, '2024-04-01', 'p1'),
  ];

  it('COOP-REDEMPTION-NOMINAL: a redemption folds the capital it recorded leaving, in effective order as in recording order', () => {
    const recorded = stateOf(history).associates.s1;
    const effective = stateAsOf(history, '2024-12-31').associates.s1;
    expect(effective).toEqual(recorded);
    expect(recorded).toMatchObject({ shares: 6, subscribedCents: 600, paidUpCents: 600 });
  });

  it('COOP-REDEMPTION-NOMINAL: older redemptions without those figures are recomputed from the holding', () => {
    const legacy = stateOf(scic(), admitted('s1', 'supporter', 3), withdrew('s1', '2024-03-01'), {
      type: 'SharesRedeemed',
      data: { movementId: 'r1', associateId: 's1', shares: 1, amountCents: 100, effectiveDate: '2024-04-01' },
    });
    expect(legacy.movements.r1).toMatchObject({ nominalCents: 100, paidCents: 100 });
  });

  it('COOP-REDEMPTION-NOMINAL: the pro rata nominal is exact where a float product passes 2^53', () => {
    // 775,261 shares of 17,584,382.58 €: 278,450 of them are worth exactly 489,637,132,940,100 cents,
    // which Math.floor(subscribed × shares / held) computes one cent short.
    const value = 1_758_438_258;
    const state = stateOf(
      scic({ shareValueCents: value }),
      {
        type: 'AssociateAdmitted',
        data: { associateId: 'b1', name: 'B', personType: 'legal', category: 'beneficiary', collegeCode: null, effectiveDate: '2024-02-01' },
      },
      {
        type: 'SharesSubscribed',
        data: { movementId: 's', associateId: 'b1', shares: 775_261, amountCents: 775_261 * value, paidCents: 775_261 * value, effectiveDate: '2024-02-01' },
      },
    );
    expect(redeemedCapital(state, 'b1', 278_450).nominalCents).toBe(278_450 * value);
  });
});
