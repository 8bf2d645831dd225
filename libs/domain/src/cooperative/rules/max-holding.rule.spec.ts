import { admit, admitted, given, REGISTERED_ON, rule, scic, scop, subscribe, transfer, transferred } from '../testing';

/** Shares are 1 € each; admissions on 2024-02-01, after the registration date (2024-01-15). */
describe('SCOP-MAX-HOLDING', () => {
  const three = [scop(), admitted('e1', 'employee', 5), admitted('e2', 'employee', 9), admitted('e3', 'employee', 7)];

  it('SCOP-MAX-HOLDING accepts a subscription that takes the associate to exactly half of the capital', () =>
    // e1 5 + 11 = 16 of 21 + 11 = 32: exactly ½.
    given(three)
      .when(subscribe({ associate: 'e1', shares: 11 }))
      .thenEmits([{ type: 'SharesSubscribed', data: { associateId: 'e1', shares: 11 } }]));

  it('SCOP-MAX-HOLDING refuses a subscription that takes the associate one share above half', () =>
    // e1 5 + 12 = 17 of 33 > ½.
    given(three)
      .when(subscribe({ associate: 'e1', shares: 12 }))
      .thenThrows(rule('SCOP-MAX-HOLDING'), 'e1 would hold 1700 cents (17.00 €) of a capital of 3300 cents'));

  it('SCOP-MAX-HOLDING judges a transfer on the associate who receives: 10 of 21 accepted, 11 of 21 refused', () => {
    given(three)
      .when(transfer({ from: 'e3', to: 'e1', shares: 5 }))
      .thenEmits([{ type: 'SharesTransferred', data: { toAssociateId: 'e1', shares: 5 } }]);
    given(three)
      .when(transfer({ from: 'e3', to: 'e1', shares: 6 }))
      .thenThrows(rule('SCOP-MAX-HOLDING'), 'e1 would hold 1100 cents');
  });

  it('SCOP-MAX-HOLDING judges a newcomer too: an admission above half is refused', () =>
    given(three)
      .when(admit({ id: 'n1', category: 'employee', shares: 22 }))
      .thenThrows(rule('SCOP-MAX-HOLDING'), 'n1 would hold 2200 cents'));

  it('SCOP-MAX-HOLDING does not refuse the first associate to hold shares: no one else holds any yet', () =>
    given(scop())
      .when(admit({ id: 'e1', category: 'employee', shares: 10 }))
      .thenEmits([
        { type: 'AssociateAdmitted', data: { associateId: 'e1' } },
        { type: 'SharesSubscribed', data: { associateId: 'e1', shares: 10 } },
      ]));

  it('SCOP-MAX-HOLDING judges the founding subscriptions together at the end of the registration date: not refused on that day, refused the day after', () => {
    const founders = [scop(), admitted('f1', 'employee', 1, { on: REGISTERED_ON }), admitted('f2', 'employee', 1, { on: REGISTERED_ON })];
    given(founders)
      .when(subscribe({ associate: 'f1', shares: 10, on: REGISTERED_ON }))
      .thenEmits([{ type: 'SharesSubscribed', data: { associateId: 'f1', shares: 10 } }]);
    given(founders)
      .when(subscribe({ associate: 'f1', shares: 10, on: '2024-01-16' }))
      .thenThrows(rule('SCOP-MAX-HOLDING'));
  });

  it('SCOP-MAX-HOLDING is waived for the 7 years counted from a conversion (SCOP-AMORCAGE): the day before they end accepted, the day they end refused', () => {
    const converted = [scop({ amorcageConvertedOn: '2024-01-15' }), admitted('e1', 'employee', 5), admitted('e2', 'employee', 9), admitted('e3', 'employee', 7)];
    given(converted)
      .when(subscribe({ associate: 'e1', shares: 100, on: '2031-01-14' }))
      .thenEmits([{ type: 'SharesSubscribed', data: { associateId: 'e1', shares: 100 } }]);
    given(converted)
      .when(subscribe({ associate: 'e1', shares: 100, on: '2031-01-15' }))
      .thenThrows(rule('SCOP-MAX-HOLDING'));
  });

  it('SCOP-MAX-HOLDING holds on every later date: a back-dated subscription that makes a later transfer take its receiver above half is refused, naming it', () =>
    // e1 5 (+2 on 02-15) then receives 5 on 03-01: 12 of 23 > ½; without the back-dated act 10 of 21.
    given(three, transferred('e3', 'e1', 5, '2024-03-01', 'tr-1'))
      .when(subscribe({ associate: 'e1', shares: 2, on: '2024-02-15' }))
      .thenThrows(rule('SCOP-MAX-HOLDING'), /tr-1 \(SharesTransferred, effective 2024-03-01\), already recorded, break SCOP-MAX-HOLDING on 2024-03-01: e1 would hold 1200 cents/));

  it('SCOP-MAX-HOLDING does not apply to a SCIC', () =>
    given(scic(), admitted('b1', 'beneficiary', 1), admitted('b2', 'beneficiary', 1))
      .when(subscribe({ associate: 'b1', shares: 10 }))
      .thenEmits([{ type: 'SharesSubscribed', data: { associateId: 'b1', shares: 10 } }]));
});
