import { IsoDate } from '../shared/dates';
import { Category, LateRecording, PersonType, ResolutionRef, WithdrawalReason } from './events';
import type { ResolutionRecord } from '../assembly/adopted-resolution';
import { StatutsInput } from './statuts';
import type { ReserveBalances } from '../fiscal-year/fiscal-year-events';

/**
 * A period already relied on (an assembly's voter list, a fiscal year's accounts): acts dated on
 * or before `through` are in it. The write path fills it from the other streams; `by` names the
 * closing act (e.g. `assembly ag-2025`).
 */
export interface ClosedPeriod {
  readonly through: IsoDate;
  readonly by: string;
}

/** What every dated command may carry besides its own fields (see LEDGER-PERIOD-CLOSED). */
export interface DatedAct {
  closedPeriods?: ClosedPeriod[];
  lateRecording?: LateRecording;
}

/**
 * Commands on the cooperative stream. Ids that the decider must put in events
 * (`movementId`) come in with the command: the domain has no clock and no randomness.
 */
export type CooperativeCommand =
  | { type: 'AdoptStatuts'; coopId: string; statuts: StatutsInput }
  | ({
      type: 'AmendStatuts';
      effectiveDate: IsoDate;
      changes: Partial<StatutsInput>;
      resolution: ResolutionRef;
      /** What the assembly stream says of that resolution, read by the write path (see assembly/adopted-resolution.ts). */
      adoption: ResolutionRecord | null;
    } & DatedAct)
  | ({
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
      /** SCOP-VOTES-65: a legal person that is itself a cooperative society (the 49 % tier). Default false. */
      cooperativeSociety?: boolean;
      movementId: string;
    } & DatedAct)
  | ({ type: 'SubscribeShares'; associateId: string; shares: number; paidCents?: number; effectiveDate: IsoDate; movementId: string } & DatedAct)
  | ({ type: 'PayUpShares'; associateId: string; amountCents: number; effectiveDate: IsoDate; movementId: string } & DatedAct)
  | ({ type: 'ChangeCategory'; associateId: string; category: Category; effectiveDate: IsoDate } & DatedAct)
  | ({ type: 'ChangeCollege'; associateId: string; collegeCode: string; effectiveDate: IsoDate } & DatedAct)
  | ({ type: 'WithdrawAssociate'; associateId: string; reason: WithdrawalReason; effectiveDate: IsoDate } & DatedAct)
  | ({
      type: 'RedeemShares';
      associateId: string;
      shares: number;
      amountCents: number;
      effectiveDate: IsoDate;
      movementId: string;
      /** The reserves and report à nouveau known on the date, loaded by the write path from the fiscal years (COOP-REDEMPTION-NOMINAL after losses). */
      reservesAsOf?: ReserveBalances;
    } & DatedAct)
  | ({ type: 'TransferShares'; fromAssociateId: string; toAssociateId: string; shares: number; effectiveDate: IsoDate; movementId: string } & DatedAct)
  | ({ type: 'CancelCapitalMovement'; movementId: string; reason: string } & DatedAct)
  | ({
      type: 'RecordOpeningBalances';
      /** The first day of the first fiscal year the ledger handles (`asOf` over HTTP). */
      effectiveDate: IsoDate;
      legalReserveCents: number;
      statutoryReserveCents: number;
      /** Signed: negative = report à nouveau débiteur. */
      retainedEarningsCents: number;
      highestCapitalCents?: number;
    } & DatedAct);

export type CooperativeCommandType = CooperativeCommand['type'];
export type CommandOf<T extends CooperativeCommandType> = Extract<CooperativeCommand, { type: T }>;
export type CooperativeCommandOf<T extends CooperativeCommandType> = CommandOf<T>;
