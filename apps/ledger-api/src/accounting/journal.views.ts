import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'JournalLine' })
export class JournalLineDoc {
  @ApiProperty({ example: '1013', description: 'Plan comptable général account (docs/year-close.md, "Journal and FEC")' }) account!: string;
  @ApiProperty({ example: 'Capital souscrit - appelé, versé' }) accountLabel!: string;
  @ApiPropertyOptional({ example: 'ana', description: 'the associate (or `S-<employeeId>` for an employee) as auxiliary account' }) auxiliary?: string;
  @ApiPropertyOptional({ example: 'Ana Lopez' }) auxiliaryLabel?: string;
  @ApiProperty({ type: 'integer', example: 0 }) debitCents!: number;
  @ApiProperty({ type: 'integer', example: 50000 }) creditCents!: number;
}

@ApiSchema({ name: 'JournalEntry' })
export class JournalEntryDoc {
  @ApiProperty({ type: 'integer', example: 1, description: 'EcritureNum: 1, 2, 3… within the fiscal year across journals, in the order of validation' }) number!: number;
  @ApiProperty({ enum: ['OD', 'BQ'] }) journalCode!: string;
  @ApiProperty({ example: 'Banque' }) journalLabel!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ example: 'f3b9a6c2-0d5e-4a1f-9b7c-8e2d4c6a1b30', description: 'the movement id, or `<assemblyId>/<resolutionId>` of the AG decision' }) pieceRef!: string;
  @ApiProperty({ format: 'date' }) pieceDate!: string;
  @ApiProperty({ example: 'Versement sur souscription - Ana Lopez' }) label!: string;
  @ApiProperty({ format: 'date', description: 'the day the ledger recorded the act' }) validDate!: string;
  @ApiProperty({ type: [JournalLineDoc] }) lines!: JournalLineDoc[];
}

@ApiSchema({ name: 'Journal' })
export class JournalDoc {
  @ApiProperty({ example: 'alpha' }) coopId!: string;
  @ApiProperty({ type: 'integer', example: 2024 }) year!: number;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
  @ApiProperty({ type: [JournalEntryDoc] }) entries!: JournalEntryDoc[];
}
