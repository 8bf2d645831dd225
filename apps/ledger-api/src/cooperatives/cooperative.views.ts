import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/* The shapes GET /v1/cooperatives… answers (libs/projections/src/cooperative-queries.ts), for /openapi.json. */

export class CooperativeSummaryDoc {
  @ApiProperty({ example: 'alpha' }) id!: string;
  @ApiProperty({ example: 'Alpha SCIC' }) name!: string;
  @ApiProperty({ enum: ['SCIC', 'SCOP'] }) legalForm!: string;
  @ApiProperty({ enum: ['SA', 'SAS', 'SARL'] }) companyForm!: string;
  @ApiProperty({ format: 'date', example: '2024-01-15' }) registeredOn!: string;
  @ApiProperty({ type: 'integer', description: 'the cooperative stream’s revision' }) revision!: number;
}

@ApiSchema({ name: 'CooperativeList' })
export class CooperativeListDoc {
  @ApiProperty({ type: [CooperativeSummaryDoc] }) items!: CooperativeSummaryDoc[];
}

export class CollegeViewDoc {
  @ApiProperty({ example: 'workers' }) code!: string;
  @ApiProperty({ example: 'Salariés' }) name!: string;
  @ApiProperty({ type: 'integer', example: 5000 }) weightBp!: number;
}

export class MajorityViewDoc {
  @ApiProperty({ type: 'integer', example: 1 }) numerator!: number;
  @ApiProperty({ type: 'integer', example: 2 }) denominator!: number;
  @ApiProperty({ description: 'true: more than the fraction; false: at least' }) strict!: boolean;
}

export class AssemblyKindRulesViewDoc {
  @ApiProperty({ type: 'integer' }) quorumFirstCallBp!: number;
  @ApiProperty({ type: 'integer' }) quorumSecondCallBp!: number;
  @ApiProperty({ type: MajorityViewDoc }) majority!: MajorityViewDoc;
}

export class AssemblyRulesViewDoc {
  @ApiProperty({ type: AssemblyKindRulesViewDoc }) ordinary!: AssemblyKindRulesViewDoc;
  @ApiProperty({ type: AssemblyKindRulesViewDoc }) extraordinary!: AssemblyKindRulesViewDoc;
}

/** The statuts in force on `asOf` (every default filled in) and the capital then. */
@ApiSchema({ name: 'CooperativeView' })
export class CooperativeViewDoc {
  @ApiProperty({ example: 'alpha' }) id!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ example: 'Alpha SCIC' }) name!: string;
  @ApiProperty({ enum: ['SCIC', 'SCOP'] }) legalForm!: string;
  @ApiProperty({ enum: ['SA', 'SAS', 'SARL'] }) companyForm!: string;
  @ApiProperty({ format: 'date' }) registeredOn!: string;
  @ApiProperty({ type: 'integer' }) shareValueCents!: number;
  @ApiProperty({ type: [CollegeViewDoc], description: 'empty: no collèges, one associate one vote' }) colleges!: CollegeViewDoc[];
  @ApiProperty({ enum: ['proportional', 'majority'] }) collegeCounting!: string;
  @ApiProperty({ type: 'integer' }) minimumPaidAtSubscriptionBp!: number;
  @ApiProperty({ type: 'integer' }) paymentDelayMonths!: number;
  @ApiProperty({ type: 'integer' }) capitalFloorBp!: number;
  @ApiProperty({ type: 'integer' }) redemptionDelayMonths!: number;
  @ApiProperty({ type: 'integer' }) statutoryReserveBp!: number;
  @ApiProperty({ type: AssemblyRulesViewDoc }) assemblyRules!: AssemblyRulesViewDoc;
  @ApiProperty() blankProxyVotesWithBoard!: boolean;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) amorcageConvertedOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'active associates (a withdrawn one awaiting redemption no longer counts)' }) associates!: number;
  @ApiProperty({ type: 'integer' }) shares!: number;
  @ApiProperty({ type: 'integer' }) capitalCents!: number;
  @ApiProperty({ type: 'integer' }) paidUpCents!: number;
}
