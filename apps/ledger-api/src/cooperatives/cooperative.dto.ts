import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
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

/** The statutory parameters (docs/rules.md); omitted ones take the defaults of libs/domain/src/cooperative/statuts-defaults.ts. */
export class StatutsParametersDto {
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => CollegeDto)
  @ApiPropertyOptional({ type: [CollegeDto], description: 'SCIC only; omitted ⇒ one associate one vote, no collèges', example: [{ code: 'workers', name: 'Salariés' }, { code: 'users', name: 'Usagers' }, { code: 'supporters', name: 'Soutiens' }] })
  colleges?: CollegeDto[];
  @IsOptional() @IsIn(['proportional', 'majority']) @ApiPropertyOptional({ enum: ['proportional', 'majority'] }) collegeCounting?: 'proportional' | 'majority';
  @OptionalBp({ description: 'COOP-PAYUP-QUARTER: least part paid at subscription (≥ 2500)' }) minimumPaidAtSubscriptionBp?: number;
  @OptionalMonths({ description: 'COOP-PAYUP-QUARTER: delay to pay up the balance (≤ 60)' }) paymentDelayMonths?: number;
  @OptionalBp({ description: 'COOP-CAPITAL-FLOOR: fraction of the highest capital (≥ 2500)' }) capitalFloorBp?: number;
  @OptionalMonths({ description: 'COOP-REDEMPTION-NOMINAL: delay to redeem a leaving associate' }) redemptionDelayMonths?: number;
  @OptionalBp({ description: 'SCIC-STATUTORY-RESERVE: part of the surplus after the legal reserve (SCIC ≥ 5000)' }) statutoryReserveBp?: number;
  @IsOptional() @ValidateNested() @Type(() => AssemblyRulesDto) @ApiPropertyOptional({ type: AssemblyRulesDto }) assemblyRules?: AssemblyRulesDto;
  @IsOptional() @IsBoolean() @ApiPropertyOptional({ description: 'AG-BLANK-PROXY' }) blankProxyVotesWithBoard?: boolean;
  @ValidateIf((o) => o.amorcageConvertedOn !== null) @OptionalCalendarDate({ description: 'SCOP-AMORCAGE: conversion date, or null' })
  amorcageConvertedOn?: string | null;
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
