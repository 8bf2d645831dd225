import { CapitalMovementType, EventOf } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState } from './cooperative-ledger.projection';
import { InvalidCursorError } from './cooperative-queries';
import { CsvColumn, CsvDialect, toCsv } from './csv';
import { latestCooperativeState } from './ledger-folds';
import { ownEntry } from './own-entry';

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
 * date: the auditor sees both. `from`/`to` filter on effective dates, inclusive. The rows are
 * shared with later answers: do not mutate them.
 */
export function capitalMovements(state: CooperativeLedgerState, coopId: string, range: { from?: string; to?: string } = {}): CapitalMovementRow[] | undefined {
  return capitalMovementsPage(state, coopId, range)?.items;
}

/**
 * One page of the register: the rows numbered after `after` (every row without it) within the
 * date range, at most `limit` of them. Row numbers never change, so a cursor stays valid while
 * the register grows. Throws InvalidCursorError when `after` is no row of the register.
 */
export function capitalMovementsPage(state: CooperativeLedgerState, coopId: string, query: CapitalMovementsQuery = {}): CapitalMovementsPage | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const rows = registerOf(coop);
  const { from, to, after = 0 } = query;
  if (!Number.isInteger(after) || after < 0 || after > rows.length) throw new InvalidCursorError(String(after));
  const limit = query.limit === undefined ? Infinity : Math.max(1, Math.floor(query.limit));
  const items: CapitalMovementRow[] = [];
  // Row n sits at index n - 1: the page starts right after the cursor, whatever the range.
  for (let i = after; i < rows.length; i++) {
    const row = rows[i];
    if ((from !== undefined && row.effectiveDate < from) || (to !== undefined && row.effectiveDate > to)) continue;
    if (items.length === limit) return { items, next: items[items.length - 1].number };
    items.push(row);
  }
  return { items, next: null };
}

/** One row of the register by its movement id (a cancellation's own row included); undefined when none. */
export function capitalMovementRow(state: CooperativeLedgerState, coopId: string, movementId: string): CapitalMovementRow | null | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const register = extendedRegister(coop);
  const at = register.indexOf.get(movementId);
  if (at !== undefined) return register.rows[at];
  return register.rows.find((row) => row.movementId === movementId) ?? null;
}

/**
 * The whole register, kept beside the read model (never in it, so snapshots and replays do not
 * see it) and extended with the events recorded since it was last asked for; nothing is
 * recomputed while the stream has not moved. A cancellation replaces the row it cancels with a
 * marked copy, so a page already handed out never changes under its reader.
 */
interface Register {
  /** coop.events[0..covered) are in `rows`. */
  covered: number;
  rows: CapitalMovementRow[];
  /** Index in `rows` of each movement, for its cancellation. */
  indexOf: Map<string, number>;
  /** Each associate's name, for the CSV's names beside ids. */
  names: Map<string, string>;
  /** The whole register as CSV in each dialect asked for, while `covered` has not moved. */
  csv: Partial<Record<CsvDialect, { covered: number; text: string }>>;
}

const registers = new WeakMap<CooperativeLedger, Register>();

function registerOf(coop: CooperativeLedger): readonly CapitalMovementRow[] {
  return extendedRegister(coop).rows;
}

function extendedRegister(coop: CooperativeLedger): Register {
  let register = registers.get(coop);
  if (!register) registers.set(coop, (register = { covered: 0, rows: [], indexOf: new Map(), names: new Map(), csv: {} }));
  if (register.covered === coop.events.length) return register;
  const { rows, indexOf, names } = register;
  // Redemptions record the refund; the paid-up capital that left is what the decider
  // computed, so only a register with redemptions pays for a fold of the stream.
  const paidOfRedemption = (movementId: string) => latestCooperativeState(coop).movements[movementId]?.paidCents ?? 0;
  for (let i = register.covered; i < coop.events.length; i++) {
    const event = coop.events[i];
    if (event.type === 'AssociateAdmitted') {
      const admitted = event.data as EventOf<'AssociateAdmitted'>['data'];
      names.set(admitted.associateId, admitted.name);
    }
    const row = movementRow(event.type, event.data, rows.length + 1, event.eventId, event.recordedAt, paidOfRedemption);
    if (!row) continue;
    rows.push(row);
    if (row.cancels === undefined) {
      indexOf.set(row.movementId, rows.length - 1);
      continue;
    }
    const at = indexOf.get(row.cancels);
    if (at !== undefined) {
      const cancelled = rows[at];
      rows[at] = { ...cancelled, cancelled: true, cancelledBy: row.movementId };
      row.associateId = cancelled.associateId;
      row.toAssociateId = cancelled.toAssociateId;
      row.shares = cancelled.shares;
      row.amountCents = cancelled.amountCents;
      row.paidCents = cancelled.paidCents;
    }
  }
  register.covered = coop.events.length;
  return register;
}

/**
 * The register (within `range`) as CSV, each associate's name beside their id; the whole
 * register's text is kept, per dialect, until the stream moves.
 */
export function capitalMovementsCsvOf(state: CooperativeLedgerState, coopId: string, range: { from?: string; to?: string } = {}, dialect: CsvDialect = 'rfc4180'): string | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const register = extendedRegister(coop);
  const nameOf = (id: string) => register.names.get(id) ?? null;
  if (range.from !== undefined || range.to !== undefined) return capitalMovementsCsv(capitalMovements(state, coopId, range) ?? [], nameOf, dialect);
  const kept = register.csv[dialect];
  if (kept?.covered === register.covered) return kept.text;
  const text = capitalMovementsCsv(register.rows, nameOf, dialect);
  register.csv[dialect] = { covered: register.covered, text };
  return text;
}

function movementRow(type: string, data: unknown, number: number, eventId: string, recordedAt: string, paidOfRedemption: (movementId: string) => number): CapitalMovementRow | undefined {
  switch (type) {
    case 'SharesSubscribed': {
      const d = data as EventOf<'SharesSubscribed'>['data'];
      return row(number, d.movementId, type, d.effectiveDate, recordedAt, d.associateId, null, d.shares, d.amountCents, d.paidCents);
    }
    case 'SharesPaidUp': {
      const d = data as EventOf<'SharesPaidUp'>['data'];
      return row(number, d.movementId, type, d.effectiveDate, recordedAt, d.associateId, null, 0, d.amountCents, d.amountCents);
    }
    case 'SharesRedeemed': {
      const d = data as EventOf<'SharesRedeemed'>['data'];
      return row(number, d.movementId, type, d.effectiveDate, recordedAt, d.associateId, null, d.shares, d.amountCents, paidOfRedemption(d.movementId));
    }
    case 'SharesTransferred': {
      const d = data as EventOf<'SharesTransferred'>['data'];
      return row(number, d.movementId, type, d.effectiveDate, recordedAt, d.fromAssociateId, d.toAssociateId, d.shares, d.amountCents, d.paidCents);
    }
    case 'CapitalMovementCancelled': {
      const d = data as EventOf<'CapitalMovementCancelled'>['data'];
      const cancellation = row(number, eventId, type, d.effectiveDate, recordedAt, '', null, 0, 0, 0);
      cancellation.cancels = d.movementId;
      cancellation.reason = d.reason;
      return cancellation;
    }
    default:
      return undefined;
  }
}

/** Every row built by one literal: one object shape for 100,000 rows keeps the register fast. */
function row(
  number: number,
  movementId: string,
  type: CapitalMovementRow['type'],
  effectiveDate: string,
  recordedAt: string,
  associateId: string,
  toAssociateId: string | null,
  shares: number,
  amountCents: number,
  paidCents: number,
): CapitalMovementRow {
  return { number, movementId, type, effectiveDate, recordedAt, associateId, toAssociateId, shares, amountCents, paidCents, cancelled: false };
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
