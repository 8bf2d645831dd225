import { CooperativeEventType } from './events';

/*
 * `satisfies Record<…, true>` makes the compiler refuse a list that misses a type of the
 * CooperativeEvent union or names one it does not have: docs/events.md is checked against this
 * list (test/docs.spec.ts), so the catalogue cannot forget an event.
 */
const TYPES = {
  StatutsAdopted: true,
  StatutsAmended: true,
  AssociateAdmitted: true,
  SharesSubscribed: true,
  SharesPaidUp: true,
  CategoryChanged: true,
  CollegeChanged: true,
  AssociateWithdrew: true,
  SharesRedeemed: true,
  SharesTransferred: true,
  CapitalMovementCancelled: true,
  OpeningBalancesRecorded: true,
} as const satisfies Record<CooperativeEventType, true>;

/** Every event type of the `cooperative-<coopId>` stream. */
export const COOPERATIVE_EVENT_TYPES: readonly CooperativeEventType[] = Object.keys(TYPES) as CooperativeEventType[];
