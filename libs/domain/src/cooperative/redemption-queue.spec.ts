import { decide } from './decide';
import { pendingRedemptions } from './redemption-queue';
import { admitted, redeem, scic, stateOf, subscribed, withdrew } from './testing';

describe('COOP-CAPITAL-FLOOR pending redemptions', () => {
  const history = [
    scic({ redemptionDelayMonths: 12 }),
    admitted('b1', 'beneficiary', 20),
    admitted('x1', 'supporter', 60),
    admitted('x2', 'supporter', 20, { paidCents: 500 }),
    withdrew('x2', '2024-05-01', 'end_of_employment'),
    withdrew('x1', '2024-04-01'),
  ];

  it('COOP-CAPITAL-FLOOR lists withdrawn associates in order of exit, with why each waits', () => {
    expect(pendingRedemptions(stateOf(history))).toEqual([
      {
        associateId: 'x1',
        name: 'Associate x1',
        withdrawnOn: '2024-04-01',
        reason: 'resignation',
        shares: 60,
        nominalCents: 6000,
        paidUpCents: 6000,
        redeemableNow: true,
        redeemableNowCents: 6000,
        owedAheadCents: 0,
        waitsFor: null,
        redemptionDeadline: '2025-04-01',
      },
      {
        associateId: 'x2',
        name: 'Associate x2',
        withdrawnOn: '2024-05-01',
        reason: 'end_of_employment',
        shares: 20,
        nominalCents: 2000,
        paidUpCents: 500,
        redeemableNow: false,
        redeemableNowCents: 1500,
        owedAheadCents: 6000,
        waitsFor: 'COOP-CAPITAL-FLOOR',
        redemptionDeadline: '2025-05-01',
      },
    ]);
  });

  it('COOP-CAPITAL-FLOOR: the list and the decider agree, with and without new room', () => {
    for (const events of [history, [...history, subscribed('b1', 10, { on: '2024-06-01' })]]) {
      const state = stateOf(events);
      for (const pending of pendingRedemptions(state)) {
        const full = redeem({ associate: pending.associateId, shares: pending.shares, amountCents: 0, on: '2024-07-01' });
        const accepted = (() => {
          try {
            decide(full, state);
            return true;
          } catch {
            return false;
          }
        })();
        expect({ id: pending.associateId, accepted }).toEqual({ id: pending.associateId, accepted: pending.redeemableNow });
      }
    }
  });

  it('COOP-CAPITAL-FLOOR: an associate leaves the list once fully redeemed', () => {
    const state = stateOf(history, { type: 'SharesRedeemed', data: { movementId: 'r1', associateId: 'x1', shares: 60, amountCents: 6000, effectiveDate: '2024-07-01' } });
    expect(pendingRedemptions(state).map((p) => p.associateId)).toEqual(['x2']);
  });
});
