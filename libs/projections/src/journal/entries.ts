import { ACCOUNTS, Account, JOURNALS, JournalCode } from './accounts';

/** One line of an entry: a debit or a credit on an account, with the associate's (or employee's) auxiliary account when it has one. */
export interface JournalLine {
  account: Account;
  accountLabel: string;
  auxiliary?: string;
  auxiliaryLabel?: string;
  debitCents: number;
  creditCents: number;
}

/** An entry before it is numbered in its fiscal year. */
export interface DraftEntry {
  journalCode: JournalCode;
  journalLabel: string;
  /** EcritureDate: the day the operation is booked on. */
  date: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  lines: JournalLine[];
  /** Global position of the event it comes from: entries are numbered in this order (the order of validation). */
  position: number;
  /** The day the event was recorded (Paris): the entry's validation date. */
  recordedOn: string;
}

export interface Holder {
  readonly id: string;
  readonly name: string;
}

/**
 * Builds one entry line by line. Zero amounts are left out: a subscription paid in full has no
 * uncalled balance to book.
 */
export class EntryBuilder {
  readonly lines: JournalLine[] = [];

  debit(account: Account, cents: number, holder?: Holder): this {
    if (cents !== 0) this.lines.push(line(account, holder, cents, 0));
    return this;
  }

  credit(account: Account, cents: number, holder?: Holder): this {
    if (cents !== 0) this.lines.push(line(account, holder, 0, cents));
    return this;
  }

  entry(journalCode: JournalCode, head: Omit<DraftEntry, 'journalCode' | 'journalLabel' | 'lines'>): DraftEntry | undefined {
    if (this.lines.length === 0) return undefined;
    return { journalCode, journalLabel: JOURNALS[journalCode], ...head, lines: this.lines };
  }
}

/** Every line built by one literal (one object shape for hundreds of thousands of lines). */
function line(account: Account, holder: Holder | undefined, debitCents: number, creditCents: number): JournalLine {
  // A negative amount is booked on the other side: the FEC has no signed amounts.
  if (debitCents < 0 || creditCents < 0) return line(account, holder, -creditCents, -debitCents);
  if (holder === undefined) return { account, accountLabel: ACCOUNTS[account], debitCents, creditCents };
  return { account, accountLabel: ACCOUNTS[account], auxiliary: holder.id, auxiliaryLabel: holder.name, debitCents, creditCents };
}

/** The same entry reversed (contre-passation): every debit a credit and the reverse. */
export function reversed(entry: DraftEntry, head: Pick<DraftEntry, 'label' | 'pieceRef' | 'position' | 'recordedOn'>): DraftEntry {
  return {
    ...entry,
    ...head,
    lines: entry.lines.map((l) => ({ ...l, debitCents: l.creditCents, creditCents: l.debitCents })),
  };
}

/** Σ debits − Σ credits: 0 for an entry that balances. */
export function imbalanceOf(lines: readonly JournalLine[]): number {
  let sum = 0;
  for (const l of lines) sum += l.debitCents - l.creditCents;
  return sum;
}
