import { fiscalPeriodOf } from '@ledger/domain';
import { CooperativeLedgerState, CsvDialect, latestCooperativeState, ownEntry } from '@ledger/projections';

export const EXPORT_KINDS = ['journal', 'fec', 'capital-movements', 'cap-table', 'associates'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['json', 'csv', 'ndjson', 'fec'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What each kind of export takes: its formats (the first is the default) and what it is of — a
 * fiscal year, a date (`asOf`), or the whole register. Each is the file a synchronous GET
 * answers (docs/api.md, Exports); `ndjson` is one item a line, where a GET has no such form.
 */
export const EXPORT_SHAPES: Record<ExportKind, { formats: readonly ExportFormat[]; of: 'year' | 'asOf' | 'register' }> = {
  journal: { formats: ['json', 'csv', 'ndjson'], of: 'year' },
  fec: { formats: ['fec'], of: 'year' },
  'capital-movements': { formats: ['json', 'csv', 'ndjson'], of: 'register' },
  'cap-table': { formats: ['json', 'csv', 'ndjson'], of: 'asOf' },
  associates: { formats: ['json', 'csv', 'ndjson'], of: 'asOf' },
};

/** An export with everything decided when it was asked for (asOf included), so a retry writes the same file. */
export interface ExportSpec {
  coopId: string;
  kind: ExportKind;
  format: ExportFormat;
  year?: number;
  asOf?: string;
  dialect?: CsvDialect;
}

/** What a client asks for, before the defaults: the body of POST …/exports. */
export interface ExportAsked {
  kind: ExportKind;
  format?: ExportFormat;
  year?: number;
  asOf?: string;
  dialect?: CsvDialect;
}

export type FieldError = { field: string; message: string };

/** The spec of an export, or the fields that do not fit its kind (the API answers 400 with them). */
export function exportSpecOf(coopId: string, asked: ExportAsked, today: string): { spec: ExportSpec; errors: [] } | { errors: FieldError[] } {
  const shape = EXPORT_SHAPES[asked.kind];
  const errors: FieldError[] = [];
  const format = asked.format ?? shape.formats[0];
  if (!shape.formats.includes(format)) errors.push({ field: 'format', message: `format must be one of ${shape.formats.join(', ')} for a ${asked.kind} export` });
  if (shape.of === 'year' && asked.year === undefined) errors.push({ field: 'year', message: `year is required for a ${asked.kind} export: the fiscal year` });
  if (shape.of !== 'year' && asked.year !== undefined) errors.push({ field: 'year', message: 'year applies to the journal and fec exports only' });
  if (shape.of !== 'asOf' && asked.asOf !== undefined) errors.push({ field: 'asOf', message: 'asOf applies to the cap-table and associates exports only' });
  if (asked.dialect !== undefined && format !== 'csv') errors.push({ field: 'dialect', message: 'dialect applies to the CSV format only' });
  if (errors.length > 0) return { errors };
  const spec: ExportSpec = { coopId, kind: asked.kind, format };
  if (asked.year !== undefined) spec.year = asked.year;
  if (shape.of === 'asOf') spec.asOf = asked.asOf ?? today;
  if (format === 'csv') spec.dialect = asked.dialect ?? 'rfc4180';
  return { spec, errors: [] };
}

/**
 * Throws the domain's NOT_FOUND for a fiscal year the ledger does not cover (ended before its
 * first), as GET …/journal does — cheaply, before a job is queued, without building the journal.
 */
export function requireFiscalYear(ledger: CooperativeLedgerState, coopId: string, year: number): void {
  const coop = ownEntry(ledger.coops, coopId);
  if (coop) fiscalPeriodOf(latestCooperativeState(coop), year);
}
