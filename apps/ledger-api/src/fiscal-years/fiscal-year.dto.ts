import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { ResolutionRefDto } from '../cooperatives/cooperative.dto';
import { LateRecordingDto, OptionalLateRecording } from '../http/late-recording.dto';
import { CalendarDate, Cents, LedgerId, OptionalCalendarDate, OptionalCents, OptionalLedgerId, Text } from '../http/validators';

const MAX = Number.MAX_SAFE_INTEGER;
const RATE = /^-?\d{1,3}(\.\d{1,8})?$/;
const SignedCents = (doc: object = {}) => applyDecorators(IsInt(), Min(-MAX), Max(MAX), ApiProperty({ type: 'integer', description: 'integer cents, signed', ...doc }));

export class OpeningBalancesDto {
  @CalendarDate({ example: '2025-01-01', description: 'the first day of the first fiscal year the ledger handles' }) asOf!: string;
  @Cents(0, { example: 1_200_000 }) legalReserveCents!: number;
  @Cents(0, { example: 3_400_000 }) statutoryReserveCents!: number;
  @SignedCents({ example: 0, description: 'negative = report à nouveau débiteur' }) retainedEarningsCents!: number;
  @OptionalCents(0, { description: 'the highest capital reached before the ledger started' }) highestCapitalCents?: number;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class CloseFiscalYearDto {
  @CalendarDate({ example: '2025-03-31', description: 'the day the accounts were drawn up, on or after the fiscal year’s end' }) closedOn!: string;
  @SignedCents({ example: 800_000, description: 'the net result, signed (SCOP: before the worker share)' }) netResultCents!: number;
  @OptionalCents(0, { description: 'SCIC-SUBSIDIES: subsidies of the year from public bodies and associations' }) subsidiesCents?: number;
  @OptionalCents(0, { description: 'SCOP-EXCLUDED-GAINS: L1978 art. 32 gains' }) excludedGainsCents?: number;
}

export class EmployeeDto {
  @LedgerId({ example: 'e1' }) id!: string;
  @Text(200, { example: 'Camille Martin' }) name!: string;
  @OptionalLedgerId({ description: 'when the employee is an associate' }) associateId?: string;
  @Cents(0, { example: 3_000_000 }) salaryCents!: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(100_000) @ApiProperty({ example: 1607 }) hours!: number;
  @CalendarDate({ example: '2020-09-01' }) hiredOn!: string;
  @OptionalCalendarDate() leftOn?: string;
}

export class WorkerShareInputsDto {
  @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => EmployeeDto) @ApiProperty({ type: [EmployeeDto] }) employees!: EmployeeDto[];
}

export class AllocationDto {
  @IsObject() @ValidateNested() @Type(() => ResolutionRefDto) @ApiProperty({ type: ResolutionRefDto }) resolution!: ResolutionRefDto;
  @OptionalCents(0, { example: 120_000, description: 'COOP-LEGAL-RESERVE / SCOP-LEGAL-RESERVE: at least the minimum the proposal gives' }) legalReserveCents?: number;
  @OptionalCents(0, { description: 'SCOP: the worker share (default: its minimum)' }) workerShareCents?: number;
  @IsOptional()
  @IsString()
  @Matches(RATE, { message: 'shareInterestRate must be a percentage as a decimal string such as "2.5"' })
  @ApiPropertyOptional({ example: '4.8', description: 'percent, applied per associate, floored to the cent' })
  shareInterestRate?: string;
  @OptionalCents(0, { description: 'an envelope split by the same basis, cents by largest remainder' }) shareInterestCents?: number;
  @OptionalCents(0) retainedEarningsCents?: number;
  @OptionalCents(0, { description: 'must equal what the other lines leave (COOP-ALLOCATION-SUM)' }) statutoryReserveCents?: number;
  @OptionalCents(0, { description: 'refused in a SCIC (SCIC-NO-RISTOURNE)' }) ristourneCents?: number;
  @IsOptional() @IsIn(['retainedEarnings', 'statutoryReserve']) @ApiPropertyOptional({ enum: ['retainedEarnings', 'statutoryReserve'], description: 'a loss year' }) loss?: 'retainedEarnings' | 'statutoryReserve';
}

export class TmoRateDto {
  @IsInt() @Min(1900) @Max(2999) @ApiProperty({ example: 2023 }) year!: number;
  @IsIn([1, 2]) @ApiProperty({ enum: [1, 2] }) half!: 1 | 2;
  @IsString() @Matches(RATE) @ApiProperty({ example: '3.14' }) rate!: string;
  @Text(500, { example: 'Banque de France, TMO (taux moyen des emprunts de l’État), 1st half of 2023' }) source!: string;
}

export class TmoCapDto {
  @IsInt() @Min(1900) @Max(2999) @ApiProperty({ example: 2025 }) assemblyYear!: number;
  @IsString() @Matches(RATE) @ApiProperty({ example: '4.80' }) rate!: string;
  @Text(500, { example: 'cap on interest on shares published for AGs held in 2025' }) source!: string;
}

export class TmoDto {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => TmoRateDto)
  @ApiPropertyOptional({ type: [TmoRateDto], example: [{ year: 2023, half: 1, rate: '3.14', source: 'Banque de France, TMO (taux moyen des emprunts de l’État), 1st half of 2023' }] })
  rates?: TmoRateDto[];
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => TmoCapDto) @ApiPropertyOptional({ type: [TmoCapDto] }) caps?: TmoCapDto[];
}
