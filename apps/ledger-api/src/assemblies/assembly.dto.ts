import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { ASSEMBLY_KINDS, ATTENDANCE_MODES, AssemblyKind, AttendanceMode, BALLOT_CHOICES, BallotChoice, CONVOCATION_METHODS, ConvocationMethod, RESOLUTION_KINDS, ResolutionKind } from '@ledger/domain';
import { CalendarDate, LedgerId, OptionalCalendarDate, OptionalLedgerId, Text } from '../http/validators';

/** Hand counts stay far below safe integers: no assembly has a billion voters. */
const MAX_HANDS = 10_000_000;

export class ResolutionDto {
  @LedgerId({ example: 'r1' }) id!: string;
  @Text(500, { example: 'Approbation des comptes 2024' }) title!: string;
  @Text(20000, {
    example: 'L’assemblée générale, après avoir entendu le rapport de gestion, approuve les comptes de l’exercice 2024 tels qu’ils lui ont été présentés.',
    description: 'the text put to the vote, plain text',
  })
  text!: string;
  @IsIn(RESOLUTION_KINDS as ResolutionKind[]) @ApiProperty({ enum: RESOLUTION_KINDS, example: 'ordinary' }) kind!: ResolutionKind;
  // The domain's default (libs/domain/src/assembly/convocation.ts): one truth, said here and in docs/api.md.
  @IsOptional() @IsBoolean() @ApiPropertyOptional({ default: true, description: 'AG-BLANK-PROXY: blank proxies vote for board-approved resolutions' }) boardApproved?: boolean;
}

export class ConveneAssemblyDto {
  @OptionalLedgerId({ example: 'ag-2025', description: 'generated when omitted' }) id?: string;
  @IsIn(ASSEMBLY_KINDS as AssemblyKind[]) @ApiProperty({ enum: ASSEMBLY_KINDS, example: 'ordinary' }) kind!: AssemblyKind;
  @Text(500, { example: 'Assemblée générale ordinaire 2025' }) title!: string;
  // The examples hold together: record date ≤ convocation, and 21 days of notice (AG-NOTICE asks for 15).
  @CalendarDate({ example: '2025-05-20' }) convenedOn!: string;
  @CalendarDate({ example: '2025-06-10', description: 'AG-NOTICE: at least 15 whole days after convenedOn' }) heldOn!: string;
  @Text(300, { example: 'Siège social, 12 rue des Tisserands, 69001 Lyon', description: 'where the AG is held, or "à distance"' }) place!: string;
  @IsOptional()
  @IsIn(CONVOCATION_METHODS as ConvocationMethod[])
  @ApiPropertyOptional({ enum: CONVOCATION_METHODS, default: 'letter', description: 'how the associates were convened (email: with their consent)' })
  convocationMethod?: ConvocationMethod;
  @IsIn([1, 2]) @ApiProperty({ enum: [1, 2], example: 1 }) call!: 1 | 2;
  @OptionalCalendarDate({ example: '2025-05-19', description: 'AG-VOTERS: the voter list is fixed at this date, on or before convenedOn (default: convenedOn)' }) recordDate?: string;
  @OptionalLedgerId({ description: 'second call: the first-call assembly whose quorum was not met' }) reconvenes?: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ResolutionDto)
  @ApiProperty({ type: [ResolutionDto] })
  resolutions!: ResolutionDto[];
}

export class AttendanceDto {
  @LedgerId({ example: 'marie-dupont' }) associateId!: string;
  @IsIn(ATTENDANCE_MODES as AttendanceMode[]) @ApiProperty({ enum: ATTENDANCE_MODES, example: 'present' }) mode!: AttendanceMode;
  @OptionalLedgerId({ description: 'mode proxy: the associate who holds it; omitted = blank proxy' }) proxyHolderId?: string;
}

export class BallotDto {
  @LedgerId({ example: 'marie-dupont' }) associateId!: string;
  @IsIn(BALLOT_CHOICES as BallotChoice[]) @ApiProperty({ enum: BALLOT_CHOICES, example: 'for' }) choice!: BallotChoice;
}

export class HandCountDto {
  @IsInt() @Min(0) @Max(MAX_HANDS) @ApiProperty({ type: 'integer', example: 1 }) for!: number;
  @IsInt() @Min(0) @Max(MAX_HANDS) @ApiProperty({ type: 'integer', example: 0 }) against!: number;
  @IsInt() @Min(0) @Max(MAX_HANDS) @ApiProperty({ type: 'integer', example: 0 }) abstain!: number;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_HANDS) @ApiPropertyOptional({ type: 'integer' }) blank?: number;
}

export class ShowOfHandsDto extends HandCountDto {
  @OptionalLedgerId({ example: 'workers', description: 'the collège counted (required when the statuts create collèges)' }) collegeCode?: string;
  @IsOptional()
  @ValidateNested()
  @Type(() => HandCountDto)
  @ApiPropertyOptional({ type: HandCountDto, description: 'SCOP: how many of these hands were non-employees’ (SCOP-VOTES-65 reduces them pro rata)' })
  nonEmployee?: HandCountDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => HandCountDto)
  @ApiPropertyOptional({ type: HandCountDto, description: 'SCOP: how many of the non-employee hands were cooperative societies’, when their votes weigh differently on the voter list (SCOP-VOTES-65, two tiers)' })
  cooperativeSociety?: HandCountDto;
}

export class BureauMemberDto {
  @OptionalLedgerId({ example: 'ana', description: 'an associate of the voter list (named from it)' }) associateId?: string;
  @IsOptional() @Text(200, { required: false, description: 'a person named outright (or the associate’s name as it should print)' }) name?: string;
}

export class BureauDto {
  @ValidateNested() @Type(() => BureauMemberDto) @ApiProperty({ type: BureauMemberDto, description: 'président de séance', example: { associateId: 'ana' } }) president!: BureauMemberDto;
  @ValidateNested() @Type(() => BureauMemberDto) @ApiProperty({ type: BureauMemberDto, description: 'secrétaire', example: { associateId: 'bruno' } }) secretary!: BureauMemberDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => BureauMemberDto)
  @ApiPropertyOptional({ type: [BureauMemberDto], description: 'scrutateurs' })
  scrutineers?: BureauMemberDto[];
}

export class AdjournmentDto {
  @Text(2000, { example: 'La salle doit être libérée ; la séance ne peut se poursuivre.' }) reason!: string;
}
