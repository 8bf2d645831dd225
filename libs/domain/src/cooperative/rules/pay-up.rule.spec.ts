import { admitted, given, rule, scic, scop, domainError, subscribe, admit } from '../testing';

describe('COOP-PAYUP-QUARTER', () => {
  // A quarter at subscription is the rule of L1947 art. 12: a SCIC (or a SCOP SA, below).
  const coop = [scic(), admitted('e1', 'employee', 10)];

  it('COOP-PAYUP-QUARTER accepts exactly a quarter paid at subscription', () =>
    given(coop)
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 100, effectiveDate: '2024-02-01', paymentDueOn: '2029-02-01' } }]));

  it('COOP-PAYUP-QUARTER: the balance falls due after the statuts delay, fixed when the subscription is decided', () =>
    given(scic({ paymentDelayMonths: 18 }), admitted('e1', 'employee', 10))
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100, on: '2024-08-31' }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 100, effectiveDate: '2024-08-31', paymentDueOn: '2026-02-28' } }]));

  it('COOP-PAYUP-QUARTER refuses one cent less', () =>
    given(coop)
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 99 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER'), 'at least 100 cents'));

  it('COOP-PAYUP-QUARTER rounds the quarter up to the cent', () => {
    const odd = [scic({ shareValueCents: 101 }), admitted('e1', 'employee', 10)];
    given(odd)
      .when(subscribe({ associate: 'e1', shares: 1, paidCents: 26 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 1, amountCents: 101, paidCents: 26, effectiveDate: '2024-02-01', paymentDueOn: '2029-02-01' } }]);
    given(odd)
      .when(subscribe({ associate: 'e1', shares: 1, paidCents: 25 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER'));
  });

  it('COOP-PAYUP-QUARTER applies the higher minimum of the statuts (full payment)', () =>
    given(scic({ minimumPaidAtSubscriptionBp: 10000 }), admitted('e1', 'employee', 10))
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 399 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER')));

  it('COOP-PAYUP-QUARTER applies to the shares subscribed on admission', () =>
    given(scic())
      .when(admit({ id: 'e1', category: 'employee', shares: 4, paidCents: 99 }))
      .thenThrows(rule('COOP-PAYUP-QUARTER')));

  it('COOP-PAYUP-QUARTER: paying more than subscribed makes no sense (INVALID_VALUE)', () =>
    given(coop)
      .when(subscribe({ associate: 'e1', shares: 4, paidCents: 401 }))
      .thenThrows(domainError('INVALID_VALUE')));

  describe('SCOP (L1978 art. 27): shares paid in full; only a SCOP SA takes a quarter, the balance within 3 years', () => {
    it('COOP-PAYUP-QUARTER: a SCOP SAS accepts a subscription paid in full', () =>
      given(scop({ companyForm: 'SAS' }), admitted('e1', 'employee', 10))
        .when(subscribe({ associate: 'e1', shares: 4, paidCents: 400 }))
        .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 400, effectiveDate: '2024-02-01' } }]));

    it('COOP-PAYUP-QUARTER: a SCOP SAS refuses one cent short of full payment, whatever the statuts say', () =>
      given(scop({ companyForm: 'SAS', minimumPaidAtSubscriptionBp: 2500 }), admitted('e1', 'employee', 10))
        .when(subscribe({ associate: 'e1', shares: 4, paidCents: 399 }))
        .thenThrows(rule('COOP-PAYUP-QUARTER'), 'a SCOP SAS takes shares paid in full at subscription (L1978 art. 27): 400 cents'));

    it('COOP-PAYUP-QUARTER: a SCOP SARL refuses an admission not paid in full', () =>
      given(scop({ companyForm: 'SARL' }))
        .when(admit({ id: 'e1', category: 'employee', shares: 4, paidCents: 100 }))
        .thenThrows(rule('COOP-PAYUP-QUARTER'), 'SCOP SARL'));

    it('COOP-PAYUP-QUARTER: a SCOP SA takes exactly a quarter, the balance due within 3 years even when its statuts say 5', () =>
      given(scop({ companyForm: 'SA', paymentDelayMonths: 60 }), admitted('e1', 'employee', 10))
        .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100 }))
        .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 4, amountCents: 400, paidCents: 100, effectiveDate: '2024-02-01', paymentDueOn: '2027-02-01' } }]));

    it('COOP-PAYUP-QUARTER: a SCOP SA refuses one cent below the quarter', () =>
      given(scop({ companyForm: 'SA' }), admitted('e1', 'employee', 10))
        .when(subscribe({ associate: 'e1', shares: 4, paidCents: 99 }))
        .thenThrows(rule('COOP-PAYUP-QUARTER'), 'at least 100 cents'));

    it('COOP-PAYUP-QUARTER: a SCOP SA keeps a shorter delay of its statuts (18 months)', () =>
      given(scop({ companyForm: 'SA', paymentDelayMonths: 18 }), admitted('e1', 'employee', 10))
        .when(subscribe({ associate: 'e1', shares: 4, paidCents: 100 }))
        .thenEmits([{ type: 'SharesSubscribed', data: { paymentDueOn: '2025-08-01' } }]));
  });
});
