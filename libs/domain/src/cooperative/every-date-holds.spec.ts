import { CooperativeCommand } from './commands';
import { cooperativeDecider } from './cooperative.decider';
import { pendingRedemptions } from './redemption-queue';
import { CHECKPOINT_EVERY, evolveHistory, initialHistory } from './history';
import { admit, admitted, cancel, cancelled, domainError, given, paidUp, redeem, redeemed, rule, scic, scop, stateOf, subscribe, subscribed, transfer, withdrew } from './testing';
import { evolveAll } from './evolve';
import { initialState } from './state';
import { addDays } from '../shared/dates';

/** The reproductions, and the rules they now meet: an act is judged on the history it enters. */
describe('every date holds: a back-dated act is judged as of its date', () => {
  it('refuses a transfer dated before the subscription that gave the shares (no negative holding on any date)', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('a10', 'supporter', 2), subscribed('a10', 8, { on: '2026-03-30' }))
      .when(transfer({ from: 'a10', to: 'b1', shares: 10, on: '2025-01-28' }))
      .thenThrows(domainError('INVALID_VALUE'), 'a10 holds 2 shares'));

  it('refuses a SCOP redemption dated before the subscription that gave the shares', () =>
    given(scop(), admitted('e1', 'employee', 10), admitted('e2', 'employee', 1), subscribed('e2', 5, { on: '2024-06-01' }), withdrew('e2', '2024-07-01'))
      .when(redeem({ associate: 'e2', shares: 5, on: '2024-03-01' }))
      .thenThrows(domainError('INVALID_VALUE'), 'e2 holds 1 shares'));

  it('refuses a payment dated before the subscription it pays', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), subscribed('b1', 75, { on: '2024-06-01', paidCents: 1875 }))
      .when({ type: 'PayUpShares', associateId: 'b1', amountCents: 5000, effectiveDate: '2024-03-01', movementId: 'pay' })
      .thenThrows(domainError('INVALID_VALUE'), 'only 0 cents left to pay up'));

  it('moves with a transfer the paid-up part the seller had on its date, not a payment made after', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 4, { paidCents: 100 }), paidUp('s1', 100, '2024-06-01'))
      .when(transfer({ from: 's1', to: 'b1', shares: 2, on: '2024-03-01' }))
      .then([{ type: 'SharesTransferred', data: { movementId: 'm-new', fromAssociateId: 's1', toAssociateId: 'b1', shares: 2, amountCents: 200, paidCents: 50, effectiveDate: '2024-03-01' } }]));

  it('COOP-REDEMPTION-NOMINAL: refuses a refund of payments made after the redemption date', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 4, { paidCents: 100 }), withdrew('s1', '2024-03-01'), paidUp('s1', 300, '2024-06-01'))
      .when(redeem({ associate: 's1', shares: 4, amountCents: 400, on: '2024-04-01' }))
      .thenThrows(rule('COOP-REDEMPTION-NOMINAL')));

  it('refuses a withdrawal dated before a subscription already recorded, naming it (LEDGER-EVERY-DATE-HOLDS)', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2), subscribed('s1', 3, { on: '2024-06-01', movementId: 'sub-june' }))
      .when({ type: 'WithdrawAssociate', associateId: 's1', reason: 'resignation', effectiveDate: '2024-03-01' })
      .thenThrows(rule('LEDGER-EVERY-DATE-HOLDS'), /sub-june \(SharesSubscribed, effective 2024-06-01\).*s1 withdrew on 2024-03-01/));

  it('refuses a withdrawal dated before a transfer already recorded to the one who leaves', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2), {
      type: 'SharesTransferred',
      data: { movementId: 'tr-1', fromAssociateId: 'b1', toAssociateId: 's1', shares: 2, amountCents: 200, paidCents: 200, effectiveDate: '2024-06-01' },
    })
      .when({ type: 'WithdrawAssociate', associateId: 's1', reason: 'resignation', effectiveDate: '2024-03-01' })
      .thenThrows(rule('LEDGER-EVERY-DATE-HOLDS'), 'tr-1'));

  it('SCIC-PUBLIC-CAPITAL-50: refuses a public body admitted back-dated to a day it would then hold more than half', () =>
    given(scic(), admitted('b1', 'beneficiary', 100), admitted('s1', 'supporter', 100, { on: '2024-06-01' }))
      .when(admit({ id: 'p1', category: 'public_body', shares: 101, on: '2024-03-01' }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50')));

  it('SCIC-PUBLIC-CAPITAL-50: refuses a back-dated act that makes a later public subscription break the cap, naming it', () =>
    given(scic(), admitted('b1', 'beneficiary', 100), admitted('p1', 'public_body', 50), subscribed('p1', 50, { on: '2024-05-01', movementId: 'p1-may' }))
      .when(admit({ id: 'p2', category: 'public_body', shares: 1, on: '2024-04-01' }))
      .thenThrows(rule('SCIC-PUBLIC-CAPITAL-50'), /p1-may \(SharesSubscribed, effective 2024-05-01\)/));

  it('SCOP-CAP-51: refuses a back-dated exit-free act that makes a later outside subscription break it', () =>
    given(scop(), admitted('e1', 'employee', 51), admitted('o1', 'supporter', 1), subscribed('o1', 48, { on: '2024-05-01', movementId: 'o1-may' }))
      .when(transfer({ from: 'e1', to: 'o1', shares: 1, on: '2024-03-01' }))
      .thenThrows(rule('SCOP-CAP-51')));

  it('COOP-CAPITAL-FLOOR: refuses a back-dated exit that would have been owed before a redemption already paid', () =>
    given(scic({ capitalFloorBp: 6000 }), admitted('b1', 'beneficiary', 50), admitted('s1', 'supporter', 25), admitted('s2', 'supporter', 25), withdrew('s2', '2024-03-01'), redeemed('s2', 25, '2024-06-01'))
      .when({ type: 'WithdrawAssociate', associateId: 's1', reason: 'resignation', effectiveDate: '2024-02-15' })
      .thenThrows(rule('COOP-CAPITAL-FLOOR'), /red-s2-2024-06-01 \(SharesRedeemed, effective 2024-06-01\)/));

  it('accepts a back-dated act that leaves every later act possible', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2), subscribed('s1', 3, { on: '2024-06-01' }))
      .when(subscribe({ associate: 's1', shares: 1, on: '2024-03-01' }))
      .then([{ type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 's1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-03-01' } }]));

  it('says an associate is not yet admitted on a date before their admission, rather than not found', () =>
    given(scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2, { on: '2024-06-01' }))
      .when(subscribe({ associate: 's1', shares: 1, on: '2024-03-01' }))
      .thenThrows(domainError('INVALID_VALUE'), 'before the admission of s1'));

  it('keeps movement ids and associate ids unique across dates', () => {
    const history = [scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2, { on: '2024-06-01' })];
    given(history)
      .when(subscribe({ associate: 'b1', shares: 1, on: '2024-03-01', movementId: 'adm-s1' }))
      .thenThrows(domainError('ALREADY_EXISTS'));
    given(history)
      .when(admit({ id: 's1', category: 'supporter', shares: 1, on: '2024-03-01' }))
      .thenThrows(domainError('ALREADY_EXISTS'));
  });
});

describe('COOP-ONE-SHARE: no active associate without a share', () => {
  const coop = [scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 3)];

  it('refuses a transfer of every share of an associate who stays', () =>
    given(coop)
      .when(transfer({ from: 's1', to: 'b1', shares: 3 }))
      .thenThrows(rule('COOP-ONE-SHARE')));

  it('refuses to cancel the only subscription of an active associate (the admission goes with it)', () => given(coop).when(cancel('adm-s1')).thenThrows(rule('COOP-ONE-SHARE'), 'cancel their admission'));

  it('refuses to cancel the first subscription when a later one leaves a gap with no share', () =>
    given(coop, subscribed('s1', 2, { on: '2024-06-01' }))
      .when(cancel('adm-s1'))
      .thenThrows(rule('COOP-ONE-SHARE'), 'on 2024-02-01'));

  it('lets a withdrawn associate be redeemed of every share', () =>
    given(coop, withdrew('s1', '2024-03-01'))
      .when(redeem({ associate: 's1', shares: 3, on: '2024-04-01' }))
      .thenEmits([{ type: 'SharesRedeemed', data: { shares: 3 } }]));
});

describe('exit order', () => {
  it('depends on exit dates and recording order only, never on a cancelled redemption', () => {
    const red = redeemed('s1', 100, '2024-04-01');
    const history = [scic(), admitted('b1', 'beneficiary', 400), admitted('s1', 'supporter', 100), admitted('s2', 'supporter', 100), withdrew('s1', '2024-03-01'), withdrew('s2', '2024-03-01')];
    const queue = (events: unknown[]) => pendingRedemptions(evolveAll(initialState(), (events as never[]).flat(3))).map((p) => [p.associateId, p.owedAheadCents]);
    expect(queue(history)).toEqual([
      ['s1', 0],
      ['s2', 10000],
    ]);
    expect(queue([...history, red, cancelled(red)])).toEqual([
      ['s1', 0],
      ['s2', 10000],
    ]);
    expect(pendingRedemptions(stateOf(history, red, cancelled(red))).map((p) => p.associateId)).toEqual(['s1', 's2']);
  });
});

describe('LEDGER-PERIOD-CLOSED', () => {
  const coop = [scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 3)];
  const closedPeriods = [{ through: '2024-05-20', by: 'assembly ag-2024' }];
  const late = (command: CooperativeCommand, reason?: string): CooperativeCommand => ({ ...command, closedPeriods, ...(reason !== undefined ? { lateRecording: { reason } } : {}) }) as CooperativeCommand;

  it('refuses an act dated in a closed period', () =>
    given(coop)
      .when(late(subscribe({ associate: 's1', shares: 1, on: '2024-05-20' })))
      .thenThrows(rule('LEDGER-PERIOD-CLOSED'), 'assembly ag-2024'));

  it('records it when the command says why, and the event keeps the reason', () =>
    given(coop)
      .when(late(subscribe({ associate: 's1', shares: 1, on: '2024-05-01' }), 'deed found in the archives'))
      .thenEmits([{ type: 'SharesSubscribed', data: { shares: 1, lateRecording: { reason: 'deed found in the archives' } } }]));

  it('refuses an empty reason', () =>
    given(coop)
      .when(late(subscribe({ associate: 's1', shares: 1, on: '2024-05-01' }), ' '))
      .thenThrows(domainError('INVALID_VALUE')));

  it('lets an act after the closed period through', () =>
    given(coop)
      .when(late(subscribe({ associate: 's1', shares: 1, on: '2024-05-21' })))
      .thenEmits([{ type: 'SharesSubscribed' }]));
});

describe('the history the decider keeps', () => {
  it('folds events recorded in any order as the effective-order fold does', () => {
    const events = [scic(), admitted('b1', 'beneficiary', 10), admitted('s1', 'supporter', 2, { on: '2024-06-01' }), subscribed('b1', 5, { on: '2024-03-01' }), paidUp('s1', 0, '2024-07-01')].flat();
    const history = events.reduce(evolveHistory, initialHistory());
    expect(history.timeline.map((e) => e.data.effectiveDate)).toEqual(['2024-01-15', '2024-02-01', '2024-02-01', '2024-03-01', '2024-06-01', '2024-06-01', '2024-07-01']);
    expect(history.associates.b1.shares).toBe(15);
  });

  it('keeps few checkpoints on a long history, and they fold as the history does', () => {
    let history = [scic(), admitted('b1', 'beneficiary', 10)].flat().reduce(evolveHistory, initialHistory());
    const n = CHECKPOINT_EVERY * 20;
    for (let i = 0; i < n; i++) history = evolveHistory(history, subscribed('b1', 1, { on: addDays('2024-02-01', Math.floor(i / 50)), movementId: `m${i}` }));
    expect(history.checkpoints.length).toBeLessThan(12);
    const back = cooperativeDecider.decide(subscribe({ associate: 'b1', shares: 1, on: '2024-06-01', movementId: 'back' }), history);
    history = evolveHistory(history, back[0]);
    expect(history.associates.b1.shares).toBe(10 + n + 1);
  });
});
