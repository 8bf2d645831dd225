import { RuleViolation } from '../../rules/errors';
import { fitsAboveFloor, RedemptionQueue } from '../redemption-queue';

/**
 * COOP-CAPITAL-FLOOR (L1947 art. 13): a redemption may not take the capital below the floor,
 * and exits are repaid in order: the nominal owed to associates who left earlier takes the room
 * first. A refused redemption is suspended, not lost — the exit stays in the pending redemptions.
 */
export function requireRoomAboveFloor(queue: RedemptionQueue, owedAheadCents: number, nominalCents: number): void {
  if (fitsAboveFloor(queue, owedAheadCents, nominalCents)) return;
  const room = Math.max(0, queue.headroomCents);
  throw new RuleViolation(
    'COOP-CAPITAL-FLOOR',
    `the redemption is suspended and waits: ${nominalCents} cents of nominal would leave, but only ${room} cents may leave above the floor of ${queue.floorCents} cents` +
      (owedAheadCents > 0 ? `, and ${owedAheadCents} cents are owed first to associates who left earlier` : '') +
      '; it can be paid once new subscriptions make room',
  );
}
