import { IsoDate } from '../shared/dates';
import { Category, PersonType, ResolutionRef, WithdrawalReason } from './events';
import { StatutsInput } from './statuts';

/**
 * Commands on the cooperative stream. Ids that the decider must put in events
 * (`movementId`) come in with the command: the domain has no clock and no randomness.
 */
export type CooperativeCommand =
  | { type: 'AdoptStatuts'; coopId: string; statuts: StatutsInput }
  | { type: 'AmendStatuts'; effectiveDate: IsoDate; changes: Partial<StatutsInput>; resolution: ResolutionRef }
  | {
      type: 'AdmitAssociate';
      associateId: string;
      name: string;
      personType: PersonType;
      category: Category;
      collegeCode?: string | null;
      admittedOn: IsoDate;
      shares: number;
      /** Defaults to full payment. */
      paidCents?: number;
      movementId: string;
    }
  | { type: 'SubscribeShares'; associateId: string; shares: number; paidCents?: number; effectiveDate: IsoDate; movementId: string }
  | { type: 'PayUpShares'; associateId: string; amountCents: number; effectiveDate: IsoDate; movementId: string }
  | { type: 'ChangeCategory'; associateId: string; category: Category; effectiveDate: IsoDate }
  | { type: 'ChangeCollege'; associateId: string; collegeCode: string; effectiveDate: IsoDate }
  | { type: 'WithdrawAssociate'; associateId: string; reason: WithdrawalReason; effectiveDate: IsoDate }
  | { type: 'RedeemShares'; associateId: string; shares: number; amountCents: number; effectiveDate: IsoDate; movementId: string }
  | { type: 'TransferShares'; fromAssociateId: string; toAssociateId: string; shares: number; effectiveDate: IsoDate; movementId: string }
  | { type: 'CancelCapitalMovement'; movementId: string; reason: string };

export type CooperativeCommandType = CooperativeCommand['type'];
export type CommandOf<T extends CooperativeCommandType> = Extract<CooperativeCommand, { type: T }>;
