import { CapitalMovementType, EventOf } from '@ledger/domain';
import { CooperativeLedgerState } from './cooperative-ledger.projection';
import { latestCooperativeState } from './ledger-folds';

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
  'number', 'movementId', 'type', 'effectiveDate', 'recordedAt', 'associateId', 'toAssociateId',
  'shares', 'amountCents', 'paidCents', 'cancelled', 'cancelledBy', 'cancels', 'reason',
];

/**
 * The register of share movements in the order they were recorded. A mistake stays in it,
 * marked cancelled, and its cancellation is a line of its own carrying the same effective
 * date: the auditor sees both. `from`/`to` filter on effective dates, inclusive.
 */
export function capitalMovements(
  state: CooperativeLedgerState,
  coopId: string,
  range: { from?: string; to?: string } = {},
): CapitalMovementRow[] | undefined {
  const coop = state.coops[coopId];
  if (!coop) return undefined;
  // Redemptions record the refund; the paid-up capital that left is what the decider
  // computed, so only a register with redemptions pays for a fold of the stream.
  const paidOfRedemption = (movementId: string) => latestCooperativeState(coop).movements[movementId]?.paidCents ?? 0;
  const all: CapitalMovementRow[] = [];
  const byMovementId = new Map<string, CapitalMovementRow>();
  for (const event of coop.events) {
    const row = movementRow(event.type, event.data, all.length + 1, event.eventId, event.recordedAt, paidOfRedemption);
    if (!row) continue;
    all.push(row);
    if (row.cancels === undefined) {
      byMovementId.set(row.movementId, row);
      continue;
    }
    const cancelled = byMovementId.get(row.cancels);
    if (cancelled) {
      cancelled.cancelled = true;
      cancelled.cancelledBy = row.movementId;
      row.associateId = cancelled.associateId;
      row.toAssociateId = cancelled.toAssociateId;
      row.shares = cancelled.shares;
      row.amountCents = cancelled.amountCents;
      row.paidCents = cancelled.paidCents;
    }
  }
  return all.filter(
    (row) => (range.from === undefined || row.effectiveDate >= range.from) && (range.to === undefined || row.effectiveDate <= range.to),
  );
}

function movementRow(
  type: string,
  data: unknown,
  number: number,
  eventId: string,
  recordedAt: string,
  paidOfRedemption: (movementId: string) => number,
): CapitalMovementRow | undefined {
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

/** RFC 4180: a header line, CRLF line ends, a field quoted when it holds a comma, quote or line break. */
export function capitalMovementsCsv(rows: readonly CapitalMovementRow[]): string {
  const lines = [CAPITAL_MOVEMENT_COLUMNS.join(',')];
  for (const row of rows) lines.push(CAPITAL_MOVEMENT_COLUMNS.map((column) => csvField(row[column])).join(','));
  return lines.join('\r\n') + '\r\n';
}

function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
