import { fiscalPeriodOf, FiscalPeriod, movementOf } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState } from '../cooperative-ledger.projection';
import { latestCooperativeState } from '../ledger-folds';
import { JournalCode } from './accounts';
import { capitalEntries } from './capital-entries';
import { DraftEntry, Holder, JournalLine } from './entries';
import { fiscalYearEntries } from './fiscal-year-entries';
import { JournalState } from './journal.projection';
import { parisDateOf } from './paris-date';

/** An entry of the journal as docs/api.md gives it: numbered within its fiscal year. */
export interface JournalEntry {
  /** EcritureNum: 1, 2, 3… within the fiscal year, across journals, in the order the entries were validated. */
  number: number;
  journalCode: JournalCode;
  journalLabel: string;
  date: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  /** ValidDate: the day the ledger recorded the act (never before the previous entry's). */
  validDate: string;
  lines: JournalLine[];
}

export interface Journal {
  coopId: string;
  year: number;
  startsOn: string;
  endsOn: string;
  entries: JournalEntry[];
}

/** The entries of one cooperative's capital events, extended as events arrive (kept beside the read model). */
interface CapitalDrafts {
  covered: number;
  drafts: DraftEntry[];
  byMovement: Map<string, DraftEntry[]>;
  names: Map<string, string>;
}

const capitalCache = new WeakMap<CooperativeLedger, CapitalDrafts>();
const journalCache = new WeakMap<CooperativeLedger, Map<number, { key: string; journal: Journal }>>();

/**
 * The journal of fiscal year `year`: every entry dated within it, from the capital events and
 * the fiscal-year events (the allocation of year N is dated at the AG, so in N+1; the part
 * travail of year N at N's end). Numbers follow the global log — the order in which the ledger
 * validated the acts — so a number once given never changes: a late act is numbered after the
 * entries already there, whatever its date. Undefined for an unknown cooperative; throws the
 * domain's DomainError for a year before the ledger's first.
 */
export function journalOf(ledger: CooperativeLedgerState, journal: JournalState, coopId: string, year: number): Journal | undefined {
  const coop = ledger.coops[coopId];
  if (!coop) return undefined;
  const fiscalYears = journal.coops[coopId]?.fiscalYears ?? [];
  const key = `${coop.events.length}:${fiscalYears.length}`;
  const years = journalCache.get(coop) ?? new Map<number, { key: string; journal: Journal }>();
  journalCache.set(coop, years);
  const kept = years.get(year);
  if (kept?.key === key) return kept.journal;

  const period = fiscalPeriodOf(latestCooperativeState(coop), year);
  const yearEndOf = (y: number) => (y === year ? period.endsOn : fiscalPeriodOf(latestCooperativeState(coop), y).endsOn);
  const capital = capitalDrafts(coop);
  const fiscal = fiscalYears.flatMap((record) => fiscalYearEntries(record, yearEndOf));
  const result: Journal = { coopId, year, startsOn: period.startsOn, endsOn: period.endsOn, entries: numbered(merge(capital.drafts, fiscal), period) };
  years.set(year, { key, journal: result });
  return result;
}

/** Both lists are in position order: one merge, no sort. */
function merge(a: readonly DraftEntry[], b: readonly DraftEntry[]): DraftEntry[] {
  if (b.length === 0) return a as DraftEntry[];
  const out: DraftEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].position <= b[j].position) ? a[i++] : b[j++]);
  return out;
}

function numbered(drafts: readonly DraftEntry[], period: FiscalPeriod): JournalEntry[] {
  const entries: JournalEntry[] = [];
  let validDate = '';
  for (const d of drafts) {
    if (d.date < period.startsOn || d.date > period.endsOn) continue;
    if (d.recordedOn > validDate) validDate = d.recordedOn;
    entries.push({ number: entries.length + 1, journalCode: d.journalCode, journalLabel: d.journalLabel, date: d.date, pieceRef: d.pieceRef, pieceDate: d.pieceDate, label: d.label, validDate, lines: d.lines });
  }
  return entries;
}

function capitalDrafts(coop: CooperativeLedger): CapitalDrafts {
  let cache = capitalCache.get(coop);
  if (!cache) capitalCache.set(coop, (cache = { covered: 0, drafts: [], byMovement: new Map(), names: new Map() }));
  if (cache.covered === coop.events.length) return cache;
  const { drafts, byMovement, names } = cache;
  const context = {
    holder: (id: string): Holder => ({ id, name: names.get(id) ?? id }),
    redeemed: (movementId: string) => {
      const movement = movementOf(latestCooperativeState(coop), movementId);
      return { paidCents: movement?.paidCents ?? 0, nominalCents: movement?.nominalCents ?? 0 };
    },
    entriesOf: (movementId: string) => byMovement.get(movementId) ?? [],
  };
  for (let i = cache.covered; i < coop.events.length; i++) {
    const event = coop.events[i];
    if (event.type === 'AssociateAdmitted') {
      const data = event.data as { associateId: string; name: string };
      names.set(data.associateId, data.name);
      continue;
    }
    const entries = capitalEntries(event, Number(event.position), parisDateOf(event.recordedAt), context);
    if (entries.length === 0) continue;
    const movementId = (event.data as { movementId?: string }).movementId;
    if (movementId !== undefined && event.type !== 'CapitalMovementCancelled') byMovement.set(movementId, entries);
    for (const entry of entries) drafts.push(entry);
  }
  cache.covered = coop.events.length;
  return cache;
}

/** The SIREN of the statuts in force at the ledger's head (it names the FEC file), or null when they have none. */
export function sirenOf(ledger: CooperativeLedgerState, coopId: string): string | null {
  const coop = ledger.coops[coopId];
  return coop ? (latestCooperativeState(coop).statuts?.siren ?? null) : null;
}
