import { fiscalPeriodOf } from '@ledger/domain';
import {
  capitalMovementsCsvOf,
  capitalMovementsPage,
  capTable,
  capTableCsv,
  associatesAsOf,
  CooperativeLedgerState,
  CsvDialect,
  fecBytes,
  fecFileName,
  fecText,
  Journal,
  journalCsv,
  journalOf,
  JournalState,
  latestCooperativeState,
  ownEntry,
  sirenOf,
} from '@ledger/projections';
import { CSV_CONTENT_TYPE } from '../http/csv-request';

export const EXPORT_KINDS = ['journal', 'fec', 'capital-movements', 'cap-table', 'associates'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ['json', 'csv', 'ndjson', 'fec'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What each kind of export takes: its formats (the first is the default) and what it is of — a
 * fiscal year, a date (`asOf`), or the whole register. Each is the file a synchronous GET
 * answers (docs/api.md, Exports); `ndjson` has no synchronous twin: one item a line.
 */
export const EXPORT_SHAPES: Record<ExportKind, { formats: readonly ExportFormat[]; of: 'year' | 'asOf' | 'register' }> = {
  journal: { formats: ['json', 'csv', 'ndjson'], of: 'year' },
  fec: { formats: ['fec'], of: 'year' },
  'capital-movements': { formats: ['json', 'csv', 'ndjson'], of: 'register' },
  'cap-table': { formats: ['json', 'csv', 'ndjson'], of: 'asOf' },
  associates: { formats: ['json', 'ndjson'], of: 'asOf' },
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

/** The read models an export is drawn from, as the projection engine holds them. */
export interface ExportReadModels {
  ledger: CooperativeLedgerState;
  journal: JournalState;
}

/** A file to write: its name and media type, and its content a part at a time (`parts` of them, for progress). */
export interface ExportFile {
  name: string;
  contentType: string;
  parts: number;
  content: Iterable<string | Buffer>;
}

/** The export cannot be made from these read models (an unknown cooperative, no siren): retrying will not help. */
export class ExportNotPossible extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportNotPossible';
  }
}

/** Rows rendered at a time: big enough for few writes, small enough that no whole file is ever one string. */
export const SLICE = 1000;

const JSON_TYPE = 'application/json; charset=utf-8';
const NDJSON_TYPE = 'application/x-ndjson';
const FEC_TYPE = 'text/plain; charset=iso-8859-15';

/**
 * The file of an export, byte for byte what the synchronous GET answers (same name in its
 * Content-Disposition, same bytes), rendered a slice at a time by the same functions. The rows
 * are taken once, at the start, so the file is the ledger at one moment even when events arrive
 * while it is written.
 */
export function exportFileOf(spec: ExportSpec, models: ExportReadModels): ExportFile {
  const { coopId } = spec;
  switch (spec.kind) {
    case 'journal': {
      const journal = journalFor(spec, models);
      const name = `${coopId}-journal-${spec.year}`;
      if (spec.format === 'csv')
        return file(
          `${name}.csv`,
          CSV_CONTENT_TYPE,
          sliced(journal.entries, (entries) => journalCsv({ ...journal, entries }, spec.dialect)),
        );
      if (spec.format === 'ndjson') return file(`${name}.ndjson`, NDJSON_TYPE, ndjson(journal.entries));
      return file(`${name}.json`, JSON_TYPE, jsonWithList(journal, 'entries', journal.entries));
    }
    case 'fec': {
      const journal = journalFor(spec, models);
      const siren = sirenOf(models.ledger, coopId);
      if (!siren) throw new ExportNotPossible(`the statuts of ${coopId} have no siren: the FEC file is named after it`);
      const text = sliced(journal.entries, (entries) => fecText({ ...journal, entries }));
      return file(fecFileName(siren, journal.endsOn), FEC_TYPE, { parts: text.parts, content: mapped(text.content, fecBytes) });
    }
    case 'capital-movements': {
      const register = found(capitalMovementsPage(models.ledger, coopId), coopId);
      const name = `${coopId}-capital-movements`;
      // The register's CSV is kept whole beside the read model (capital-movements.ts): written as it is.
      if (spec.format === 'csv') return file(`${name}.csv`, CSV_CONTENT_TYPE, { parts: 1, content: [found(capitalMovementsCsvOf(models.ledger, coopId, {}, spec.dialect), coopId)] });
      if (spec.format === 'ndjson') return file(`${name}.ndjson`, NDJSON_TYPE, ndjson(register.items));
      return file(`${name}.json`, JSON_TYPE, jsonWithList(register, 'items', register.items));
    }
    case 'cap-table': {
      const table = found(capTable(models.ledger, coopId, spec.asOf!), coopId);
      const name = `${coopId}-cap-table-${spec.asOf}`;
      if (spec.format === 'csv')
        return file(
          `${name}.csv`,
          CSV_CONTENT_TYPE,
          sliced(table.rows, (rows) => capTableCsv({ ...table, rows }, spec.dialect)),
        );
      if (spec.format === 'ndjson') return file(`${name}.ndjson`, NDJSON_TYPE, ndjson(table.rows));
      return file(`${name}.json`, JSON_TYPE, jsonWithList(table, 'rows', table.rows));
    }
    case 'associates': {
      // Every associate admitted by asOf: the one page GET …/associates answers when they fit in it.
      const page = found(associatesAsOf(models.ledger, coopId, { asOf: spec.asOf!, limit: Number.MAX_SAFE_INTEGER }), coopId);
      const name = `${coopId}-associates-${spec.asOf}`;
      if (spec.format === 'ndjson') return file(`${name}.ndjson`, NDJSON_TYPE, ndjson(page.items));
      return file(`${name}.json`, JSON_TYPE, jsonWithList(page, 'items', page.items));
    }
  }
}

function journalFor(spec: ExportSpec, models: ExportReadModels): Journal {
  return found(journalOf(models.ledger, models.journal, spec.coopId, spec.year!), spec.coopId);
}

function found<T>(value: T | undefined, coopId: string): T {
  if (value === undefined) throw new ExportNotPossible(`Cooperative ${coopId} not found`);
  return value;
}

/** A file's content as text, a part at a time. */
type Text = { parts: number; content: Iterable<string> };

function file(name: string, contentType: string, content: Pick<ExportFile, 'parts' | 'content'>): ExportFile {
  return { name, contentType, ...content };
}

function* slicesOf<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
}

const partsOf = (rows: readonly unknown[], size: number) => Math.max(1, Math.ceil(rows.length / size));

/**
 * A text rendered a slice of rows at a time by the synchronous renderer. Every slice renders
 * with its head — a header line, and a BOM before it in the French CSV dialect — so the slices
 * after the first are cut after their first line end. Renderers whose header is one line (CSV,
 * FEC) give the very bytes of the whole text this way.
 */
export function sliced<T>(rows: readonly T[], render: (slice: T[]) => string, size = SLICE): Text {
  function* content(): Generator<string> {
    if (rows.length === 0) yield render([]);
    let first = true;
    for (const slice of slicesOf(rows, size)) {
      const text = render(slice);
      yield first ? text : text.slice(text.indexOf('\r\n') + 2);
      first = false;
    }
  }
  return { parts: partsOf(rows, size), content: content() };
}

/**
 * `JSON.stringify(whole)`, the list under `key` written a slice at a time. The rest of the object
 * is written by JSON.stringify itself around a marker standing where the list goes, so its
 * fields keep their order and their escaping.
 */
export function jsonWithList(whole: object, key: string, list: readonly unknown[], size = SLICE): Text {
  const stand = `\u0000${key}\u0000`;
  const marker = `${JSON.stringify(key)}:${JSON.stringify(stand)}`;
  const text = JSON.stringify({ ...whole, [key]: stand });
  const at = text.indexOf(marker);
  function* content(): Generator<string> {
    yield `${text.slice(0, at)}${JSON.stringify(key)}:[`;
    let first = true;
    for (const slice of slicesOf(list, size)) {
      yield (first ? '' : ',') + slice.map((item) => JSON.stringify(item)).join(',');
      first = false;
    }
    yield `]${text.slice(at + marker.length)}`;
  }
  return { parts: partsOf(list, size), content: content() };
}

/** One JSON item a line (application/x-ndjson), each line ended by `\n`. */
export function ndjson(items: readonly unknown[], size = SLICE): Text {
  function* content(): Generator<string> {
    for (const slice of slicesOf(items, size)) yield slice.map((item) => JSON.stringify(item) + '\n').join('');
  }
  return { parts: partsOf(items, size), content: content() };
}

function* mapped<A, B>(items: Iterable<A>, map: (item: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
