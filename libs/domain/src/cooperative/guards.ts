import { DomainError } from '../rules/errors';
import { IsoDate, isIsoDate } from '../shared/dates';
import { associateOf, AssociateState, CooperativeState, movementOf } from './state';
import { Statuts } from './statuts';
import { statutsInForce } from './statuts-in-force';

/**
 * Guards that are not law: a command that makes no sense against the state (DomainError).
 * The DTOs catch most of these first; the domain does not rely on them.
 */

export function requireRegistered(state: CooperativeState): Statuts {
  if (state.statuts && state.statutsHistory.length > 0) return state.statuts;
  throw new DomainError('NOT_FOUND', 'the cooperative has no statuts: adopt them first');
}

/** A valid date on or after registration; returns the statuts in force on it. */
export function requireActDate(state: CooperativeState, date: IsoDate, field = 'effectiveDate'): Statuts {
  const { registeredOn } = requireRegistered(state);
  requireDate(date, field);
  requireOnOrAfter(date, registeredOn, field, 'the registration date');
  return statutsInForce(state, date) as Statuts;
}

export function requireDate(date: unknown, field: string): asserts date is IsoDate {
  if (!isIsoDate(date)) throw new DomainError('INVALID_VALUE', `${field} must be a date YYYY-MM-DD, not ${String(date)}`);
}

export function requireOnOrAfter(date: IsoDate, earliest: IsoDate, field: string, what: string): void {
  if (date >= earliest) return;
  throw new DomainError('INVALID_VALUE', `${field} ${date} is before ${what} ${earliest}`);
}

export function requireAssociate(state: CooperativeState, associateId: string): AssociateState {
  const associate = associateOf(state, associateId);
  if (associate) return associate;
  throw new DomainError('NOT_FOUND', `no associate ${associateId} in this cooperative`);
}

export function requireActiveAssociate(state: CooperativeState, associateId: string): AssociateState {
  const associate = requireAssociate(state, associateId);
  if (associate.status === 'active') return associate;
  throw new DomainError('INVALID_STATE', `associate ${associateId} withdrew on ${associate.withdrawnOn}`);
}

/** A whole number of shares, at least one. */
export function requireShareCount(shares: unknown, field = 'shares'): asserts shares is number {
  if (typeof shares === 'number' && Number.isSafeInteger(shares) && shares >= 1) return;
  throw new DomainError('INVALID_VALUE', `${field} must be a whole number of at least 1, not ${String(shares)}`);
}

/** Money is whole cents within Number's safe range (docs/architecture.md, "Money, numbers, dates"). */
export function requireCents(cents: unknown, field: string, least = 0): asserts cents is number {
  if (typeof cents === 'number' && Number.isSafeInteger(cents) && cents >= least) return;
  throw new DomainError('INVALID_VALUE', `${field} must be a whole number of cents of at least ${least} (and a safe integer), not ${String(cents)}`);
}

export function requireText(value: unknown, field: string): asserts value is string {
  if (typeof value === 'string' && value.trim() !== '') return;
  throw new DomainError('INVALID_VALUE', `${field} must not be empty`);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): asserts value is T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return;
  throw new DomainError('INVALID_VALUE', `${field} must be one of ${allowed.join(', ')}, not ${String(value)}`);
}

/** Movement ids come with the command (and are the stored event's id): never reused. */
export function requireNewMovement(state: CooperativeState, movementId: unknown): asserts movementId is string {
  requireText(movementId, 'movementId');
  if (movementOf(state, movementId) === undefined) return;
  throw new DomainError('ALREADY_EXISTS', `capital movement ${movementId} is already recorded`);
}
