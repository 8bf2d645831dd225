import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';

/*
 * The shapes the fiscal-year queries answer (fiscal-year-queries.ts over the domain's
 * allocation-proposal.ts, share-interest.ts, worker-share.ts, reserves.ts, reference/tmo.ts),
 * for /openapi.json. Money in integer cents, rates as decimal strings in percent.
 */

const LEGAL_FORMS = ['SCIC', 'SCOP'];
const INTEREST_MODES = ['yearEnd', 'proRataDays'];
const LOSS_IMPUTATIONS = ['proRataCapitalAndReserves', 'reservesFirst', 'capitalOnly'];

export class FiscalYearResolutionDoc {
  @ApiProperty({ example: 'ago-2025' }) assemblyId!: string;
  @ApiProperty({ example: 'r1' }) resolutionId!: string;
}

/** FiscalYearClosed as recorded. */
export class FiscalYearClosingDoc {
  @ApiProperty({ example: 'alpha' }) coopId!: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year!: number;
  @ApiProperty({ enum: LEGAL_FORMS }) legalForm!: string;
  @ApiProperty({ format: 'date', description: 'the first fiscal year may be short: it starts on registration or on the opening balances’ date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ format: 'date', description: 'the day the accounts were drawn up' }) closedOn!: string;
  @ApiProperty({ type: 'integer', description: 'signed; a SCOP’s before the worker share' }) netResultCents!: number;
  @ApiProperty({ type: 'integer', description: 'SCIC-SUBSIDIES' }) subsidiesCents!: number;
  @ApiProperty({ type: 'integer', description: 'SCOP-EXCLUDED-GAINS (L1978 art. 32)' }) excludedGainsCents!: number;
}

/** `distributableCents` = net result − prior losses − art. 32 gains: what the percentages apply to. */
export class AllocationBaseDoc {
  @ApiProperty({ type: 'integer' }) netResultCents!: number;
  @ApiProperty({ type: 'integer' }) priorLossesCents!: number;
  @ApiProperty({ type: 'integer' }) excludedGainsCents!: number;
  @ApiProperty({ type: 'integer' }) subsidiesCents!: number;
  @ApiProperty({ type: 'integer' }) distributableCents!: number;
}

/** COOP-INTEREST-RATE: the cap and where it came from. */
export class CapRateDoc {
  @ApiProperty({ example: '4.80', description: 'percent, exact decimal (TMO mean + 2 points, not rounded)' }) rate!: string;
  @ApiProperty({ enum: ['tmo', 'published'] }) from!: string;
  @ApiProperty({ type: [Number], example: [2025], description: 'the TMO’s calendar years (from "tmo"), or the AG’s year (from "published")' }) years!: number[];
}

export class ShareInterestRowDoc {
  @ApiProperty({ example: 'ana' }) associateId!: string;
  @ApiProperty({ example: 'Ana Martin' }) name!: string;
  @ApiProperty({ enum: ['natural', 'legal'] }) personType!: string;
  @ApiProperty({ type: 'integer', description: 'the paid-up capital the rate applies to (pro rata of days in proRataDays mode)' }) basisCents!: number;
  @ApiProperty({ type: 'integer', description: 'floored to the cent (an envelope: split by largest remainder)' }) grossCents!: number;
}

export class AllocatedShareInterestDoc {
  @ApiProperty({ enum: INTEREST_MODES }) mode!: string;
  @ApiProperty({ type: [ShareInterestRowDoc] }) rows!: ShareInterestRowDoc[];
}

export class WorkerShareAmountDoc {
  @ApiProperty({ example: 'e1' }) employeeId!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() associateId?: string;
  @ApiProperty({ type: 'integer' }) amountCents!: number;
}

export class ReserveBalancesDoc {
  @ApiProperty({ type: 'integer' }) legalReserveCents!: number;
  @ApiProperty({ type: 'integer', description: 'SCIC: the statutory (impartible) reserve; SCOP: the fonds de développement' }) statutoryReserveCents!: number;
  @ApiProperty({ type: 'integer', description: 'report à nouveau, signed: negative = débiteur' }) retainedEarningsCents!: number;
}

/** The figures the allocation was decided on, and the balances it leaves. */
export class AllocationFiguresDoc {
  @ApiProperty({ type: 'integer', description: 'capital subscribed at the fiscal year’s end' }) capitalCents!: number;
  @ApiProperty({ type: 'integer', description: 'the highest capital ever reached by the fiscal year’s end' }) highestCapitalCents!: number;
  @ApiProperty({ type: ReserveBalancesDoc }) reservesBefore!: ReserveBalancesDoc;
  @ApiProperty({ type: ReserveBalancesDoc }) reservesAfter!: ReserveBalancesDoc;
}

/** SurplusAllocated as recorded: every line in cents, the rate voted, the resolution, and what it was decided on. */
export class SurplusAllocationDoc {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: FiscalYearResolutionDoc }) resolution!: FiscalYearResolutionDoc;
  @ApiProperty({ format: 'date', description: 'the AG’s date' }) heldOn!: string;
  @ApiProperty({ type: AllocationBaseDoc }) base!: AllocationBaseDoc;
  @ApiProperty({ type: 'integer' }) legalReserveCents!: number;
  @ApiProperty({ type: 'integer', description: 'SCIC: the statutory reserve; SCOP: the fonds de développement' }) statutoryReserveCents!: number;
  @ApiProperty({ type: 'integer', description: '0 in a SCIC' }) workerShareCents!: number;
  @ApiProperty({ type: 'integer' }) shareInterestCents!: number;
  @ApiProperty({ type: 'integer' }) retainedEarningsCents!: number;
  @ApiProperty({ type: String, nullable: true, example: '4.80', description: 'the rate voted (percent); null for an envelope or no interest' }) shareInterestRate!: string | null;
  @ApiProperty({ type: CapRateDoc, nullable: true, description: 'the COOP-INTEREST-RATE cap checked; null for a SCOP or without interest' }) capRate!: CapRateDoc | null;
  @ApiProperty({ type: AllocatedShareInterestDoc }) shareInterest!: AllocatedShareInterestDoc;
  @ApiProperty({ type: [WorkerShareAmountDoc], description: 'SCOP: each employee’s part travail' }) workerShare!: WorkerShareAmountDoc[];
  @ApiProperty({ type: AllocationFiguresDoc }) figures!: AllocationFiguresDoc;
}

/** LossAllocated as recorded. */
export class LossAllocationDoc {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: FiscalYearResolutionDoc }) resolution!: FiscalYearResolutionDoc;
  @ApiProperty({ format: 'date' }) heldOn!: string;
  @ApiProperty({ type: 'integer', description: 'the loss, positive' }) lossCents!: number;
  @ApiProperty({ enum: ['retainedEarnings', 'statutoryReserve'] }) loss!: string;
  @ApiProperty({ type: 'integer', description: 'charged to the statutory reserve (at most its balance)' }) statutoryReserveCents!: number;
  @ApiProperty({ type: 'integer', description: 'carried forward as report à nouveau débiteur' }) retainedEarningsCents!: number;
  @ApiProperty({ type: AllocationFiguresDoc }) figures!: AllocationFiguresDoc;
}

@ApiSchema({ name: 'FiscalYear' })
@ApiExtraModels(SurplusAllocationDoc, LossAllocationDoc)
export class FiscalYearDoc {
  @ApiProperty({ type: 'integer', example: 2024 }) year!: number;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ enum: ['open', 'closed', 'allocated'] }) status!: string;
  @ApiProperty({ type: FiscalYearClosingDoc, nullable: true }) closing!: FiscalYearClosingDoc | null;
  @ApiProperty({ type: 'integer', description: 'SCOP: how many employees the worker-share inputs list (0 when none were recorded)' }) employees!: number;
  @ApiProperty({
    nullable: true,
    oneOf: [{ $ref: getSchemaPath(SurplusAllocationDoc) }, { $ref: getSchemaPath(LossAllocationDoc) }],
    description: 'the allocation as recorded (a surplus, or a loss treatment); null before it',
  })
  allocation!: SurplusAllocationDoc | LossAllocationDoc | null;
}

export class AllocationMinimumsDoc {
  @ApiProperty({ type: 'integer' }) legalReserveCents!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'SCIC-STATUTORY-RESERVE; null in a SCOP' }) statutoryReserveCents!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'SCOP-WORKER-SHARE; null in a SCIC' }) workerShareCents!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'SCOP-DEVELOPMENT-FUND; null in a SCIC' }) developmentFundCents!: number | null;
}

export class AllocationMaximaDoc {
  @ApiProperty({ type: 'integer', description: 'the sum of the per-associate floors at the maximum rate, within every amount cap' }) shareInterestCents!: number;
  @ApiProperty({ type: String, nullable: true, example: '4.80', description: 'percent; null when no interest can be allocated' }) shareInterestRate!: string | null;
}

export class AllocationCheckDoc {
  @ApiProperty({ example: 'COOP-LEGAL-RESERVE' }) rule!: string;
  @ApiProperty({ example: 'L1947 art. 16' }) article!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the figure the rule gives, in cents' }) figureCents!: number | null;
  @ApiProperty() detail!: string;
}

@ApiSchema({ name: 'AllocationProposal' })
export class AllocationProposalDoc {
  @ApiProperty({ type: AllocationBaseDoc }) base!: AllocationBaseDoc;
  @ApiProperty({ type: AllocationMinimumsDoc }) minimums!: AllocationMinimumsDoc;
  @ApiProperty({ type: AllocationMaximaDoc }) maxima!: AllocationMaximaDoc;
  @ApiProperty({ type: CapRateDoc, nullable: true, description: 'null for a SCOP, or when no TMO value nor published cap applies' }) capRate!: CapRateDoc | null;
  @ApiProperty({ type: [AllocationCheckDoc], description: 'every rule the allocation is checked against, with its figure' }) checks!: AllocationCheckDoc[];
  @ApiProperty({ description: 'a draft resolution in French: the minimums, the most interest, the rest to the statutory reserve (SCOP: fonds de développement); voted as is, the allocation is accepted' })
  draftResolution!: string;
}

@ApiSchema({ name: 'ShareInterest' })
export class ShareInterestDoc {
  @ApiProperty({ type: String, nullable: true, example: '4.80', description: 'percent: the rate voted, or the one previewed; null for an envelope voted in cents' }) rate!: string | null;
  @ApiProperty({ enum: INTEREST_MODES }) mode!: string;
  @ApiProperty({ type: [ShareInterestRowDoc] }) rows!: ShareInterestRowDoc[];
  @ApiProperty({ type: 'integer' }) totalCents!: number;
}

export class WorkerShareRowDoc {
  @ApiProperty({ example: 'e1' }) employeeId!: string;
  @ApiProperty({ example: 'Camille Martin' }) name!: string;
  @ApiPropertyOptional() associateId?: string;
  @ApiProperty({ description: '3 months’ presence in the fiscal year or 6 months’ seniority at its end' }) eligible!: boolean;
  @ApiPropertyOptional({ description: 'why an employee is not eligible' }) reason?: string;
  @ApiProperty({ type: 'integer', description: 'whole years at the fiscal year’s end' }) seniorityYears!: number;
  @ApiProperty({ type: 'integer', description: 'the statuts’ seniority coefficient (10000 = 1)' }) coefficientBp!: number;
  @ApiProperty({ type: 'integer' }) salaryPartCents!: number;
  @ApiProperty({ type: 'integer' }) hoursPartCents!: number;
  @ApiProperty({ type: 'integer' }) equalPartCents!: number;
  @ApiProperty({ type: 'integer' }) amountCents!: number;
}

@ApiSchema({ name: 'WorkerShare' })
export class WorkerShareDoc {
  @ApiProperty({ type: 'integer' }) totalCents!: number;
  @ApiProperty({ type: [WorkerShareRowDoc], description: 'exact shares floored, the cents left one each by largest remainder, ties by id' }) rows!: WorkerShareRowDoc[];
}

export class ReserveRowDoc extends ReserveBalancesDoc {
  @ApiProperty({ type: 'integer', example: 2024 }) year!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
  @ApiProperty({ type: 'integer' }) highestCapitalCents!: number;
}

@ApiSchema({ name: 'Reserves' })
export class ReservesDoc {
  @ApiProperty({ type: [ReserveRowDoc], description: 'balances after each allocated year’s allocation, by year' }) rows!: ReserveRowDoc[];
}

@ApiSchema({ name: 'RedemptionValue' })
export class RedemptionValueDoc {
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) nominalCents!: number;
  @ApiProperty({ type: 'integer', description: 'one share’s value after losses, floored to the cent' }) perShareCents!: number;
  @ApiProperty({ type: 'integer', description: 'what would be repaid: at most the paid-up capital' }) amountCents!: number;
  @ApiProperty({ type: 'integer', description: 'the associate’s part of the losses' }) lossCents!: number;
  @ApiProperty({ enum: LOSS_IMPUTATIONS, description: 'the statuts’ lossImputationForRedemption' }) method!: string;
}

export class TmoRateViewDoc {
  @ApiProperty({ type: 'integer', example: 2023 }) year!: number;
  @ApiProperty({ enum: [1, 2] }) half!: number;
  @ApiProperty({ example: '3.14', description: 'percent' }) rate!: string;
  @ApiProperty() source!: string;
}

export class TmoCapViewDoc {
  @ApiProperty({ type: 'integer', example: 2025 }) assemblyYear!: number;
  @ApiProperty({ example: '4.80', description: 'percent' }) rate!: string;
  @ApiProperty() source!: string;
}

@ApiSchema({ name: 'Tmo' })
export class TmoDoc {
  @ApiProperty({ type: [TmoRateViewDoc], description: 'half-year means, by (year, half)' }) rates!: TmoRateViewDoc[];
  @ApiProperty({ type: [TmoCapViewDoc], description: 'published caps, by the year of the AG' }) caps!: TmoCapViewDoc[];
}
