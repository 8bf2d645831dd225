import type { PersonType, ResolutionRef } from '../cooperative/events';
import type { LegalForm } from '../cooperative/statuts';
import { IsoDate } from '../shared/dates';

/**
 * Events of the `fiscalyear-<coopId>.<year>` stream: the year's result and what the AG made of
 * it. Money in integer cents, rates as decimal strings in percent ("3.14"), dates ISO. What an
 * allocation was decided on (capital, reserves before it, each associate's interest, each
 * employee's part travail) is recorded in it, so that a reader years later — the journal, the
 * FEC, an auditor — needs no other stream to know what was decided.
 */
export type FiscalYearEvent =
  | {
      type: 'FiscalYearClosed';
      /**
       * startsOn / endsOn: the fiscal year as the statuts in force drew it (the first one may be
       * short: it starts on registration or on the opening balances' date). netResultCents is
       * signed (a SCOP's before the worker share); excludedGainsCents: SCOP-EXCLUDED-GAINS (L1978
       * art. 32); subsidiesCents: SCIC-SUBSIDIES.
       */
      data: { coopId: string; year: number; legalForm: LegalForm; startsOn: IsoDate; endsOn: IsoDate; closedOn: IsoDate; netResultCents: number; subsidiesCents: number; excludedGainsCents: number };
    }
  | { type: 'WorkerShareInputsRecorded'; data: { year: number; employees: WorkerShareEmployee[] } }
  | {
      type: 'SurplusAllocated';
      data: {
        year: number;
        resolution: ResolutionRef;
        /** The AG's date: the allocation's journal entry is dated on it. */
        heldOn: IsoDate;
        base: AllocationBase;
        legalReserveCents: number;
        /** SCIC: the statutory reserve; SCOP: the fonds de développement. */
        statutoryReserveCents: number;
        workerShareCents: number;
        shareInterestCents: number;
        retainedEarningsCents: number;
        /** The rate voted (percent), or null when an envelope or no interest was voted. */
        shareInterestRate: string | null;
        /** The cap of COOP-INTEREST-RATE the allocation was checked against; null for a SCOP or without interest. */
        capRate: CapRate | null;
        shareInterest: { mode: ShareInterestMode; rows: ShareInterestRow[] };
        workerShare: WorkerShareAmount[];
        figures: AllocationFigures;
      };
    }
  | {
      type: 'LossAllocated';
      data: {
        year: number;
        resolution: ResolutionRef;
        heldOn: IsoDate;
        /** The loss, positive (the net result's opposite). */
        lossCents: number;
        loss: LossTreatment;
        /** Charged to the statutory reserve (at most its balance). */
        statutoryReserveCents: number;
        /** Carried forward as report à nouveau débiteur (what the statutory reserve did not absorb). */
        retainedEarningsCents: number;
        figures: AllocationFigures;
      };
    };

export type LossTreatment = 'retainedEarnings' | 'statutoryReserve';
export type ShareInterestMode = 'yearEnd' | 'proRataDays';

/** One employee of the year as the gérant states them (SCOP-WORKER-SHARE inputs). */
export interface WorkerShareEmployee {
  readonly id: string;
  readonly name: string;
  readonly associateId?: string;
  readonly salaryCents: number;
  readonly hours: number;
  readonly hiredOn: IsoDate;
  readonly leftOn?: IsoDate;
}

/** An employee's part travail as allocated. */
export interface WorkerShareAmount {
  readonly employeeId: string;
  readonly name: string;
  readonly associateId?: string;
  readonly amountCents: number;
}

/** One associate's interest on shares: basisCents is the paid-up capital the rate applies to (pro rata of days when so). */
export interface ShareInterestRow {
  readonly associateId: string;
  readonly name: string;
  readonly personType: PersonType;
  readonly basisCents: number;
  readonly grossCents: number;
}

/** `distributableCents` = net result − prior losses − art. 32 gains: what the percentages apply to. */
export interface AllocationBase {
  readonly netResultCents: number;
  readonly priorLossesCents: number;
  readonly excludedGainsCents: number;
  readonly subsidiesCents: number;
  readonly distributableCents: number;
}

/** COOP-INTEREST-RATE: the cap (percent, exact decimal) and where it came from. */
export interface CapRate {
  readonly rate: string;
  readonly from: 'tmo' | 'published';
  /** The calendar years whose TMO made it (from "tmo"), or the AG's year (from "published"). */
  readonly years: number[];
}

/** Balances of the reserves (report à nouveau signed: negative = débiteur). */
export interface ReserveBalances {
  readonly legalReserveCents: number;
  readonly statutoryReserveCents: number;
  readonly retainedEarningsCents: number;
}

/** The cooperative's figures the allocation was decided on, and the balances it leaves. */
export interface AllocationFigures {
  /** Capital subscribed at the fiscal year's end. */
  readonly capitalCents: number;
  /** The highest capital ever reached by the fiscal year's end (SCOP-LEGAL-RESERVE, COOP-CAPITAL-FLOOR). */
  readonly highestCapitalCents: number;
  readonly reservesBefore: ReserveBalances;
  readonly reservesAfter: ReserveBalances;
}

export type FiscalYearEventType = FiscalYearEvent['type'];
