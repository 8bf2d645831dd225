import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { LateRecordingDto, OptionalLateRecording } from '../http/late-recording.dto';
import { CalendarDate, Cents, LedgerId, OptionalBp, OptionalCalendarDate, OptionalLedgerId, OptionalMonths, Text } from '../http/validators';

export class CollegeDto {
  @LedgerId({ example: 'workers' }) code!: string;
  @Text(200, { example: 'Salariés' }) name!: string;
  @OptionalBp({ description: 'weight in basis points; omitted on every collège ⇒ equal weights' }) weightBp?: number;
}

export class MajorityDto {
  @IsInt() @Min(1) @Max(1000) @ApiProperty({ example: 2 }) numerator!: number;
  @IsInt() @Min(1) @Max(1000) @ApiProperty({ example: 3 }) denominator!: number;
  @IsBoolean() @ApiProperty({ description: 'true: more than the fraction; false: at least' }) strict!: boolean;
}

export class AssemblyKindRulesDto {
  @OptionalBp() quorumFirstCallBp?: number;
  @OptionalBp() quorumSecondCallBp?: number;
  @IsOptional() @ValidateNested() @Type(() => MajorityDto) @ApiPropertyOptional({ type: MajorityDto }) majority?: MajorityDto;
}

export class AssemblyRulesDto {
  @IsOptional() @ValidateNested() @Type(() => AssemblyKindRulesDto) @ApiPropertyOptional({ type: AssemblyKindRulesDto }) ordinary?: AssemblyKindRulesDto;
  @IsOptional() @ValidateNested() @Type(() => AssemblyKindRulesDto) @ApiPropertyOptional({ type: AssemblyKindRulesDto }) extraordinary?: AssemblyKindRulesDto;
}

export class ShareInterestClauseDto {
  @IsOptional() @IsBoolean() @ApiPropertyOptional() allowed?: boolean;
  @IsOptional() @IsIn(['yearEnd', 'proRataDays']) @ApiPropertyOptional({ enum: ['yearEnd', 'proRataDays'] }) mode?: 'yearEnd' | 'proRataDays';
}

export class SeniorityStepDto {
  @IsInt() @Min(0) @Max(100) @ApiProperty({ example: 1 }) fromYears!: number;
  @IsInt() @Min(10000) @Max(20000) @ApiProperty({ example: 11000 }) coefficientBp!: number;
}

export class WorkerShareSplitDto {
  @OptionalBp() salaryBp?: number;
  @OptionalBp() hoursBp?: number;
  @OptionalBp() equalBp?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SeniorityStepDto) @ApiPropertyOptional({ type: [SeniorityStepDto] }) seniority?: SeniorityStepDto[];
}

export class SurplusDto {
  @OptionalBp({ description: 'COOP-LEGAL-RESERVE / SCOP-LEGAL-RESERVE (≥ 1500)' }) legalReserveBp?: number;
  @IsOptional() @IsIn(['allReserves', 'legalReserve']) @ApiPropertyOptional({ enum: ['allReserves', 'legalReserve'] }) legalReserveCeiling?: 'allReserves' | 'legalReserve';
  @IsOptional() @IsBoolean() @ApiPropertyOptional() redirectLegalReserveWhenFull?: boolean;
  @OptionalBp({ description: 'SCOP-WORKER-SHARE (≥ 2500; a SCIC: 0)' }) workerShareBp?: number;
  @OptionalBp({ description: 'SCOP-DEVELOPMENT-FUND: the statuts’ minimum' }) developmentFundMinBp?: number;
  @IsOptional() @ValidateNested() @Type(() => ShareInterestClauseDto) @ApiPropertyOptional({ type: ShareInterestClauseDto }) shareInterest?: ShareInterestClauseDto;
  @IsOptional() @ValidateNested() @Type(() => WorkerShareSplitDto) @ApiPropertyOptional({ type: WorkerShareSplitDto }) workerShareSplit?: WorkerShareSplitDto;
  @IsOptional()
  @IsIn(['proRataCapitalAndReserves', 'reservesFirst', 'capitalOnly'])
  @ApiPropertyOptional({ enum: ['proRataCapitalAndReserves', 'reservesFirst', 'capitalOnly'] })
  lossImputationForRedemption?: 'proRataCapitalAndReserves' | 'reservesFirst' | 'capitalOnly';
}

/** The statutory parameters (docs/rules.md); omitted ones take the defaults of libs/domain/src/cooperative/statuts-defaults.ts. */
/** AG-NOTICE: whole days between convocation and AG; never below the company form's legal floor (422). */
export class NoticeDaysDto {
  @IsOptional() @IsInt() @Min(0) @Max(366) @ApiPropertyOptional({ type: 'integer', example: 15, description: 'first call (SA, SARL ≥ 15)' }) firstCall?: number;
  @IsOptional() @IsInt() @Min(0) @Max(366) @ApiPropertyOptional({ type: 'integer', example: 15, description: 'second call (SA ≥ 6, SARL ≥ 15)' }) secondCall?: number;
}

export class StatutsParametersDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => CollegeDto)
  @ApiPropertyOptional({
    type: [CollegeDto],
    description: 'SCIC only; omitted ⇒ one associate one vote, no collèges',
    example: [
      { code: 'workers', name: 'Salariés' },
      { code: 'users', name: 'Usagers' },
      { code: 'supporters', name: 'Soutiens' },
    ],
  })
  colleges?: CollegeDto[];
  @IsOptional() @IsIn(['proportional', 'majority']) @ApiPropertyOptional({ enum: ['proportional', 'majority'] }) collegeCounting?: 'proportional' | 'majority';
  @OptionalBp({ description: 'COOP-PAYUP-QUARTER: least part paid at subscription (≥ 2500)' }) minimumPaidAtSubscriptionBp?: number;
  @OptionalMonths({ description: 'COOP-PAYUP-QUARTER: delay to pay up the balance (≤ 60)' }) paymentDelayMonths?: number;
  @OptionalBp({ description: 'COOP-CAPITAL-FLOOR: fraction of the highest capital (≥ 2500)' }) capitalFloorBp?: number;
  @OptionalMonths({ description: 'COOP-REDEMPTION-NOMINAL: delay to redeem a leaving associate' }) redemptionDelayMonths?: number;
  @OptionalBp({ description: 'SCIC-STATUTORY-RESERVE: part of the surplus after the legal reserve (SCIC ≥ 5000)' }) statutoryReserveBp?: number;
  @IsOptional() @ValidateNested() @Type(() => AssemblyRulesDto) @ApiPropertyOptional({ type: AssemblyRulesDto }) assemblyRules?: AssemblyRulesDto;
  @IsOptional() @IsBoolean() @ApiPropertyOptional({ description: 'AG-BLANK-PROXY' }) blankProxyVotesWithBoard?: boolean;
  @ValidateIf((o) => o.amorcageConvertedOn !== null)
  @OptionalCalendarDate({ description: 'SCOP-AMORCAGE: conversion date, or null' })
  amorcageConvertedOn?: string | null;
  @IsOptional() @ValidateNested() @Type(() => NoticeDaysDto) @ApiPropertyOptional({ type: NoticeDaysDto, description: 'AG-NOTICE (default 15 days; SA 15 then 6 on second call)' }) noticeDays?: NoticeDaysDto;
  @IsOptional() @IsString() @Matches(/^\d{9}$/, { message: 'siren must be 9 digits' }) @ApiPropertyOptional({ example: '732829320', description: '9 digits with a valid Luhn key: names the FEC file' }) siren?: string;
  @IsOptional() @IsString() @Matches(/^\d{2}-\d{2}$/, { message: 'fiscalYearEnd must be MM-DD' }) @ApiPropertyOptional({ example: '12-31', description: 'fiscal year N ends on N-<fiscalYearEnd>' }) fiscalYearEnd?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SurplusDto) @ApiPropertyOptional({ type: () => SurplusDto, description: 'the surplus clauses (docs/api.md, Fiscal years)' }) surplus?: SurplusDto;
}

export class CreateCooperativeDto extends StatutsParametersDto {
  @OptionalLedgerId({ example: 'alpha', description: 'generated when omitted' }) id?: string;
  @Text(200, { example: 'Alpha SCIC' }) name!: string;
  @IsIn(['SCIC', 'SCOP']) @ApiProperty({ enum: ['SCIC', 'SCOP'], example: 'SCIC' }) legalForm!: 'SCIC' | 'SCOP';
  @IsIn(['SA', 'SAS', 'SARL']) @ApiProperty({ enum: ['SA', 'SAS', 'SARL'], example: 'SAS' }) companyForm!: 'SA' | 'SAS' | 'SARL';
  @CalendarDate({ example: '2024-01-15' }) registeredOn!: string;
  @Cents(1, { example: 5000 }) shareValueCents!: number;
}

export class StatutsChangesDto extends StatutsParametersDto {
  @IsOptional() @Text(200, { required: false }) name?: string;
  @IsOptional() @IsIn(['SA', 'SAS', 'SARL']) @ApiPropertyOptional({ enum: ['SA', 'SAS', 'SARL'] }) companyForm?: 'SA' | 'SAS' | 'SARL';
  @IsOptional() @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) @ApiPropertyOptional({ type: 'integer' }) shareValueCents?: number;
}

export class ResolutionRefDto {
  @LedgerId({ example: 'ag-2025' }) assemblyId!: string;
  @LedgerId({ example: 'r1' }) resolutionId!: string;
}

export class AmendStatutsDto {
  @CalendarDate({ example: '2025-07-01' }) effectiveDate!: string;
  @IsObject() @ValidateNested() @Type(() => StatutsChangesDto) @ApiProperty({ type: StatutsChangesDto, example: { shareValueCents: 10000 } }) changes!: StatutsChangesDto;
  @IsObject() @ValidateNested() @Type(() => ResolutionRefDto) @ApiProperty({ type: ResolutionRefDto }) resolution!: ResolutionRefDto;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}
