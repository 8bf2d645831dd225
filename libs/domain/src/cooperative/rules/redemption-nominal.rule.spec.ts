import { admitted, given, redeem, rule, scic, withdrew } from '../testing';

describe('COOP-REDEMPTION-NOMINAL', () => {
  const left = (paidCents?: number) => [scic(), admitted('b1', 'beneficiary', 300), admitted('x1', 'supporter', 4, { paidCents }), withdrew('x1', '2024-06-01')];

  it('COOP-REDEMPTION-NOMINAL accepts repaying the paid-up nominal, and records what left', () =>
    given(left())
      .when(redeem({ associate: 'x1', shares: 4, amountCents: 400, on: '2024-07-01' }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 4, amountCents: 400, nominalCents: 400, paidCents: 400, effectiveDate: '2024-07-01' } }]));

  it('COOP-REDEMPTION-NOMINAL refuses one cent above the nominal', () =>
    given(left())
      .when(redeem({ associate: 'x1', shares: 4, amountCents: 401, on: '2024-07-01' }))
      .thenThrows(rule('COOP-REDEMPTION-NOMINAL')));

  it('COOP-REDEMPTION-NOMINAL repays only the paid-up part of partly paid shares', () => {
    given(left(100))
      .when(redeem({ associate: 'x1', shares: 4, amountCents: 100, on: '2024-07-01' }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 4, amountCents: 100, nominalCents: 400, paidCents: 100, effectiveDate: '2024-07-01' } }]);
    given(left(100))
      .when(redeem({ associate: 'x1', shares: 4, amountCents: 101, on: '2024-07-01' }))
      .thenThrows(rule('COOP-REDEMPTION-NOMINAL'), '100 cents of paid-up nominal');
  });

  it('COOP-REDEMPTION-NOMINAL accepts less than the nominal (losses charged to capital)', () =>
    given(left())
      .when(redeem({ associate: 'x1', shares: 4, amountCents: 250, on: '2024-07-01' }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 'x1', shares: 4, amountCents: 250, nominalCents: 400, paidCents: 400, effectiveDate: '2024-07-01' } }]));
});
