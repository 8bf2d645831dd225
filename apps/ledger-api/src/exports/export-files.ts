import {
  associatesAsOf,
  associatesCsvChunks,
  capitalMovementsExport,
  capTable,
  capTableCsvChunks,
  CooperativeLedgerState,
  fecBytes,
  fecFileName,
  fecText,
  Journal,
  journalCsv,
  journalOf,
  JournalState,
  ledgerEventCount,
  ndjsonChunks,
  ownEntry,
  sirenOf,
} from '@ledger/projections';
import { CSV_CONTENT_TYPE } from '../http/csv-request';
import { ExportFormat, ExportSpec } from './export-spec';

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

/** Rows rendered at a time: few writes, and no whole file ever held as one string (the streamed GETs write as many). */
export const SLICE = 1000;

/** The Content-Type each GET answers in; the file's extension is the format's name. */
const MEDIA_TYPES: Record<Exclude<ExportFormat, 'fec'>, string> = { json: 'application/json; charset=utf-8', csv: CSV_CONTENT_TYPE, ndjson: 'application/x-ndjson' };
const FEC_TYPE = 'text/plain; charset=iso-8859-15';

/**
 * The file of an export, byte for byte what the synchronous GET answers (its Content-Type, the
 * name of its Content-Disposition, its bytes), rendered a slice of rows at a time by the functions
 * that GET uses. The rows are taken when it is called (the register of movements: those recorded
 * then), so the file is the ledger at one moment even when events arrive while it is written.
 */
export function exportFileOf(spec: ExportSpec, models: ExportReadModels): ExportFile {
  switch (spec.kind) {
    case 'journal':
      return journalFile(spec, journalFor(spec, models));
    case 'fec':
      return fecFile(journalFor(spec, models), sirenOf(models.ledger, spec.coopId));
    case 'capital-movements':
      return movementsFile(spec, models.ledger);
    case 'cap-table':
      return capTableFile(spec, models.ledger);
    case 'associates':
      return associatesFile(spec, models.ledger);
  }
}

function journalFile(spec: ExportSpec, journal: Journal): ExportFile {
  const name = `${spec.coopId}-journal-${spec.year}`;
  if (spec.format === 'csv')
    return file(
      spec,
      name,
      sliced(journal.entries, (entries) => journalCsv({ ...journal, entries }, spec.dialect)),
    );
  if (spec.format === 'ndjson') return file(spec, name, ndjson(journal.entries));
  return file(spec, name, jsonWithList(journal, 'entries', journal.entries));
}

/** The FEC is encoded slice by slice: ISO 8859-15 is one byte a character, so the slices' bytes join into the whole file's. */
function fecFile(journal: Journal, siren: string | null): ExportFile {
  if (!siren) throw new ExportNotPossible(`the statuts of ${journal.coopId} have no siren: the FEC file is named after it`);
  const text = sliced(journal.entries, (entries) => fecText({ ...journal, entries }));
  return { name: fecFileName(siren, journal.endsOn), contentType: FEC_TYPE, parts: text.parts, content: mapped(text.content, fecBytes) };
}

/** The register is read as it is written (capital-movements.ts); it has a row per capital event, so the cooperative's events bound its parts. */
function movementsFile(spec: ExportSpec, ledger: CooperativeLedgerState): ExportFile {
  const coop = found(ownEntry(ledger.coops, spec.coopId), spec.coopId);
  const query = spec.format === 'csv' ? { format: 'csv' as const, dialect: spec.dialect } : { format: spec.format as 'json' | 'ndjson' };
  const content = found(capitalMovementsExport(ledger, spec.coopId, query), spec.coopId);
  return file(spec, `${spec.coopId}-capital-movements`, { parts: partsOf(ledgerEventCount(coop)), content });
}

function capTableFile(spec: ExportSpec, ledger: CooperativeLedgerState): ExportFile {
  const table = found(capTable(ledger, spec.coopId, spec.asOf!), spec.coopId);
  const name = `${spec.coopId}-cap-table-${spec.asOf}`;
  if (spec.format === 'csv') return file(spec, name, { parts: partsOf(table.rows.length), content: capTableCsvChunks(table, spec.dialect) });
  if (spec.format === 'ndjson') return file(spec, name, ndjson(table.rows));
  return file(spec, name, jsonWithList(table, 'rows', table.rows));
}

/** Every associate admitted by asOf, taken at once (the GET reads its CSV as it writes it); the JSON is the one page GET …/associates answers when they all fit in it. */
function associatesFile(spec: ExportSpec, ledger: CooperativeLedgerState): ExportFile {
  const page = found(associatesAsOf(ledger, spec.coopId, { asOf: spec.asOf!, limit: Number.MAX_SAFE_INTEGER }), spec.coopId);
  const name = `${spec.coopId}-associates-${spec.asOf}`;
  if (spec.format === 'csv') return file(spec, name, { parts: partsOf(page.items.length), content: associatesCsvChunks(page.items, spec.dialect) });
  if (spec.format === 'ndjson') return file(spec, name, ndjson(page.items));
  return file(spec, name, jsonWithList(page, 'items', page.items));
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

/** A JSON, CSV or NDJSON file, named `<name>.<format>`. */
function file(spec: ExportSpec, name: string, content: Pick<ExportFile, 'parts' | 'content'>): ExportFile {
  const format = spec.format as Exclude<ExportFormat, 'fec'>;
  return { name: `${name}.${format}`, contentType: MEDIA_TYPES[format], ...content };
}

function* slicesOf<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let at = 0; at < rows.length; at += size) yield rows.slice(at, at + size);
}

const partsOf = (rows: number, size = SLICE) => Math.max(1, Math.ceil(rows / size));

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
  return { parts: partsOf(rows.length, size), content: content() };
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
  return { parts: partsOf(list.length, size), content: content() };
}

/** One JSON item a line (application/x-ndjson), as the streamed GETs write it. */
function ndjson(items: readonly unknown[]): Text {
  return { parts: partsOf(items.length), content: ndjsonChunks(items, SLICE) };
}

function* mapped<A, B>(items: Iterable<A>, map: (item: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
