import { CapitalMovementRow } from './capital-movements';
import { CooperativeLedger, LedgerEvent } from './cooperative-ledger.projection';
import { latestCooperativeState } from './ledger-folds';

/**
 * The register as it was built before it had an index (register-index.ts): every event walked in
 * recording order, a cancellation marking the last row of the movement it names, a redemption's
 * paid-up capital taken from the fold of the stream. The specs compare the register to it.
 */
export function referenceRegister(coop: CooperativeLedger): { rows: CapitalMovementRow[]; names: Map<string, string> } {
  const rows: CapitalMovementRow[] = [];
  const indexOf = new Map<string, number>();
  const names = new Map<string, string>();
  const base = (
    e: LedgerEvent,
    movementId: string,
    type: CapitalMovementRow['type'],
    effectiveDate: string,
    associateId: string,
    toAssociateId: string | null,
    shares: number,
    amountCents: number,
    paidCents: number,
  ): CapitalMovementRow => ({
    number: rows.length + 1,
    movementId,
    type,
    effectiveDate,
    recordedAt: e.recordedAt,
    associateId,
    toAssociateId,
    shares,
    amountCents,
    paidCents,
    cancelled: false,
  });
  for (const e of coop.events) {
    const d = e.data as unknown as Record<string, never>;
    let row: CapitalMovementRow;
    if (e.type === 'AssociateAdmitted') names.set(d.associateId, d.name);
    if (e.type === 'SharesSubscribed') row = base(e, d.movementId, e.type, d.effectiveDate, d.associateId, null, d.shares, d.amountCents, d.paidCents);
    else if (e.type === 'SharesPaidUp') row = base(e, d.movementId, e.type, d.effectiveDate, d.associateId, null, 0, d.amountCents, d.amountCents);
    else if (e.type === 'SharesRedeemed') row = base(e, d.movementId, e.type, d.effectiveDate, d.associateId, null, d.shares, d.amountCents, latestCooperativeState(coop).movements[d.movementId]?.paidCents ?? 0);
    else if (e.type === 'SharesTransferred') row = base(e, d.movementId, e.type, d.effectiveDate, d.fromAssociateId, d.toAssociateId, d.shares, d.amountCents, d.paidCents);
    else if (e.type === 'CapitalMovementCancelled') {
      row = { ...base(e, e.eventId, e.type, d.effectiveDate, '', null, 0, 0, 0), cancels: d.movementId, reason: d.reason };
      const at = indexOf.get(d.movementId);
      if (at !== undefined) {
        const cancelled = rows[at];
        rows[at] = { ...cancelled, cancelled: true, cancelledBy: row.movementId };
        Object.assign(row, { associateId: cancelled.associateId, toAssociateId: cancelled.toAssociateId, shares: cancelled.shares, amountCents: cancelled.amountCents, paidCents: cancelled.paidCents });
      }
      rows.push(row);
      continue;
    } else continue;
    rows.push(row);
    indexOf.set(row.movementId, rows.length - 1);
  }
  return { rows, names };
}
