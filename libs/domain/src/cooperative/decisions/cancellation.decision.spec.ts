import { evolveAll } from '../evolve';
import { initialState } from '../state';
import { admitted, cancel, cancelled, domainError, given, paidUp, redeemed, scic, stateOf, subscribed, transferred, withdrew } from '../testing';

const base = [scic(), admitted('b1', 'beneficiary', 100), admitted('s1', 'supporter', 10, { paidCents: 250 })];

/** Cancelling `movement` must give back the holdings as they were without it. */
function expectReversal(before: Parameters<typeof stateOf>, movement: Parameters<typeof cancelled>[0]) {
  const [event] = given(before, movement)
    .when(cancel((movement.data as { movementId: string }).movementId))
    .events();
  const after = evolveAll(stateOf(before, movement), [event]);
  const without = stateOf(before);
  for (const id of ['b1', 's1']) {
    expect(after.associates[id]).toMatchObject({ shares: without.associates[id].shares, subscribedCents: without.associates[id].subscribedCents, paidUpCents: without.associates[id].paidUpCents });
  }
  expect(after.totals).toEqual(without.totals);
  return event;
}

describe('CancelCapitalMovement', () => {
  it('cancels a subscription, dated as the subscription', () => {
    const event = expectReversal([base], subscribed('s1', 5, { on: '2024-03-01', movementId: 'sub-1' }));
    expect(event).toEqual({ type: 'CapitalMovementCancelled', data: { movementId: 'sub-1', cancelledType: 'SharesSubscribed', reason: 'entered by mistake', effectiveDate: '2024-03-01' } });
  });

  it('cancels a payment', () => {
    expectReversal([base], paidUp('s1', 500, '2024-03-01'));
  });

  it('cancels a redemption', () => {
    expectReversal([base, withdrew('s1', '2024-03-01')], redeemed('s1', 10, '2024-04-01'));
  });

  it('cancels a transfer', () => {
    expectReversal([base], transferred('b1', 's1', 5, '2024-03-01'));
  });

  it('refuses to cancel a cancelled movement (INVALID_STATE) or an unknown one (NOT_FOUND)', () => {
    const sub = subscribed('s1', 5, { on: '2024-03-01', movementId: 'sub-1' });
    given(base, sub, cancelled(sub)).when(cancel('sub-1')).thenThrows(domainError('INVALID_STATE'), 'already cancelled');
    given(base).when(cancel('nope')).thenThrows(domainError('NOT_FOUND'));
  });

  it('refuses a cancellation without a reason (INVALID_VALUE)', () => given(base).when(cancel('adm-s1', '  ')).thenThrows(domainError('INVALID_VALUE')));

  it('refuses to cancel a subscription whose shares were since transferred (INVALID_STATE)', () =>
    given(base, subscribed('s1', 5, { on: '2024-03-01', movementId: 'sub-1' }), transferred('s1', 'b1', 12, '2024-04-01'))
      .when(cancel('sub-1'))
      .thenThrows(domainError('INVALID_STATE'), /s1 with -2 shares .* on 2024-04-01/));

  it('refuses to cancel a subscription whose shares were since redeemed (INVALID_STATE)', () =>
    given(base, withdrew('s1', '2024-03-01'), redeemed('s1', 10, '2024-04-01'))
      .when(cancel('adm-s1'))
      .thenThrows(domainError('INVALID_STATE')));

  it('refuses to cancel a payment that a later redemption repaid (INVALID_STATE)', () =>
    given(base, paidUp('s1', 750, '2024-02-15', 'pay-1'), withdrew('s1', '2024-03-01'), redeemed('s1', 10, '2024-04-01'))
      .when(cancel('pay-1'))
      .thenThrows(domainError('INVALID_STATE')));

  it('judges holdings in effective order: refused when shares were short on a past date, though holdings today would stay positive', () =>
    given(base, subscribed('s1', 5, { on: '2024-03-01', movementId: 'sub-a' }), transferred('s1', 'b1', 12, '2024-04-01'), subscribed('s1', 5, { on: '2024-05-01', movementId: 'sub-b' }))
      .when(cancel('sub-a'))
      .thenThrows(domainError('INVALID_STATE'), 'on 2024-04-01'));

  it('a cancelled subscription no longer counts toward the highest capital reached', () => {
    const sub = subscribed('b1', 900, { on: '2024-03-01', movementId: 'big' });
    expect(evolveAll(initialState(), [...base.flat(), sub, cancelled(sub)]).highestCapitalCents).toBe(11000);
  });
});
