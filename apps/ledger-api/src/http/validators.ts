import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, ValidationOptions, buildMessage } from 'class-validator';
import { isIsoDate } from '@ledger/domain';

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
const MAX_CENTS = Number.MAX_SAFE_INTEGER;
/** Share counts stay well inside safe integers once multiplied by a share value. */
const MAX_SHARES = 1_000_000_000;

function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => isIsoDate(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a real calendar date YYYY-MM-DD`, options),
      },
    },
    options,
  );
}

type Doc = { description?: string; example?: unknown; required?: boolean };

export const LedgerId = (doc: Doc = {}) => applyDecorators(IsString(), Matches(ID_PATTERN, { message: '$property must match ^[a-z0-9][a-z0-9-]{0,62}$' }), ApiProperty({ pattern: ID_PATTERN.source, ...doc }));
export const OptionalLedgerId = (doc: Doc = {}) =>
  applyDecorators(IsOptional(), IsString(), Matches(ID_PATTERN, { message: '$property must match ^[a-z0-9][a-z0-9-]{0,62}$' }), ApiPropertyOptional({ pattern: ID_PATTERN.source, ...doc }));

export const Text = (max: number, doc: Doc = {}) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(max), ApiProperty({ maxLength: max, ...doc }));

export const CalendarDate = (doc: Doc = {}) => applyDecorators(IsCalendarDate(), ApiProperty({ type: String, format: 'date', example: '2025-01-15', ...doc }));
export const OptionalCalendarDate = (doc: Doc = {}) => applyDecorators(IsOptional(), IsCalendarDate(), ApiPropertyOptional({ type: String, format: 'date', ...doc }));

export const Cents = (min: number, doc: Doc = {}) => applyDecorators(IsInt(), Min(min), Max(MAX_CENTS), ApiProperty({ type: 'integer', minimum: min, description: 'integer cents', ...doc }));
export const OptionalCents = (min: number, doc: Doc = {}) => applyDecorators(IsOptional(), IsInt(), Min(min), Max(MAX_CENTS), ApiPropertyOptional({ type: 'integer', minimum: min, description: 'integer cents', ...doc }));

export const ShareCount = (doc: Doc = {}) => applyDecorators(IsInt(), Min(1), Max(MAX_SHARES), ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_SHARES, ...doc }));

export const OptionalBp = (doc: Doc = {}) =>
  applyDecorators(IsOptional(), IsInt(), Min(0), Max(10000), ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 10000, description: 'basis points (10000 = 100 %)', ...doc }));

export const OptionalMonths = (doc: Doc = {}) => applyDecorators(IsOptional(), IsInt(), Min(0), Max(1200), ApiPropertyOptional({ type: 'integer', minimum: 0, ...doc }));
