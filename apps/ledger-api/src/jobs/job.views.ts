import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CommandAnswerDoc } from '../http/api-docs';

const STATES = ['waiting', 'delayed', 'active', 'completed', 'failed'];

@ApiSchema({ name: 'Job', description: 'A job run off the request path (docs/api.md, Jobs)' })
export class JobViewDoc {
  @ApiProperty({ example: 'vote-window-3f2a9c1e5b7d4a6f8e0c2b4d6a8f1e3c' }) id!: string;
  @ApiProperty({ example: 'vote-window' }) kind!: string;
  @ApiProperty({ enum: STATES, description: 'delayed: waiting for its time or for a retry (see error); failed: no attempt left, error says why' }) state!: string;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, example: 0 }) progress!: number;
  @ApiPropertyOptional({ description: 'what the job answered, once completed', type: 'object', additionalProperties: true }) result?: unknown;
  @ApiPropertyOptional({ description: 'the last attempt’s error' }) error?: string;
  @ApiProperty({ type: 'integer', example: 0 }) attemptsMade!: number;
  @ApiProperty({ type: 'integer', example: 5 }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it runs (or ran) at the earliest' }) runAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) finishedAt?: string;
  @ApiProperty({ nullable: true, example: 'alpha', description: 'the cooperative it belongs to; null: a job of the whole service (admins)' }) cooperative!: string | null;
}

@ApiSchema({ name: 'VoteWindowAnswer' })
export class VoteWindowAnswerDoc extends CommandAnswerDoc {
  @ApiProperty({ type: JobViewDoc, description: 'the delayed job that closes the resolution at closesAt (Location)' }) job!: JobViewDoc;
  @ApiProperty({ format: 'date-time', example: '2030-06-10T18:00:00+02:00' }) closesAt!: string;
}
