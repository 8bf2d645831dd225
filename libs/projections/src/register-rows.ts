import { EventOf } from '@ledger/domain';
import type { CapitalMovementRow } from './capital-movements';
import { CooperativeLedger, EVENTS_PER_PART, LedgerEvent } from './cooperative-ledger.projection';
import { EventParts, eventPartsOf, isRegisterRow, paidOfRedemption, registerDataOf, RegisterIndex, registerIndexOf } from './register-index';

/*
 * The rows of the register of share movements (capital-movements.ts) as they are read from the
 * events parts, a part at a time, with the figures the register index keeps for them.
 */

/** A cooperative's events by parts and its register index, extended to every event recorded. */
export interface Register {
  parts: EventParts;
  index: RegisterIndex;
}

export function registerOf(coop: CooperativeLedger): Register {
  const parts = eventPartsOf(coop, EVENTS_PER_PART);
  return { parts, index: registerIndexOf(coop, parts) };
}

/** The part holding row `number` (from 1): the last part with fewer rows before it. */
export function partOfRow(index: RegisterIndex, number: number): number {
  let low = 0;
  let high = index.rowsBefore.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (index.rowsBefore[mid] < number) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The rows numbered after `after` up to `last`, read part by part from the one holding row
 * `after + 1`; a part whose rows all fall outside `range` (effective dates) is not read, and the
 * caller still filters the rows of the others. With `names`, every part is read from the first,
 * learning each associate's name from the admissions on the way (an associate is admitted
 * before any row names them).
 */
export function* rowsOf(register: Register, after: number, last: number, range: { from?: string; to?: string } = {}, names?: Map<string, string>): Generator<CapitalMovementRow> {
  const { index, parts } = register;
  if (after >= last) return;
  for (let part = names ? 0 : partOfRow(index, after + 1); part < index.rowsBefore.length; part++) {
    let number = index.rowsBefore[part];
    if (number >= last) return;
    const dates = index.dates[part];
    if (!names && (!dates || (range.from !== undefined && dates[1] < range.from) || (range.to !== undefined && dates[0] > range.to))) continue;
    for (const event of parts.part(part)) {
      if (names && event.type === 'AssociateAdmitted') {
        const admitted = registerDataOf<EventOf<'AssociateAdmitted'>['data']>(event);
        names.set(admitted.associateId, admitted.name);
      }
      if (!isRegisterRow(event.type)) continue;
      if (++number > last) return;
      if (number > after) yield movementRow(event, number, index, last);
    }
  }
}

/**
 * Row `number` of the register from its event and the index's figures. `last` is the last row
 * of the answer being made: a cancellation recorded after it has not happened in that answer.
 */
export function movementRow(event: LedgerEvent, number: number, index: RegisterIndex, last: number): CapitalMovementRow {
  const { type, eventId, recordedAt } = event;
  if (type === 'CapitalMovementCancelled') {
    const d = registerDataOf<EventOf<'CapitalMovementCancelled'>['data']>(event);
    const cancellation = row(number, eventId, type, d.effectiveDate, recordedAt, '', null, 0, 0, 0);
    cancellation.cancels = d.movementId;
    cancellation.reason = d.reason;
    const figures = index.cancels.get(number);
    if (figures) [cancellation.associateId, cancellation.toAssociateId, cancellation.shares, cancellation.amountCents, cancellation.paidCents] = figures;
    return cancellation;
  }
  const movement = movementOf(event, number, index);
  const cancelled = index.cancelled.get(number);
  if (cancelled && cancelled.at <= last) {
    movement.cancelled = true;
    movement.cancelledBy = cancelled.by;
  }
  return movement;
}

function movementOf(event: LedgerEvent, number: number, index: RegisterIndex): CapitalMovementRow {
  const { type, recordedAt } = event;
  const data = registerDataOf(event);
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
      return row(number, d.movementId, type, d.effectiveDate, recordedAt, d.associateId, null, d.shares, d.amountCents, paidOfRedemption(index, number, d));
    }
    default: {
      const d = data as EventOf<'SharesTransferred'>['data'];
      return row(number, d.movementId, 'SharesTransferred', d.effectiveDate, recordedAt, d.fromAssociateId, d.toAssociateId, d.shares, d.amountCents, d.paidCents);
    }
  }
}

/** The id a row is found by: the movement's, or a cancellation's own event id. */
export function rowIdOf(event: LedgerEvent): string {
  return event.type === 'CapitalMovementCancelled' ? event.eventId : registerDataOf<{ movementId: string }>(event).movementId;
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
