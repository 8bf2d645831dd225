import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/* The shapes the audit endpoints answer, for /openapi.json. */

export class ChainBreakDoc {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'revision_gap', 'revision_out_of_order', 'missing_tail', 'head_mismatch', 'unreadable_event'] }) reason!: string;
}

@ApiSchema({ name: 'VerificationReport' })
export class VerificationReportDoc {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) streams!: number;
  @ApiProperty({ type: 'integer' }) events!: number;
  @ApiProperty({ description: 'hash over every stream head (as of `position`)' }) digest!: string;
  @ApiProperty({ type: String, nullable: true, description: 'global position of the last event verified: `at`, or the head; null when there is none' }) position!: string | null;
  @ApiPropertyOptional({ type: ChainBreakDoc, description: 'the first place the hash chain breaks' }) firstBreak?: ChainBreakDoc;
}

export class StoredEventDoc {
  @ApiProperty({ type: 'integer' }) position!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ example: 'SharesSubscribed' }) type!: string;
  @ApiProperty({ type: Object }) data!: object;
  @ApiProperty({ type: Object, description: 'eventId, actor, correlationId, causationId, recordedAt, prevHash, hash…' }) metadata!: object;
}

@ApiSchema({ name: 'EventsPage' })
export class EventsPageDoc {
  @ApiProperty({ type: [StoredEventDoc] }) events!: StoredEventDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'the `after` of the next page (a global position), null at the end' }) next!: string | null;
}
