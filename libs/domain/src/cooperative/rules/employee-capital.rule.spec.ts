import { admit, admitted, given, rule, scop, subscribe, transfer } from '../testing';

/** A SCOP whose employees hold `employees` shares and outsiders `outsiders` shares (1 € each). */
function scopWith(shares: { employees: number; outsiders: number }, statuts: Parameters<typeof scop>[0] = {}) {
  return [scop(statuts), admitted('e1', 'employee', shares.employees), admitted('e2', 'employee', 1), admitted('o1', 'supporter', shares.outsiders)];
}

describe('SCOP-CAP-51', () => {
  it('SCOP-CAP-51 accepts an outside subscription that leaves employees at exactly 51 %', () =>
    given(scopWith({ employees: 5099, outsiders: 4899 }))
      .when(subscribe({ associate: 'o1', shares: 1 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'o1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } }]));

  it('SCOP-CAP-51 refuses an outside subscription that takes employees just below 51 %', () =>
    given(scopWith({ employees: 5099, outsiders: 4900 }))
      .when(subscribe({ associate: 'o1', shares: 1 }))
      .thenThrows(rule('SCOP-CAP-51'), 'would hold 510000 of 1000100 cents'));

  it('SCOP-CAP-51 refuses the admission of an outsider whose shares take employees below 51 %', () =>
    given(scop(), admitted('e1', 'employee', 50), admitted('e2', 'employee', 1))
      .when(admit({ id: 'o1', category: 'supporter', shares: 50 }))
      .thenThrows(rule('SCOP-CAP-51')));

  it('SCOP-CAP-51 accepts an employee subscription even while employees are below 51 %', () =>
    given(scopWith({ employees: 10, outsiders: 90 }))
      .when(subscribe({ associate: 'e1', shares: 1 }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'e1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } }]));

  it('SCOP-CAP-51 refuses an outside subscription while employees are already below 51 %', () =>
    given(scopWith({ employees: 10, outsiders: 90 }))
      .when(subscribe({ associate: 'o1', shares: 1 }))
      .thenThrows(rule('SCOP-CAP-51')));

  it('SCOP-CAP-51 refuses a transfer from an employee to an outsider that takes employees below 51 %', () =>
    given(scopWith({ employees: 50, outsiders: 49 }))
      .when(transfer({ from: 'e1', to: 'o1', shares: 1 }))
      .thenThrows(rule('SCOP-CAP-51')));

  it('SCOP-CAP-51 accepts a transfer from an employee to an outsider that leaves employees at exactly 51 %', () =>
    given(scopWith({ employees: 51, outsiders: 48 }))
      .when(transfer({ from: 'e1', to: 'o1', shares: 1 }))
      .then([{ type: 'SharesTransferred', data: { movementId: 'm-new', fromAssociateId: 'e1', toAssociateId: 'o1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } }]));

  it("SCOP-CAP-51 accepts a transfer between outsiders, which leaves the employees' share as it was", () =>
    given(scopWith({ employees: 10, outsiders: 90 }), admitted('o2', 'supporter', 1))
      .when(transfer({ from: 'o1', to: 'o2', shares: 5 }))
      .then([{ type: 'SharesTransferred', data: { movementId: 'm-new', fromAssociateId: 'o1', toAssociateId: 'o2', shares: 5, amountCents: 500, paidCents: 500, effectiveDate: '2024-02-01' } }]));
});

describe('SCOP-AMORCAGE', () => {
  // Converted in 2024: the cooperators have until 31 December of the 7th year after, 2031-12-31.
  const amorcage = { amorcageConvertedOn: '2024-01-15' };

  it('SCOP-AMORCAGE accepts an outside majority of the capital within the period', () =>
    // o2 receives the shares and stays within half of the capital (SCOP-MAX-HOLDING, whose waiver ended on 2031-01-15).
    given(scopWith({ employees: 10, outsiders: 90 }, amorcage), admitted('o2', 'supporter', 1))
      .when(subscribe({ associate: 'o2', shares: 100, on: '2031-12-31' }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'o2', shares: 100, amountCents: 10000, paidCents: 10000, effectiveDate: '2031-12-31' } }]));

  it('SCOP-AMORCAGE refuses it the day after the deadline: SCOP-CAP-51 applies again', () =>
    given(scopWith({ employees: 10, outsiders: 90 }, amorcage))
      .when(subscribe({ associate: 'o1', shares: 1, on: '2032-01-01' }))
      .thenThrows(rule('SCOP-CAP-51')));

  it('SCOP-AMORCAGE: an ordinary SCOP has no period at all', () =>
    given(scopWith({ employees: 10, outsiders: 90 }))
      .when(subscribe({ associate: 'o1', shares: 1, on: '2024-02-01' }))
      .thenThrows(rule('SCOP-CAP-51')));
});
