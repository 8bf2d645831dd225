import { DomainError } from '../../rules/errors';
import { CommandOf } from '../commands';
import { CooperativeEvent } from '../events';
import { requireRegistered, requireText } from '../guards';
import { requireShareWhileActive } from '../rules/one-share.rule';
import { CooperativeState, MovementState, movementOf } from '../state';

/**
 * A correcting event for a capital movement recorded by mistake: the original stays, the auditor
 * sees both, and the cancellation takes the original's effective date so that, as of any date,
 * the mistake never happened. No capital rule is re-applied: the cancellation states what was
 * true all along, and whatever breach that reveals is for the compliance report.
 */
export function cancelCapitalMovement(cmd: CommandOf<'CancelCapitalMovement'>, state: CooperativeState): CooperativeEvent[] {
  requireRegistered(state);
  requireText(cmd.movementId, 'movementId');
  const movement = movementOf(state, cmd.movementId);
  if (!movement) throw new DomainError('NOT_FOUND', `no capital movement ${cmd.movementId} in this cooperative`);
  if (movement.cancelled) throw new DomainError('INVALID_STATE', `capital movement ${cmd.movementId} is already cancelled`);
  requireText(cmd.reason, 'reason');
  requireHoldingsWithout(state, movement);
  requireSharesLeftWithout(state, movement);
  return [
    {
      type: 'CapitalMovementCancelled',
      data: { movementId: movement.movementId, cancelledType: movement.type, reason: cmd.reason, effectiveDate: movement.effectiveDate },
    },
  ];
}

/**
 * Reversing a movement must leave every holding it touched whole at every date from then on:
 * shares bought and since sold or redeemed cannot be un-bought. The movements of each associate
 * concerned are replayed in effective order without the one cancelled; shares, nominal and
 * paid-up capital must never go negative, and paid-up may not end above nominal.
 */
function requireHoldingsWithout(state: CooperativeState, cancelled: MovementState): void {
  const concerned = [cancelled.associateId, cancelled.toAssociateId].filter((id): id is string => id !== null);
  for (const associateId of concerned) {
    const holding = { shares: 0, nominalCents: 0, paidCents: 0 };
    for (const m of movementsOf(state, associateId, cancelled.movementId)) {
      const sign = m.type === 'SharesRedeemed' || (m.type === 'SharesTransferred' && m.associateId === associateId) ? -1 : 1;
      holding.shares += sign * m.shares;
      holding.nominalCents += sign * (m.type === 'SharesPaidUp' ? 0 : m.type === 'SharesRedeemed' ? m.nominalCents : m.amountCents);
      holding.paidCents += sign * m.paidCents;
      if (holding.shares < 0 || holding.nominalCents < 0 || holding.paidCents < 0) {
        throw new DomainError(
          'INVALID_STATE',
          `cancelling ${cancelled.movementId} would leave ${associateId} with ${holding.shares} shares (${holding.paidCents} cents paid up) on ${m.effectiveDate}, ` +
            `since ${m.movementId} (${m.type}) moved them afterwards: cancel that movement first`,
        );
      }
    }
    if (holding.paidCents > holding.nominalCents) {
      throw new DomainError(
        'INVALID_STATE',
        `cancelling ${cancelled.movementId} would leave ${associateId} with ${holding.paidCents} cents paid up on ${holding.nominalCents} cents subscribed: cancel the payments that followed first`,
      );
    }
  }
}

/**
 * COOP-ONE-SHARE: an active associate keeps a share once the movement is undone — cancelling the
 * subscription that made someone an associate is cancelling the admission, which has no command.
 */
function requireSharesLeftWithout(state: CooperativeState, cancelled: MovementState): void {
  const losing = cancelled.type === 'SharesSubscribed' ? cancelled.associateId : cancelled.type === 'SharesTransferred' ? cancelled.toAssociateId : null;
  if (losing === null || !state.associates[losing]) return;
  const holder = state.associates[losing];
  requireShareWhileActive({ ...holder, shares: holder.shares - cancelled.shares }, cancelled.effectiveDate, `cancelling ${cancelled.movementId}`);
}

/** The associate's standing movements but one, by effective date then recording order. */
function movementsOf(state: CooperativeState, associateId: string, except: string): MovementState[] {
  return state.movementOrder
    .map((id, index) => ({ m: state.movements[id], index }))
    .filter(({ m }) => !m.cancelled && m.movementId !== except && (m.associateId === associateId || m.toAssociateId === associateId))
    .sort((a, b) => (a.m.effectiveDate < b.m.effectiveDate ? -1 : a.m.effectiveDate > b.m.effectiveDate ? 1 : a.index - b.index))
    .map(({ m }) => m);
}
