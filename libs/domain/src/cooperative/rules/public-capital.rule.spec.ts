import { admit, admitted, given, rule, scic, scop, subscribe, transfer } from '../testing';

/** A SCIC whose others hold `others` shares and a public body `publicBody` shares (1 € each). */
function scicWith(shares: { others: number; publicBody: number }) {
  return [scic(), admitted('b1', 'beneficiary', shares.others), admitted('p1', 'public_body', shares.publicBody)];
}

describe('SCIC-PUBLIC-CAPITAL-50', () => {
  it('SCIC-PUBLIC-CAPITAL-50 accepts a public subscription that brings public bodies to exactly 50 %', () =>
    given(scicWith({ others: 50, publicBody: 49 }))
      .when(subscribe({ associate: 'p1', shares: 1 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'p1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } }]));

  it('SCIC-PUBLIC-CAPITAL-50 refuses one share more', () =>
    given(scicWith({ others: 50, publicBody: 50 }))
      .when(subscribe({ associate: 'p1', shares: 1 }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50'), 'would hold 5100 of 10100 cents'));

  it('SCIC-PUBLIC-CAPITAL-50 refuses the admission of a public body beyond half of the capital', () =>
    given(scicWith({ others: 50, publicBody: 0 }))
      .when(admit({ id: 'p2', category: 'public_body', shares: 51 }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50')));

  it('SCIC-PUBLIC-CAPITAL-50 accepts the admission of a public body at exactly half', () =>
    given(scicWith({ others: 50, publicBody: 0 }))
      .when(admit({ id: 'p2', category: 'public_body', shares: 50 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'p2', name: 'Associate p2', personType: 'natural', category: 'public_body', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'p2', shares: 50, amountCents: 5000, paidCents: 5000, effectiveDate: '2024-02-01' } },
      ]));

  it('SCIC-PUBLIC-CAPITAL-50 refuses a transfer to a public body beyond half', () =>
    given(scicWith({ others: 50, publicBody: 50 }))
      .when(transfer({ from: 'b1', to: 'p1', shares: 1 }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50')));

  it('SCIC-PUBLIC-CAPITAL-50 refuses a change of category to public body beyond half', () =>
    given(scicWith({ others: 50, publicBody: 50 }), admitted('x1', 'supporter', 1))
      .when({ type: 'ChangeCategory', associateId: 'x1', category: 'public_body', effectiveDate: '2024-03-01' })
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50')));

  it('SCIC-PUBLIC-CAPITAL-50 accepts a change of category to public body up to exactly half', () =>
    given(scicWith({ others: 50, publicBody: 49 }), admitted('x1', 'supporter', 1))
      .when({ type: 'ChangeCategory', associateId: 'x1', category: 'public_body', effectiveDate: '2024-03-01' })
      .then([{ type: 'CategoryChanged', data: { associateId: 'x1', from: 'supporter', to: 'public_body', effectiveDate: '2024-03-01' } }]));

  it('SCIC-PUBLIC-CAPITAL-50 counts the unredeemed shares of a public body that left', () =>
    given(scicWith({ others: 50, publicBody: 50 }), { type: 'AssociateWithdrew', data: { associateId: 'p1', reason: 'resignation', effectiveDate: '2024-03-01' } })
      .when(admit({ id: 'p2', category: 'public_body', shares: 1, on: '2024-03-02' }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50')));

  it('SCIC-PUBLIC-CAPITAL-50 does not apply to a SCOP', () =>
    given(scop(), admitted('e1', 'employee', 100), admitted('e2', 'employee', 100))
      .when(admit({ id: 'p1', category: 'public_body', shares: 150 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'p1', name: 'Associate p1', personType: 'natural', category: 'public_body', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'p1', shares: 150, amountCents: 15000, paidCents: 15000, effectiveDate: '2024-02-01' } },
      ]));
});
