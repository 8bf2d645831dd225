import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class VoteWindowDto {
  // An instant, so that 18:00 means the same on every server: a date and a time with its offset.
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'closesAt must be a date and time with its offset, such as 2030-06-10T18:00:00+02:00' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be a real date and time' })
  @ApiProperty({ format: 'date-time', example: '2030-06-10T18:00:00+02:00', description: 'when the vote closes: the resolution is closed then, by a job, exactly once' })
  closesAt!: string;
}
