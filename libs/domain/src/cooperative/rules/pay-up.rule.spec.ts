import { admitted, given, rule, scop, domainError, subscribe, admit } from '../testing';

describe('COOP-PAYUP-QUARTER', () => {
  const coop = [scop(), admitted('e1', 'employee', 10)];

  it('COOP-PAYUP-QUARTER accepts exactly a quarter paid at subscription', () =>
    given(coop)
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 100, effectiveDate: '2024-02-01', paymentDueOn: '2029-02-01' } }]));

  it('COOP-PAYUP-QUARTER: the balance falls due after the statuts delay, fixed when the subscription is decided', () =>
    given(scop({ paymentDelayMonths: 18 }), admitted('e1', 'employee', 10))
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100, on: '2024-08-31' }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 100, effectiveDate: '2024-08-31', paymentDueOn: '2026-02-28' } }]));

  it('COOP-PAYUP-QUARTER refuses one cent less', () =>
    given(coop).when(subscribe({ associate: 'e1', shares: 4, paidCents: 99 })).thenThrows(rule('COOP-PAYUP-QUARTER'), 'at least 100 cents'));

  it('COOP-PAYUP-QUARTER rounds the quarter up to the cent', () => {
    const odd = [scop({ shareValueCents: 101 }), admitted('e1', 'employee', 10)];
    given(odd).when(subscribe({ associate: 'e1', shares: 1, paidCents: 26 })).then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 1, amountCents: 101, paidCents: 26, effectiveDate: '2024-02-01', paymentDueOn: '2029-02-01' } }]);
    given(odd).when(subscribe({ associate: 'e1', shares: 1, paidCents: 25 })).thenThrows(rule('COOP-PAYUP-QUARTER'));
  });

  it('COOP-PAYUP-QUARTER applies the higher minimum of the statuts (full payment)', () =>
    given(scop({ minimumPaidAtSubscriptionBp: 10000 }), admitted('e1', 'employee', 10))
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 399 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER')));

  it('COOP-PAYUP-QUARTER applies to the shares subscribed on admission', () =>
    given(scop()).when(admit({ id: 'e1', category: 'employee', shares: 4, paidCents: 99 })).thenThrows(rule('COOP-PAYUP-QUARTER')));

  it('COOP-PAYUP-QUARTER: paying more than subscribed makes no sense (INVALID_VALUE)', () =>
    given(coop).when(subscribe({ associate: 'e1', shares: 4, paidCents: 401 })).thenThrows(domainError('INVALID_VALUE')));
});
