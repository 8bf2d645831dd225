import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { CATEGORIES, Category, WITHDRAWAL_REASONS, WithdrawalReason } from '@ledger/domain';
import { LateRecordingDto, OptionalLateRecording } from '../http/late-recording.dto';
import { CalendarDate, Cents, LedgerId, OptionalCents, OptionalLedgerId, ShareCount, Text } from '../http/validators';

export class AdmitAssociateDto {
  @OptionalLedgerId({ example: 'marie-dupont', description: 'generated when omitted' }) id?: string;
  @Text(200, { example: 'Marie Dupont' }) name!: string;
  @IsIn(['natural', 'legal']) @ApiProperty({ enum: ['natural', 'legal'], example: 'natural' }) personType!: 'natural' | 'legal';
  @IsIn(CATEGORIES as Category[]) @ApiProperty({ enum: CATEGORIES, example: 'employee' }) category!: Category;
  @OptionalLedgerId({ example: 'workers', description: 'the collège (SCIC with collèges: required)' }) collegeCode?: string;
  @CalendarDate({ example: '2024-02-01' }) admittedOn!: string;
  @ShareCount({ example: 4, description: 'shares of the first subscription' }) shares!: number;
  @OptionalCents(0, { description: 'paid at subscription; defaults to full payment' }) paidCents?: number;
  @IsOptional()
  @IsBoolean()
  @ApiPropertyOptional({ default: false, description: 'SCOP-VOTES-65: a legal person that is itself a cooperative society (its votes are capped at 49 %, not 35 %); personType legal only' })
  cooperativeSociety?: boolean;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class SubscribeSharesDto {
  @ShareCount({ example: 2 }) shares!: number;
  @CalendarDate({ example: '2024-03-01' }) effectiveDate!: string;
  @OptionalCents(0, { example: 2500, description: 'paid at subscription (at least the statuts’ minimumPaidAtSubscriptionBp of the nominal); defaults to full payment' }) paidCents?: number;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class PayUpSharesDto {
  @Cents(1, { example: 7500 }) amountCents!: number;
  @CalendarDate({ example: '2024-04-01' }) effectiveDate!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class ChangeCategoryDto {
  @IsIn(CATEGORIES as Category[]) @ApiProperty({ enum: CATEGORIES, example: 'beneficiary' }) category!: Category;
  @CalendarDate({ example: '2024-06-01' }) effectiveDate!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class ChangeCollegeDto {
  @LedgerId({ example: 'users' }) collegeCode!: string;
  @CalendarDate({ example: '2024-06-01' }) effectiveDate!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class WithdrawAssociateDto {
  @CalendarDate({ example: '2025-09-30' }) effectiveDate!: string;
  @IsIn(WITHDRAWAL_REASONS as WithdrawalReason[]) @ApiProperty({ enum: WITHDRAWAL_REASONS, example: 'resignation' }) reason!: WithdrawalReason;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class RedeemSharesDto {
  @ShareCount({ example: 1 }) shares!: number;
  @Cents(0, { example: 5000, description: 'the refund paid, at most the nominal of the paid-up shares (COOP-REDEMPTION-NOMINAL)' }) amountCents!: number;
  @CalendarDate({ example: '2025-10-15' }) effectiveDate!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class TransferSharesDto {
  @LedgerId({ example: 'marie-dupont' }) fromAssociateId!: string;
  @LedgerId({ example: 'jean-martin' }) toAssociateId!: string;
  @ShareCount({ example: 1 }) shares!: number;
  @CalendarDate({ example: '2025-03-01' }) effectiveDate!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}

export class CancelMovementDto {
  @Text(1000, { example: 'subscription recorded twice by mistake' }) reason!: string;
  @OptionalLateRecording() lateRecording?: LateRecordingDto;
}
