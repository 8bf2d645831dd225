import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CATEGORIES, Category, WITHDRAWAL_REASONS, WithdrawalReason } from '@ledger/domain';
import { CalendarDate, Cents, LedgerId, OptionalCents, OptionalLedgerId, ShareCount, Text } from '../http/validators';

export class AdmitAssociateDto {
  @OptionalLedgerId({ description: 'generated when omitted' }) id?: string;
  @Text(200, { example: 'Marie Dupont' }) name!: string;
  @IsIn(['natural', 'legal']) @ApiProperty({ enum: ['natural', 'legal'] }) personType!: 'natural' | 'legal';
  @IsIn(CATEGORIES as Category[]) @ApiProperty({ enum: CATEGORIES }) category!: Category;
  @OptionalLedgerId({ description: 'the collège (SCIC with collèges: required)' }) collegeCode?: string;
  @CalendarDate() admittedOn!: string;
  @ShareCount({ description: 'shares of the first subscription' }) shares!: number;
  @OptionalCents(0, { description: 'paid at subscription; defaults to full payment' }) paidCents?: number;
}

export class SubscribeSharesDto {
  @ShareCount() shares!: number;
  @CalendarDate() effectiveDate!: string;
  @OptionalCents(0, { description: 'paid at subscription; defaults to full payment' }) paidCents?: number;
}

export class PayUpSharesDto {
  @Cents(1) amountCents!: number;
  @CalendarDate() effectiveDate!: string;
}

export class ChangeCategoryDto {
  @IsIn(CATEGORIES as Category[]) @ApiProperty({ enum: CATEGORIES }) category!: Category;
  @CalendarDate() effectiveDate!: string;
}

export class ChangeCollegeDto {
  @LedgerId() collegeCode!: string;
  @CalendarDate() effectiveDate!: string;
}

export class WithdrawAssociateDto {
  @CalendarDate() effectiveDate!: string;
  @IsIn(WITHDRAWAL_REASONS as WithdrawalReason[]) @ApiProperty({ enum: WITHDRAWAL_REASONS }) reason!: WithdrawalReason;
}

export class RedeemSharesDto {
  @ShareCount() shares!: number;
  @Cents(0, { description: 'the refund paid, at most the nominal of the paid-up shares (COOP-REDEMPTION-NOMINAL)' }) amountCents!: number;
  @CalendarDate() effectiveDate!: string;
}

export class TransferSharesDto {
  @LedgerId() fromAssociateId!: string;
  @LedgerId() toAssociateId!: string;
  @ShareCount() shares!: number;
  @CalendarDate() effectiveDate!: string;
}

export class CancelMovementDto {
  @Text(1000, { example: 'subscription recorded twice by mistake' }) reason!: string;
}
