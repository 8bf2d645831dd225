import { CooperativeCommand } from './commands';
import { admit, admitted, domainError, given, redeem, rule, scic, scop, subscribe, transfer, withdrew } from './testing';

const coop = [scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 3, { paidCents: 100 })];

describe('AdmitAssociate', () => {
  it('records the associate and the shares subscribed on admission, fully paid by default', () =>
    given(scic())
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 3 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'b1', name: 'Associate b1', personType: 'natural', category: 'beneficiary', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'b1', shares: 3, amountCents: 300, paidCents: 300, effectiveDate: '2024-02-01' } },
      ]));

  it('refuses a known associate (ALREADY_EXISTS), a date before registration and no share (INVALID_VALUE)', () => {
    given(coop)
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1 }))
      .thenThrows(domainError('ALREADY_EXISTS'));
    given(coop)
      .when(admit({ id: 'b2', category: 'beneficiary', shares: 1, on: '2024-01-14' }))
      .thenThrows(domainError('INVALID_VALUE'), 'before the registration date');
    given(coop)
      .when(admit({ id: 'b2', category: 'beneficiary', shares: 0 }))
      .thenThrows(domainError('INVALID_VALUE'));
    given(coop)
      .when(admit({ id: 'b2', category: 'beneficiary', shares: 1.5 }))
      .thenThrows(domainError('INVALID_VALUE'));
  });

  it('refuses amounts beyond safe integers (INVALID_VALUE)', () =>
    given(coop)
      .when(admit({ id: 'b2', category: 'beneficiary', shares: 2 ** 50 }))
      .thenThrows(domainError('INVALID_VALUE'), 'safe integer'));

  it('refuses a reused movement id (ALREADY_EXISTS) and a cooperative without statuts (NOT_FOUND)', () => {
    given(coop)
      .when(admit({ id: 'b2', category: 'beneficiary', shares: 1, movementId: 'adm-b1' }))
      .thenThrows(domainError('ALREADY_EXISTS'));
    given()
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1 }))
      .thenThrows(domainError('NOT_FOUND'));
  });
});

describe('SubscribeShares', () => {
  it('refuses a withdrawn associate (INVALID_STATE), an unknown one (NOT_FOUND) and a date before admission (INVALID_VALUE)', () => {
    given(coop, withdrew('b1', '2024-03-01'))
      .when(subscribe({ associate: 'b1', shares: 1, on: '2024-04-01' }))
      .thenThrows(domainError('INVALID_STATE'));
    given(coop)
      .when(subscribe({ associate: 'zz', shares: 1 }))
      .thenThrows(domainError('NOT_FOUND'));
    given(coop)
      .when(subscribe({ associate: 'b1', shares: 1, on: '2024-01-31' }))
      .thenThrows(domainError('INVALID_VALUE'), 'before the admission');
  });
});

describe('PayUpShares', () => {
  const pay = (amountCents: number, associateId = 's1'): CooperativeCommand => ({ type: 'PayUpShares', associateId, amountCents, effectiveDate: '2024-03-01', movementId: 'm-pay' });

  it('records a payment up to the unpaid balance', () =>
    given(coop)
      .when(pay(200))
      .then([{ type: 'SharesPaidUp', data: { movementId: 'm-pay', associateId: 's1', amountCents: 200, effectiveDate: '2024-03-01' } }]));

  it('refuses more than the unpaid balance, or nothing (INVALID_VALUE)', () => {
    given(coop).when(pay(201)).thenThrows(domainError('INVALID_VALUE'), 'only 200 cents left');
    given(coop).when(pay(0)).thenThrows(domainError('INVALID_VALUE'));
  });

  it('lets a withdrawn associate pay what they still owe', () =>
    given(coop, withdrew('s1', '2024-02-15'))
      .when(pay(200))
      .then([{ type: 'SharesPaidUp', data: { movementId: 'm-pay', associateId: 's1', amountCents: 200, effectiveDate: '2024-03-01' } }]));
});

describe('ChangeCategory', () => {
  const change = (associateId: string, category: 'employee' | 'supporter' | 'beneficiary'): CooperativeCommand => ({ type: 'ChangeCategory', associateId, category, effectiveDate: '2024-03-01' });

  it('records the change from one category to another', () =>
    given(coop)
      .when(change('s1', 'beneficiary'))
      .then([{ type: 'CategoryChanged', data: { associateId: 's1', from: 'supporter', to: 'beneficiary', effectiveDate: '2024-03-01' } }]));

  it('SCOP-CAP-51 and SCOP-VOTES-65 are reports when an employee stops being one: accepted', () =>
    given(scop(), admitted('e1', 'employee', 51), admitted('e2', 'employee', 1), admitted('o1', 'supporter', 48))
      .when(change('e1', 'supporter'))
      .then([{ type: 'CategoryChanged', data: { associateId: 'e1', from: 'employee', to: 'supporter', effectiveDate: '2024-03-01' } }]));

  it('refuses the category already held (INVALID_VALUE)', () => given(coop).when(change('s1', 'supporter')).thenThrows(domainError('INVALID_VALUE')));
});

describe('WithdrawAssociate', () => {
  const leave = (on: string): CooperativeCommand => ({ type: 'WithdrawAssociate', associateId: 'b1', reason: 'resignation', effectiveDate: on });

  it('records the exit; voting rights end, the shares wait for redemption', () =>
    given(coop)
      .when(leave('2024-06-30'))
      .then([{ type: 'AssociateWithdrew', data: { associateId: 'b1', reason: 'resignation', effectiveDate: '2024-06-30' } }]));

  it('refuses an exit before admission (INVALID_VALUE) and a second exit (INVALID_STATE)', () => {
    given(coop).when(leave('2024-01-20')).thenThrows(domainError('INVALID_VALUE'));
    given(coop, withdrew('b1', '2024-06-30')).when(leave('2024-07-01')).thenThrows(domainError('INVALID_STATE'));
  });
});

describe('RedeemShares', () => {
  const rich = [scic(), admitted('b1', 'beneficiary', 1000), admitted('s1', 'supporter', 10)];

  it('lets an active associate redeem part of their shares, never all (INVALID_VALUE)', () => {
    given(rich)
      .when(redeem({ associate: 's1', shares: 9 }))
      .then([{ type: 'SharesRedeemed', data: { movementId: 'm-new', associateId: 's1', shares: 9, amountCents: 900, nominalCents: 900, paidCents: 900, effectiveDate: '2024-02-01' } }]);
    given(rich)
      .when(redeem({ associate: 's1', shares: 10 }))
      .thenThrows(domainError('INVALID_VALUE'), 'withdraw first');
  });

  it('refuses more shares than held, and a redemption dated before the exit (INVALID_VALUE)', () => {
    given(rich, withdrew('s1', '2024-06-01'))
      .when(redeem({ associate: 's1', shares: 11, on: '2024-07-01' }))
      .thenThrows(domainError('INVALID_VALUE'));
    given(rich, withdrew('s1', '2024-06-01'))
      .when(redeem({ associate: 's1', shares: 10, on: '2024-05-31' }))
      .thenThrows(domainError('INVALID_VALUE'), 'withdraw first');
  });
});

describe('TransferShares', () => {
  it('moves the paid-up part pro rata, rounded down for the buyer', () =>
    // s1 holds 3 shares (300 cents) with 100 paid: 2 shares carry 66.67 cents paid, 66 move.
    given(coop)
      .when(transfer({ from: 's1', to: 'b1', shares: 2 }))
      .then([{ type: 'SharesTransferred', data: { movementId: 'm-new', fromAssociateId: 's1', toAssociateId: 'b1', shares: 2, amountCents: 200, paidCents: 66, effectiveDate: '2024-02-01' } }]));

  it('refuses the whole holding of an associate who stays one (COOP-ONE-SHARE); part of it takes its paid-up part pro rata, rounded down', () => {
    given(coop)
      .when(transfer({ from: 's1', to: 'b1', shares: 3 }))
      .thenThrows(rule('COOP-ONE-SHARE'));
    given(coop)
      .when(transfer({ from: 's1', to: 'b1', shares: 2 }))
      .then([{ type: 'SharesTransferred', data: { movementId: 'm-new', fromAssociateId: 's1', toAssociateId: 'b1', shares: 2, amountCents: 200, paidCents: 66, effectiveDate: '2024-02-01' } }]);
  });

  it('refuses a transfer to oneself or of more shares than held (INVALID_VALUE), and to or from a withdrawn associate (INVALID_STATE)', () => {
    given(coop)
      .when(transfer({ from: 'b1', to: 'b1', shares: 1 }))
      .thenThrows(domainError('INVALID_VALUE'));
    given(coop)
      .when(transfer({ from: 's1', to: 'b1', shares: 4 }))
      .thenThrows(domainError('INVALID_VALUE'));
    given(coop, withdrew('b1', '2024-02-01'))
      .when(transfer({ from: 's1', to: 'b1', shares: 1 }))
      .thenThrows(domainError('INVALID_STATE'));
  });
});
