import { RuleViolation } from '../../rules/errors';
import { IsoDate } from '../../shared/dates';
import { AssociateState } from '../state';

/**
 * COOP-ONE-SHARE (L1947 art. 11; model statuts): one is an associate by holding at least one
 * share — admission is the first subscription. An act that would leave an active associate with
 * none (all their shares transferred, their only subscription cancelled) is refused: the way
 * out of the cooperative is a withdrawal, after which the shares wait for their redemption.
 */
export function requireShareWhileActive(associate: Pick<AssociateState, 'id' | 'status' | 'shares'>, date: IsoDate, act: string): void {
  if (associate.status !== 'active' || associate.shares >= 1) return;
  throw new RuleViolation(
    'COOP-ONE-SHARE',
    `${act} would leave ${associate.id}, still an associate, with ${associate.shares} shares on ${date}; an associate holds at least one share: withdraw them first (or cancel their admission with their only subscription)`,
  );
}
