import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { OptionalCalendarDate } from '../http/validators';

/** What to replay: all of the history by default; the read models as of `asOf` (default today). */
export class ReplayRequestDto {
  @OptionalCalendarDate({ example: '2025-06-30', description: 'the effective date the read models are answered as of; default today' }) asOf?: string;
  @IsOptional() @IsString() @ApiPropertyOptional({ example: '2025-07-01T00:00:00Z', description: 'replay the events recorded by this instant only (what the ledger showed then)' }) knownAt?: string;
  @IsOptional() @IsString() @ApiPropertyOptional({ example: '120', description: 'replay up to this global position only' }) atPosition?: string;
}
