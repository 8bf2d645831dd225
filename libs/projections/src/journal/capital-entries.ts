import { EventOf } from '@ledger/domain';
import { LedgerEvent } from '../cooperative-ledger.projection';
import { DraftEntry, EntryBuilder, Holder, reversed } from './entries';

/** What the capital entries need besides the event: who is who, and what an older redemption event does not say. */
export interface CapitalEntryContext {
  holder(associateId: string): Holder;
  /** The paid-up and nominal capital a redemption took out, for events recorded before they were in the event. */
  redeemed(movementId: string): { paidCents: number; nominalCents: number };
  /** The entries already built for a movement, for its cancellation. */
  entriesOf(movementId: string): readonly DraftEntry[];
}

const parts = (shares: number) => (shares === 1 ? '1 part' : `${shares} parts`);

/**
 * The entries of one event of the cooperative stream (none for an event that moves no money nor
 * capital). The scheme, account by account, is docs/year-close.md's "Journal and FEC":
 *
 * - a subscription is booked as subscribed (OD): the part paid at once is called (1012 against
 *   4562), the balance is not called yet (1011 against 109); the money received is a second
 *   entry (BQ): 512 against 4562, and that capital is now paid (1012 → 1013);
 * - paying up the balance calls and pays it at once (BQ): 512 against 109, 1011 → 1013;
 * - a redemption takes the associate's capital out (OD): paid-up capital to 4567 (what is owed
 *   back), the part of it not refunded (losses: COOP-REDEMPTION-NOMINAL) against 119, the unpaid
 *   balance cancelled (1011 against 109); the refund is paid the same day (BQ): 4567 against 512;
 * - a transfer moves capital and any unpaid balance from one associate to the other (OD);
 * - a cancellation reverses every entry of the cancelled movement, on its date.
 *
 * The capital accounts carry the associate as auxiliary account, so the capital accounts
 * reconcile with the register associate by associate, and a transfer (which moves no money of the
 * cooperative's) is an entry between two associates.
 */
export function capitalEntries(event: LedgerEvent, position: number, recordedOn: string, context: CapitalEntryContext): DraftEntry[] {
  const at = { position, recordedOn };
  switch (event.type) {
    case 'SharesSubscribed': {
      const d = event.data as EventOf<'SharesSubscribed'>['data'];
      const who = context.holder(d.associateId);
      const unpaid = d.amountCents - d.paidCents;
      const head = { date: d.effectiveDate, pieceRef: d.movementId, pieceDate: d.effectiveDate, ...at };
      const subscribed = new EntryBuilder()
        .debit('4562', d.paidCents, who)
        .debit('109', unpaid, who)
        .credit('1012', d.paidCents, who)
        .credit('1011', unpaid, who)
        .entry('OD', { ...head, label: `Souscription de ${parts(d.shares)} - ${who.name}` });
      const paid = new EntryBuilder()
        .debit('512', d.paidCents)
        .credit('4562', d.paidCents, who)
        .debit('1012', d.paidCents, who)
        .credit('1013', d.paidCents, who)
        .entry('BQ', { ...head, label: `Versement sur souscription - ${who.name}` });
      return present(subscribed, paid);
    }
    case 'SharesPaidUp': {
      const d = event.data as EventOf<'SharesPaidUp'>['data'];
      const who = context.holder(d.associateId);
      const paid = new EntryBuilder()
        .debit('512', d.amountCents)
        .credit('109', d.amountCents, who)
        .debit('1011', d.amountCents, who)
        .credit('1013', d.amountCents, who)
        .entry('BQ', { date: d.effectiveDate, pieceRef: d.movementId, pieceDate: d.effectiveDate, label: `Libération du capital souscrit - ${who.name}`, ...at });
      return present(paid);
    }
    case 'SharesRedeemed': {
      const d = event.data as EventOf<'SharesRedeemed'>['data'];
      const who = context.holder(d.associateId);
      const recorded = d.paidCents === undefined || d.nominalCents === undefined ? context.redeemed(d.movementId) : undefined;
      const paidCents = d.paidCents ?? recorded!.paidCents;
      const nominalCents = d.nominalCents ?? recorded!.nominalCents;
      const head = { date: d.effectiveDate, pieceRef: d.movementId, pieceDate: d.effectiveDate, ...at };
      const redeemed = new EntryBuilder()
        .debit('1013', paidCents, who)
        .credit('4567', d.amountCents, who)
        // The paid-up capital not refunded absorbs the associate's share of losses.
        .credit('119', paidCents - d.amountCents)
        .debit('1011', nominalCents - paidCents, who)
        .credit('109', nominalCents - paidCents, who)
        .entry('OD', { ...head, label: `Remboursement de ${parts(d.shares)} - ${who.name}` });
      const refunded = new EntryBuilder()
        .debit('4567', d.amountCents, who)
        .credit('512', d.amountCents)
        .entry('BQ', { ...head, label: `Paiement du remboursement de parts - ${who.name}` });
      return present(redeemed, refunded);
    }
    case 'SharesTransferred': {
      const d = event.data as EventOf<'SharesTransferred'>['data'];
      const from = context.holder(d.fromAssociateId);
      const to = context.holder(d.toAssociateId);
      const unpaid = d.amountCents - d.paidCents;
      const moved = new EntryBuilder()
        .debit('1013', d.paidCents, from)
        .credit('1013', d.paidCents, to)
        .debit('1011', unpaid, from)
        .credit('1011', unpaid, to)
        .debit('109', unpaid, to)
        .credit('109', unpaid, from)
        .entry('OD', { date: d.effectiveDate, pieceRef: d.movementId, pieceDate: d.effectiveDate, label: `Cession de ${parts(d.shares)} de ${from.name} à ${to.name}`, ...at });
      return present(moved);
    }
    case 'CapitalMovementCancelled': {
      const d = event.data as EventOf<'CapitalMovementCancelled'>['data'];
      return context.entriesOf(d.movementId).map((entry) => reversed(entry, { label: `Annulation : ${entry.label}`, pieceRef: event.eventId, ...at }));
    }
    default:
      return [];
  }
}

function present(...entries: Array<DraftEntry | undefined>): DraftEntry[] {
  return entries.filter((entry): entry is DraftEntry => entry !== undefined);
}
