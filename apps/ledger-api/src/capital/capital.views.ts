import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CATEGORIES, WITHDRAWAL_REASONS } from '@ledger/domain';

/* The shapes the capital queries answer (libs/projections/src/*, libs/domain compliance), for /openapi.json. */

const STATUSES = ['active', 'withdrawn'];

@ApiSchema({ name: 'AssociateView' })
export class AssociateViewDoc {
  @ApiProperty({ example: 'marie-dupont' }) id!: string;
  @ApiProperty({ example: 'Marie Dupont' }) name!: string;
  @ApiProperty({ enum: CATEGORIES }) category!: string;
  @ApiProperty({ type: String, nullable: true }) collegeCode!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: string;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) subscribedCents!: number;
  @ApiProperty({ type: 'integer' }) paidUpCents!: number;
  @ApiProperty() votingRights!: boolean;
  @ApiProperty({ enum: ['natural', 'legal'] }) personType!: string;
  @ApiProperty({ format: 'date' }) admittedOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) withdrawnOn!: string | null;
}

@ApiSchema({ name: 'AssociatesPage' })
export class AssociatesPageDoc {
  @ApiProperty({ type: [AssociateViewDoc] }) items!: AssociateViewDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'the `after` of the next page; null on the last page' }) next!: string | null;
}

export class CapTableTotalsDoc {
  @ApiProperty({ type: 'integer', description: 'active associates' }) associates!: number;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
  @ApiProperty({ type: 'integer' }) paidUpCents!: number;
}

export class CapTableCategoryDoc {
  @ApiProperty({ enum: CATEGORIES }) category!: string;
  @ApiProperty({ type: 'integer' }) associates!: number;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
  @ApiProperty({ type: 'integer', description: 'share of the capital; the column sums to exactly 10000 (largest remainder); a share /compliance also shows is rounded as it rounds it' }) capitalBp!: number;
}

export class CapTableCollegeDoc {
  @ApiProperty({ example: 'workers' }) code!: string;
  @ApiProperty({ type: 'integer' }) weightBp!: number;
  @ApiProperty({ type: 'integer' }) associates!: number;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
}

export class CapTableRowDoc {
  @ApiProperty() associateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: CATEGORIES }) category!: string;
  @ApiProperty({ type: String, nullable: true }) collegeCode!: string | null;
  @ApiProperty({ enum: STATUSES, description: 'a withdrawn associate whose shares await redemption still holds capital' }) status!: string;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
  @ApiProperty({ type: 'integer' }) paidUpCents!: number;
  @ApiProperty({ type: 'integer', description: 'share of the capital; the rows sum to exactly 10000 (largest remainder)' }) capitalBp!: number;
}

@ApiSchema({ name: 'CapTable' })
export class CapTableDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: CapTableTotalsDoc }) totals!: CapTableTotalsDoc;
  @ApiProperty({ type: [CapTableCategoryDoc] }) byCategory!: CapTableCategoryDoc[];
  @ApiProperty({ type: [CapTableCollegeDoc] }) byCollege!: CapTableCollegeDoc[];
  @ApiProperty({ type: [CapTableRowDoc], description: 'one per holder, in order of admission: every row, or one page of them with `limit`' }) rows!: CapTableRowDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'the `after` of the next page (the associateId of this page’s last row); null when no row follows' }) next!: string | null;
}

@ApiSchema({ name: 'CapitalMovement' })
export class CapitalMovementDoc {
  @ApiProperty({ type: 'integer', description: '1..n in recording order over the whole register' }) number!: number;
  @ApiProperty({ description: 'the movement’s event id' }) movementId!: string;
  @ApiProperty({ enum: ['SharesSubscribed', 'SharesPaidUp', 'SharesRedeemed', 'SharesTransferred', 'CapitalMovementCancelled'] }) type!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() associateId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'transfers: the receiving associate' }) toAssociateId!: string | null;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer', description: 'subscriptions and transfers: nominal; payments: the amount paid; redemptions: the refund' }) amountCents!: number;
  @ApiProperty({ type: 'integer' }) paidCents!: number;
  @ApiProperty() cancelled!: boolean;
  @ApiPropertyOptional({ description: 'a cancelled movement: the event that cancelled it' }) cancelledBy?: string;
  @ApiPropertyOptional({ description: 'a cancellation: the movement it cancels' }) cancels?: string;
  @ApiPropertyOptional() reason?: string;
}

@ApiSchema({ name: 'CapitalMovementsPage' })
export class CapitalMovementsPageDoc {
  @ApiProperty({ type: [CapitalMovementDoc] }) items!: CapitalMovementDoc[];
  @ApiProperty({ type: 'integer', nullable: true, description: 'the `after` of the next page; null when this page ends the register' }) next!: number | null;
}

export class ComplianceCheckDoc {
  @ApiProperty({ example: 'SCIC-PUBLIC-CAPITAL-50' }) rule!: string;
  @ApiProperty() article!: string;
  @ApiProperty({ enum: ['ok', 'violation', 'not_applicable'] }) status!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'in `unit`; a bp share is rounded so that comparing it with the threshold reads the status' }) value!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) threshold!: number | null;
  @ApiProperty({ enum: ['bp', 'cents', 'associates', 'categories'], nullable: true }) unit!: string | null;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ format: 'date', description: 'a violation: since when it has lasted' }) since?: string;
  @ApiPropertyOptional({ format: 'date', description: 'the date by which to regularise, where the law gives one' }) deadline?: string;
}

export class LateRecordingDoc {
  @ApiProperty() eventId!: string;
  @ApiProperty({ example: 'SharesPaidUp' }) type!: string;
  @ApiProperty({ format: 'date' }) effectiveDate!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() reason!: string;
}

@ApiSchema({ name: 'ComplianceReport' })
export class ComplianceReportDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ enum: ['compliant', 'non_compliant'] }) status!: string;
  @ApiProperty({ type: [ComplianceCheckDoc] }) checks!: ComplianceCheckDoc[];
  @ApiProperty({ type: [LateRecordingDoc], description: 'acts in force on asOf that were recorded in a period already closed (LEDGER-PERIOD-CLOSED), with the reason given' })
  lateRecordings!: LateRecordingDoc[];
}

export class PendingRedemptionDoc {
  @ApiProperty() associateId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) withdrawnOn!: string;
  @ApiProperty({ enum: WITHDRAWAL_REASONS }) reason!: string;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) nominalCents!: number;
  @ApiProperty({ type: 'integer' }) paidUpCents!: number;
  @ApiProperty({ description: 'the whole holding may be redeemed now without breaching the floor' }) redeemableNow!: boolean;
  @ApiProperty({ type: 'integer' }) redeemableNowCents!: number;
  @ApiProperty({ type: 'integer', description: 'the nominal owed first to associates who left earlier' }) owedAheadCents!: number;
  @ApiProperty({ type: String, enum: ['COOP-CAPITAL-FLOOR'], nullable: true }) waitsFor!: string | null;
  @ApiProperty({ format: 'date' }) redemptionDeadline!: string;
}

@ApiSchema({ name: 'PendingRedemptions' })
export class PendingRedemptionsDoc {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: [PendingRedemptionDoc] }) items!: PendingRedemptionDoc[];
}
