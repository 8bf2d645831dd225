import { IsoDate } from '../shared/dates';
import { Statuts } from './statuts';

export type Category = 'employee' | 'beneficiary' | 'producer' | 'volunteer' | 'public_body' | 'supporter' | 'other';
export const CATEGORIES: readonly Category[] = ['employee', 'beneficiary', 'producer', 'volunteer', 'public_body', 'supporter', 'other'];
export type PersonType = 'natural' | 'legal';
export type WithdrawalReason = 'resignation' | 'exclusion' | 'death' | 'end_of_employment' | 'other';
export const WITHDRAWAL_REASONS: readonly WithdrawalReason[] = ['resignation', 'exclusion', 'death', 'end_of_employment', 'other'];

/** Why an act dated in a closed period was recorded anyway (LEDGER-PERIOD-CLOSED). */
export interface LateRecording {
  readonly reason: string;
}

export interface ResolutionRef {
  readonly assemblyId: string;
  readonly resolutionId: string;
}

/**
 * Events of the `cooperative-<coopId>` stream. Data is plain JSON; business dates
 * (`effectiveDate`) are data, the recording time is metadata.
 *
 * Capital movements (SharesSubscribed, SharesPaidUp, SharesRedeemed, SharesTransferred)
 * carry a `movementId`, which is also the stored event's id, so a cancellation can name it.
 *
 * `lateRecording` (every event but StatutsAdopted, optional): the reason given for recording an
 * act dated in a period already closed by an assembly or a fiscal year (LEDGER-PERIOD-CLOSED).
 */
export type CooperativeEvent =
  | { type: 'StatutsAdopted'; data: { coopId: string; statuts: Statuts; effectiveDate: IsoDate } }
  | { type: 'StatutsAmended'; data: { statuts: Statuts; changes: Record<string, unknown>; resolution: ResolutionRef; effectiveDate: IsoDate; lateRecording?: LateRecording } }
  | {
      type: 'AssociateAdmitted';
      /** cooperativeSociety (SCOP-VOTES-65): present, true, only for a legal person that is itself a cooperative society. */
      data: { associateId: string; name: string; personType: PersonType; category: Category; collegeCode: string | null; cooperativeSociety?: true; effectiveDate: IsoDate; lateRecording?: LateRecording };
    }
  | {
      type: 'SharesSubscribed';
      /**
       * paymentDueOn (COOP-PAYUP-QUARTER): when the unpaid balance falls due, fixed when the
       * subscription was decided, under the statuts in force on its effective date; absent when
       * fully paid (and on events recorded before the field existed: then derived on replay).
       */
      data: { movementId: string; associateId: string; shares: number; amountCents: number; paidCents: number; effectiveDate: IsoDate; lateRecording?: LateRecording; paymentDueOn?: IsoDate };
    }
  | { type: 'SharesPaidUp'; data: { movementId: string; associateId: string; amountCents: number; effectiveDate: IsoDate; lateRecording?: LateRecording } }
  | { type: 'CategoryChanged'; data: { associateId: string; from: Category; to: Category; effectiveDate: IsoDate; lateRecording?: LateRecording } }
  | { type: 'CollegeChanged'; data: { associateId: string; from: string | null; to: string; effectiveDate: IsoDate; lateRecording?: LateRecording } }
  | { type: 'AssociateWithdrew'; data: { associateId: string; reason: WithdrawalReason; effectiveDate: IsoDate; lateRecording?: LateRecording } }
  | {
      type: 'SharesRedeemed';
      /**
       * amountCents: the refund. nominalCents / paidCents: the nominal and paid-up capital that left,
       * as decided; recorded so that folding in effective order (which may differ from recording
       * order) applies the same facts. Optional for events written before they existed: evolve then
       * recomputes them from the holding.
       */
      data: { movementId: string; associateId: string; shares: number; amountCents: number; nominalCents?: number; paidCents?: number; effectiveDate: IsoDate; lateRecording?: LateRecording };
    }
  | {
      type: 'SharesTransferred';
      /** paidCents: the paid-up part that moves with the shares (pro rata of the seller's paid-up capital). */
      data: { movementId: string; fromAssociateId: string; toAssociateId: string; shares: number; amountCents: number; paidCents: number; effectiveDate: IsoDate; lateRecording?: LateRecording };
    }
  | {
      type: 'OpeningBalancesRecorded';
      /**
       * A ledger that starts in a cooperative's life: the reserves and report à nouveau (signed,
       * negative = débiteur) on `effectiveDate`, the first day of the first fiscal year the ledger
       * handles, and the highest capital reached before it (COOP-CAPITAL-FLOOR, SCOP-LEGAL-RESERVE),
       * when it was higher than the capital the register shows.
       */
      data: { legalReserveCents: number; statutoryReserveCents: number; retainedEarningsCents: number; highestCapitalCents?: number; effectiveDate: IsoDate; lateRecording?: LateRecording };
    }
  | {
      type: 'CapitalMovementCancelled';
      /** effectiveDate is the cancelled movement's: as of any date, the mistake never happened. */
      data: { movementId: string; cancelledType: CapitalMovementType; reason: string; effectiveDate: IsoDate; lateRecording?: LateRecording };
    };

export type CapitalMovementType = 'SharesSubscribed' | 'SharesPaidUp' | 'SharesRedeemed' | 'SharesTransferred';
export const CAPITAL_MOVEMENT_TYPES: readonly CapitalMovementType[] = ['SharesSubscribed', 'SharesPaidUp', 'SharesRedeemed', 'SharesTransferred'];

export type CooperativeEventType = CooperativeEvent['type'];
export type EventOf<T extends CooperativeEventType> = Extract<CooperativeEvent, { type: T }>;
