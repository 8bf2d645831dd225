import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { Text } from './validators';

/** Why an act dated in a closed period is recorded anyway (LEDGER-PERIOD-CLOSED, docs/rules.md). */
export class LateRecordingDto {
  @Text(1000, { example: 'payment found in the bank statement after the AG of 2025' }) reason!: string;
}

/** The optional `lateRecording` of every dated command: without it, an act dated in a closed period is refused. */
export const OptionalLateRecording = () =>
  applyDecorators(
    IsOptional(),
    ValidateNested(),
    Type(() => LateRecordingDto),
    ApiPropertyOptional({
      type: LateRecordingDto,
      description: 'only for an act dated on or before the record date of a closed AG (LEDGER-PERIOD-CLOSED): why it is recorded late; kept in the event',
    }),
  );
