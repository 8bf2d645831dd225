import { CSV_DIALECTS, CsvDialect } from '@ledger/projections';
import { parseEnum } from './query-params';

/**
 * What an export request asks for: `format` in the query wins, else `Accept: text/csv` means
 * CSV; the CSV dialect is `dialect` in the query, else a `dialect` parameter of the `text/csv`
 * media range (`Accept: text/csv; dialect=fr`), else RFC 4180. A bad `format` or `dialect` in
 * the query is a 400; an Accept parameter this service does not know is ignored, as HTTP wants.
 */
export function exportRequest<F extends string>(formats: readonly F[], query: { format?: string; dialect?: string }, accept: string | undefined): { format: F | 'csv' | 'json'; dialect: CsvDialect } {
  const csvRange = accept
    ?.split(',')
    .map((range) => range.trim())
    .find((range) => range.toLowerCase().startsWith('text/csv'));
  const format = parseEnum('format', query.format, formats) ?? (csvRange ? 'csv' : 'json');
  const fromAccept = csvRange?.match(/;\s*dialect\s*=\s*"?([a-z0-9]+)"?/i)?.[1]?.toLowerCase();
  const dialect = parseEnum('dialect', query.dialect, CSV_DIALECTS) ?? (fromAccept === 'fr' ? 'fr' : 'rfc4180');
  return { format, dialect };
}

/** The Content-Type of a CSV answer: RFC 4180's media type, with the header line declared. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/** The `dialect` query parameter, as the OpenAPI describes it. */
export const CSV_DIALECT_DOC =
  'CSV only. `rfc4180` (default): `,`, cents and basis points as in the JSON. `fr`: `;`, a UTF-8 BOM, euros and percent with a decimal comma (headers `…Eur`, `…Pct`) — what a French spreadsheet opens. Also as `Accept: text/csv; dialect=fr`.';
