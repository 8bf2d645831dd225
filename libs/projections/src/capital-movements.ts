import { CapitalMovementType } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState, StoredLedger } from './cooperative-ledger.projection';
import { InvalidCursorError } from './cooperative-queries';
import { csvChunks, CsvColumn, CsvDialect, toCsv } from './csv';
import { ndjsonChunks } from './ndjson';
import { ownEntry } from './own-entry';
import { isRegisterRow } from './register-index';
import { movementRow, partOfRow, Register, registerOf, rowIdOf, rowsOf } from './register-rows';

/** One line of the registre des mouvements de titres. */
export interface CapitalMovementRow {
  /** 1..n in recording order, over the whole register: a filter never renumbers. */
  number: number;
  /** The movement's id (its event id); for a cancellation, the cancelling event's id. */
  movementId: string;
  type: CapitalMovementType | 'CapitalMovementCancelled';
  effectiveDate: string;
  recordedAt: string;
  associateId: string;
  /** Transfers: the receiving associate. */
  toAssociateId: string | null;
  shares: number;
  /** Subscriptions and transfers: nominal; payments: the amount paid; redemptions: the refund. */
  amountCents: number;
  /** The paid-up capital that moved (for a redemption, the paid-up capital that left). */
  paidCents: number;
  cancelled: boolean;
  /** Set on a cancelled movement: the id of the event that cancelled it. */
  cancelledBy?: string;
  /** Set on a cancellation: the movement it cancels. */
  cancels?: string;
  reason?: string;
}

export const CAPITAL_MOVEMENT_COLUMNS: ReadonlyArray<keyof CapitalMovementRow> = [
  'number',
  'movementId',
  'type',
  'effectiveDate',
  'recordedAt',
  'associateId',
  'toAssociateId',
  'shares',
  'amountCents',
  'paidCents',
  'cancelled',
  'cancelledBy',
  'cancels',
  'reason',
];

export interface CapitalMovementsQuery {
  /** Effective dates, inclusive. */
  from?: string;
  to?: string;
  /** Cursor: the `number` of the last row of the previous page (0: from the first row). */
  after?: number;
  /** At most this many rows; without it, every row (after the cursor). */
  limit?: number;
}

export interface CapitalMovementsPage {
  items: CapitalMovementRow[];
  /** The `after` of the next page, or null when this page ends the register. */
  next: number | null;
}

/**
 * The register of share movements in the order they were recorded. A mistake stays in it,
 * marked cancelled, and its cancellation is a line of its own carrying the same effective
 * date: the auditor sees both. `from`/`to` filter on effective dates, inclusive. Every row
 * is in the array: for a large register, page it or stream it (capitalMovementsExport).
 */
export function capitalMovements(state: CooperativeLedgerState, coopId: string, range: { from?: string; to?: string } = {}): CapitalMovementRow[] | undefined {
  return capitalMovementsPage(state, coopId, range)?.items;
}

/**
 * One page of the register: the rows numbered after `after` (every row without it) within the
 * date range, at most `limit` of them. Row numbers never change, so a cursor stays valid while
 * the register grows. Throws InvalidCursorError when `after` is no row of the register.
 *
 * The page reads the register index (register-index.ts) and the parts of the events holding
 * its rows, never the whole stream. With a date range the parts are scanned forward from the
 * cursor, one at a time, skipping those whose rows all fall outside it (the index keeps each
 * part's earliest and latest effective dates): effective dates mostly follow recording order,
 * so a range reads about the parts it covers, but backdated rows spread over many parts make it
 * read those too, and so does the search for one more row to say whether a next page exists.
 */
export function capitalMovementsPage(state: CooperativeLedgerState, coopId: string, query: CapitalMovementsQuery = {}): CapitalMovementsPage | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const register = registerOf(coop);
  const { from, to } = query;
  const after = cursorOf(register, query.after);
  const limit = query.limit === undefined ? Infinity : Math.max(1, Math.floor(query.limit));
  const ranged = from !== undefined || to !== undefined;
  const last = register.index.rows;
  const items: CapitalMovementRow[] = [];
  for (const row of rowsOf(register, after, last, { from, to })) {
    if (!inRange(row, from, to)) continue;
    if (items.length === limit) return { items, next: items[items.length - 1].number };
    items.push(row);
    // Without a range the next row exists exactly when this one is not the last: no part is read to find it.
    if (items.length === limit && !ranged) return { items, next: row.number < last ? row.number : null };
  }
  return { items, next: null };
}

/** Rows per chunk of a streamed JSON or NDJSON register. */
const ROWS_PER_CHUNK = 1000;

/**
 * The register from `after` (every row without it) within the date range, as text made chunk by
 * chunk while it is read: memory holds a chunk of rows (and, for the CSV, each associate's name),
 * whatever the size of the register. The rows are those recorded when it is called; a cursor
 * that is no row throws InvalidCursorError then, not while the chunks are read. The JSON is
 * `capitalMovementsPage` without a limit, byte for byte; the CSV `capitalMovementsCsv`.
 */
export function capitalMovementsExport(
  state: CooperativeLedgerState,
  coopId: string,
  query: { from?: string; to?: string; after?: number } & ({ format: 'json' | 'ndjson' } | { format: 'csv'; dialect?: CsvDialect }),
): Iterable<string> | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const register = registerOf(coop);
  const after = cursorOf(register, query.after);
  const last = register.index.rows;
  const ranged = (rows: Iterable<CapitalMovementRow>) => filter(rows, (row) => inRange(row, query.from, query.to));
  if (query.format === 'csv') {
    const names = new Map<string, string>();
    const nameOf = (id: string) => names.get(id) ?? null;
    return csvChunks(movementColumns(nameOf), ranged(rowsOf(register, after, last, query, names)), query.dialect);
  }
  const rows = ranged(rowsOf(register, after, last, query));
  return query.format === 'ndjson' ? ndjsonChunks(rows, ROWS_PER_CHUNK) : jsonPage(rows);
}

function* jsonPage(rows: Iterable<CapitalMovementRow>): Generator<string> {
  let chunk = '{"items":[';
  let count = 0;
  for (const row of rows) {
    chunk += (count > 0 ? ',' : '') + JSON.stringify(row);
    if (++count % ROWS_PER_CHUNK !== 0) continue;
    yield chunk;
    chunk = '';
  }
  yield chunk + '],"next":null}';
}

function* filter<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

function inRange(row: CapitalMovementRow, from: string | undefined, to: string | undefined): boolean {
  return (from === undefined || row.effectiveDate >= from) && (to === undefined || row.effectiveDate <= to);
}

function cursorOf(register: Register, after = 0): number {
  if (!Number.isInteger(after) || after < 0 || after > register.index.rows) throw new InvalidCursorError(String(after));
  return after;
}

/**
 * One row of the register by its movement id (a cancellation's own row: its event id);
 * undefined when the cooperative is unknown, null when no row has that id. Movement ids are
 * the events' ids, one row each. The last part is looked at first (a movement just recorded);
 * else a lookup of every row's id, made at the first such question and extended since, names
 * the part to read.
 */
export function capitalMovementRow(state: CooperativeLedgerState, coopId: string, movementId: string): CapitalMovementRow | null | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const register = registerOf(coop);
  const lastPart = register.index.rowsBefore.length - 1;
  if (lastPart < 0) return null;
  if (!lookups.has(coop)) {
    const recent = rowInPart(register, lastPart, movementId);
    if (recent) return recent;
  }
  for (const number of lookupOf(coop, register).candidates(movementId)) {
    const found = rowInPart(register, partOfRow(register.index, number), movementId);
    if (found) return found;
  }
  return null;
}

function rowInPart(register: Register, part: number, movementId: string): CapitalMovementRow | undefined {
  const { index, parts } = register;
  let number = index.rowsBefore[part];
  for (const event of parts.part(part)) {
    if (!isRegisterRow(event.type)) continue;
    if (++number > index.rows) break;
    if (rowIdOf(event) === movementId) return movementRow(event, number, index, index.rows);
  }
  return undefined;
}

/**
 * Each row's id hashed to 32 bits, in row order: 4 bytes a row (4 MB for a million), where a Map
 * of the ids themselves would take tens of megabytes. A hash names the rows that may be the
 * one; reading their part tells.
 */
class RowLookup {
  #hashes = new Uint32Array(1024);
  #rows = 0;

  extend(register: Register): void {
    const { index, parts } = register;
    if (this.#rows === index.rows) return;
    for (let part = partOfRow(index, this.#rows + 1); part < index.rowsBefore.length && this.#rows < index.rows; part++) {
      let number = index.rowsBefore[part];
      for (const event of parts.part(part)) {
        if (!isRegisterRow(event.type)) continue;
        if (++number > index.rows) break;
        if (number > this.#rows) this.push(hashOf(rowIdOf(event)));
      }
    }
  }

  *candidates(id: string): Generator<number> {
    const hash = hashOf(id);
    for (let i = this.#rows - 1; i >= 0; i--) if (this.#hashes[i] === hash) yield i + 1;
  }

  private push(hash: number): void {
    if (this.#rows === this.#hashes.length) {
      const grown = new Uint32Array(this.#hashes.length * 2);
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[this.#rows++] = hash;
  }
}

const lookups = new WeakMap<CooperativeLedger, RowLookup>();
StoredLedger.onEvict.push((coop) => lookups.delete(coop));

function lookupOf(coop: CooperativeLedger, register: Register): RowLookup {
  let lookup = lookups.get(coop);
  if (!lookup) lookups.set(coop, (lookup = new RowLookup()));
  lookup.extend(register);
  return lookup;
}

/** FNV-1a over the UTF-16 code units. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The register (within `range`) as CSV, each associate's name beside their id: the chunks of
 * `capitalMovementsExport` joined (an HTTP answer streams them instead).
 */
export function capitalMovementsCsvOf(state: CooperativeLedgerState, coopId: string, range: { from?: string; to?: string } = {}, dialect: CsvDialect = 'rfc4180'): string | undefined {
  const chunks = capitalMovementsExport(state, coopId, { ...range, format: 'csv', dialect });
  if (!chunks) return undefined;
  let csv = '';
  for (const chunk of chunks) csv += chunk;
  return csv;
}

type NameOf = (associateId: string) => string | null;

/** The register's columns, with the associates' names beside their ids (empty for a cancellation of an unknown movement). */
function movementColumns(nameOf: NameOf): ReadonlyArray<CsvColumn<CapitalMovementRow>> {
  const kinds: Partial<Record<keyof CapitalMovementRow, CsvColumn<CapitalMovementRow>['kind']>> = { number: 'number', shares: 'number', amountCents: 'cents', paidCents: 'cents', cancelled: 'boolean' };
  const columns: Array<CsvColumn<CapitalMovementRow>> = [];
  for (const name of CAPITAL_MOVEMENT_COLUMNS) {
    columns.push({ name, kind: kinds[name] ?? 'text', value: (row) => row[name] });
    if (name === 'associateId') columns.push({ name: 'associateName', kind: 'text', value: (row) => (row.associateId ? nameOf(row.associateId) : null) });
    if (name === 'toAssociateId') columns.push({ name: 'toAssociateName', kind: 'text', value: (row) => (row.toAssociateId ? nameOf(row.toAssociateId) : null) });
  }
  return columns;
}

/**
 * The register as CSV (csv-stringify): a header line, CRLF line ends, a field quoted when it
 * holds the separator, a quote or a line break; `fr`: `;`, a BOM, euros with a decimal comma.
 */
export function capitalMovementsCsv(rows: readonly CapitalMovementRow[], nameOf: NameOf = () => null, dialect: CsvDialect = 'rfc4180'): string {
  return toCsv(movementColumns(nameOf), rows, dialect);
}
