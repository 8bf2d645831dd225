import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CSV_DIALECTS, CsvDialect } from '@ledger/projections';
import { CSV_DIALECT_DOC } from '../http/csv-request';
import { OptionalCalendarDate } from '../http/validators';
import { EXPORT_FORMATS, EXPORT_KINDS, ExportFormat, ExportKind } from './export-spec';

/** What to export (docs/api.md, Exports); which fields apply depends on the kind. */
export class ExportRequestDto {
  @IsIn(EXPORT_KINDS)
  @ApiProperty({
    enum: EXPORT_KINDS,
    example: 'fec',
    description: 'journal (json, csv, ndjson; of a year), fec (of a year), capital-movements (json, csv, ndjson: the whole register), cap-table and associates (json, csv, ndjson; as of a date)',
  })
  kind!: ExportKind;

  @IsOptional()
  @IsInt()
  @Min(1800)
  @Max(2999)
  @ApiPropertyOptional({ type: 'integer', example: 2024, description: 'journal and fec: the fiscal year (it ends on <year>-<fiscalYearEnd>)' })
  year?: number;

  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'default: json (fec: the FEC itself). ndjson: one row, entry or associate a line' })
  format?: ExportFormat;

  @OptionalCalendarDate({ description: 'cap-table and associates: the effective date; default today (Europe/Paris)' })
  asOf?: string;

  @IsOptional()
  @IsIn(CSV_DIALECTS)
  @ApiPropertyOptional({ enum: CSV_DIALECTS, description: CSV_DIALECT_DOC })
  dialect?: CsvDialect;
}
