import { stringify } from 'csv-stringify/sync';

/**
 * `rfc4180`: `,` between fields, CRLF line ends, no BOM, money in integer cents and shares of
 * the capital in basis points, as the JSON has them — what a program reads back.
 * `fr`: what a French spreadsheet opens with a double click — `;` between fields (the comma is
 * the decimal separator there), a UTF-8 byte order mark (without it Excel reads the accents as
 * Windows-1252), money in euros and shares in percent with a decimal comma.
 */
export type CsvDialect = 'rfc4180' | 'fr';
export const CSV_DIALECTS: readonly CsvDialect[] = ['rfc4180', 'fr'];

/** How a column's values are written: `cents` and `bp` change unit (and header) in the `fr` dialect. */
export type CsvKind = 'text' | 'number' | 'cents' | 'bp' | 'boolean';

export interface CsvColumn<R> {
  /** The header in the `rfc4180` dialect; in `fr`, a `…Cents` column is headed `…Eur` and a `…Bp` one `…Pct`. */
  readonly name: string;
  readonly kind: CsvKind;
  readonly value: (row: R) => string | number | boolean | null | undefined;
}

/** A text value a spreadsheet would run as a formula (OWASP "CSV injection"): = + - @ tab or CR first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The rows as CSV through csv-stringify (quoting a field that holds the separator, a quote or a
 * line break, doubling its quotes). Empty values (null, undefined) are empty fields. A text
 * value that a spreadsheet would run as a formula is prefixed with `'`, in both dialects: these
 * files are opened in spreadsheets, and a name is typed by whoever admits an associate.
 */
export function toCsv<R>(columns: ReadonlyArray<CsvColumn<R>>, rows: Iterable<R>, dialect: CsvDialect = 'rfc4180'): string {
  let csv = '';
  for (const chunk of csvChunks(columns, rows, dialect, Infinity)) csv += chunk;
  return csv;
}

/** Rows per chunk of a streamed CSV: few calls into csv-stringify, and a chunk of a few hundred kilobytes at most. */
const ROWS_PER_CHUNK = 1000;

/**
 * The bytes of `toCsv`, a chunk of rows at a time, for an answer written as it is made
 * (`Readable.from`): memory holds one chunk, whatever the number of rows. Only the first chunk
 * opens with the byte order mark and the header; a field is quoted by what it holds, never by
 * where it falls, so the chunks joined are `toCsv` byte for byte.
 */
export function* csvChunks<R>(columns: ReadonlyArray<CsvColumn<R>>, rows: Iterable<R>, dialect: CsvDialect = 'rfc4180', rowsPerChunk = ROWS_PER_CHUNK): Generator<string> {
  const fr = dialect === 'fr';
  const options = { columns: columns.map((column) => headerOf(column, fr)), delimiter: fr ? ';' : ',', record_delimiter: 'windows' as const };
  let cells: string[][] = [];
  let first = true;
  for (const row of rows) {
    cells.push(columns.map((column) => cell(column, column.value(row), fr)));
    if (cells.length < rowsPerChunk) continue;
    yield stringify(cells, { ...options, header: first, bom: fr && first });
    first = false;
    cells = [];
  }
  if (first || cells.length > 0) yield stringify(cells, { ...options, header: first, bom: fr && first });
}

function headerOf(column: { name: string; kind: CsvKind }, fr: boolean): string {
  if (!fr) return column.name;
  if (column.kind === 'cents') return column.name.replace(/Cents$/, '') + 'Eur';
  if (column.kind === 'bp') return column.name.replace(/Bp$/, '') + 'Pct';
  return column.name;
}

function cell(column: { kind: CsvKind }, value: string | number | boolean | null | undefined, fr: boolean): string {
  if (value === null || value === undefined) return '';
  switch (column.kind) {
    case 'cents':
    case 'bp':
      return fr ? decimalComma(Number(value)) : String(value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'text': {
      const text = String(value);
      return FORMULA_START.test(text) ? `'${text}` : text;
    }
  }
}

/** An integer number of hundredths (cents, basis points) as units with a decimal comma: -12345 → "-123,45". */
export function decimalComma(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const units = Math.floor(abs / 100);
  return `${sign}${units},${String(abs - units * 100).padStart(2, '0')}`;
}
