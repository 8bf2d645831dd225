import { AssociateState, capitalPicture, Category, CooperativeState, PersonType, Statuts, votingRights } from '@ledger/domain';
import { CooperativeLedger, CooperativeLedgerState, StoredLedger } from './cooperative-ledger.projection';
import { csvChunks, CsvColumn, CsvDialect } from './csv';
import { cooperativeStateAsOf, ledgerEffectiveDate, SavedFold, savedFoldAsOf } from './ledger-folds';
import { ndjsonChunks } from './ndjson';
import { ownEntry } from './own-entry';

export interface CooperativeSummary {
  id: string;
  name: string;
  legalForm: Statuts['legalForm'];
  companyForm: Statuts['companyForm'];
  registeredOn: string;
  revision: number;
}

export type CooperativeView = Statuts & {
  id: string;
  asOf: string;
  revision: number;
  /** Active associates (a withdrawn one waiting for redemption no longer counts). */
  associates: number;
  shares: number;
  capitalCents: number;
  paidUpCents: number;
};

export interface AssociateView {
  id: string;
  name: string;
  category: Category;
  collegeCode: string | null;
  status: AssociateState['status'];
  shares: number;
  subscribedCents: number;
  paidUpCents: number;
  votingRights: boolean;
  personType: PersonType;
  admittedOn: string;
  withdrawnOn: string | null;
}

export interface AssociatesQuery {
  asOf: string;
  status?: AssociateState['status'];
  collegeCode?: string;
  /** Cursor: the id of the last associate of the previous page. */
  after?: string;
  limit: number;
}

/** Which associates a whole export of the member register holds. */
export type AssociatesFilter = Omit<AssociatesQuery, 'after' | 'limit'>;

/** The `after` cursor names no associate admitted by `asOf`, or no row of the capital register (the API answers 400). */
export class InvalidCursorError extends Error {
  constructor(readonly cursor: string) {
    super(`Unknown cursor: ${cursor}`);
    this.name = 'InvalidCursorError';
  }
}

/**
 * The registry: each cooperative under the statuts that take effect last (an amendment
 * renaming it shows at once, even when dated ahead), in the order they were created.
 */
export function listCooperatives(state: CooperativeLedgerState): CooperativeSummary[] {
  const list: CooperativeSummary[] = [];
  for (const coopId of state.coopOrder) {
    const coop = ownEntry(state.coops, coopId);
    if (!coop) continue;
    const statuts = lastStatuts(coop);
    if (!statuts) continue;
    const { name, legalForm, companyForm, registeredOn } = statuts;
    list.push({ id: coopId, name, legalForm, companyForm, registeredOn, revision: coop.revision });
  }
  return list;
}

/** The statuts in force on `asOf` and the capital then; undefined before the statuts existed. */
export function cooperativeAsOf(state: CooperativeLedgerState, coopId: string, asOf: string): CooperativeView | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const folded = cooperativeStateAsOf(coop, asOf);
  if (!folded.statuts) return undefined;
  return {
    ...folded.statuts,
    id: coopId,
    asOf,
    revision: coop.revision,
    associates: capitalPicture(folded).votes,
    shares: folded.totals.shares,
    capitalCents: folded.totals.capitalCents,
    paidUpCents: folded.totals.paidUpCents,
  };
}

/** Associates admitted by `asOf`, in order of admission, one page after the cursor. */
export function associatesAsOf(state: CooperativeLedgerState, coopId: string, query: AssociatesQuery): { items: AssociateView[]; next: string | null } | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  // The first page after a restart, from the snapshot's fold: its parts of associates in turn, not a fold of them all.
  const saved = query.after === undefined ? savedFoldAsOf(coop, query.asOf) : undefined;
  if (saved) return pageOfAssociates(savedAssociates(saved), query);
  const folded = cooperativeStateAsOf(coop, query.asOf);
  const order = folded.associateOrder;
  let start = 0;
  if (query.after !== undefined) {
    // Admission order never changes, so the cursor's place can be found again on any page.
    const at = order.indexOf(query.after);
    if (at < 0) throw new InvalidCursorError(query.after);
    start = at + 1;
  }
  return pageOfAssociates(associatesFrom(folded, start), query);
}

function* associatesFrom(folded: CooperativeState, start: number): Iterable<AssociateState> {
  for (let i = start; i < folded.associateOrder.length; i++) yield folded.associates[folded.associateOrder.at(i)!];
}

function* savedAssociates(saved: SavedFold): Iterable<AssociateState> {
  for (const { associate } of saved.associates()) yield associate;
}

function pageOfAssociates(associates: Iterable<AssociateState>, query: AssociatesQuery): { items: AssociateView[]; next: string | null } {
  const limit = Math.max(1, Math.floor(query.limit));
  const items: AssociateView[] = [];
  for (const associate of associates) {
    if (query.status !== undefined && associate.status !== query.status) continue;
    if (query.collegeCode !== undefined && associate.collegeCode !== query.collegeCode) continue;
    if (items.length === limit) return { items, next: items[items.length - 1].id };
    items.push(associateView(associate));
  }
  return { items, next: null };
}

/**
 * The member register of `asOf` that the filter keeps, in order of admission, one associate at a
 * time as the reader asks: what its whole exports write, in memory that does not grow with the
 * register (undefined for an unknown cooperative). The fold is made at the call and the list
 * ends with the associates admitted then; each row is read when it is written, so an act that
 * takes effect by `asOf` and is recorded while a long export runs may show in rows not yet
 * written, as it would on the pages after it.
 */
export function associatesRegister(state: CooperativeLedgerState, coopId: string, filter: AssociatesFilter): Iterable<AssociateView> | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const folded = cooperativeStateAsOf(coop, filter.asOf);
  return registerRows(folded, filter, folded.associateOrder.length);
}

function* registerRows(folded: CooperativeState, filter: AssociatesFilter, admitted: number): Generator<AssociateView> {
  for (let i = 0; i < admitted; i++) {
    const associate = folded.associates[folded.associateOrder.at(i)!];
    if (filter.status !== undefined && associate.status !== filter.status) continue;
    if (filter.collegeCode !== undefined && associate.collegeCode !== filter.collegeCode) continue;
    yield associateView(associate);
  }
}

const ASSOCIATE_COLUMNS: ReadonlyArray<CsvColumn<AssociateView>> = [
  { name: 'id', kind: 'text', value: (a) => a.id },
  { name: 'name', kind: 'text', value: (a) => a.name },
  { name: 'category', kind: 'text', value: (a) => a.category },
  { name: 'collegeCode', kind: 'text', value: (a) => a.collegeCode },
  { name: 'status', kind: 'text', value: (a) => a.status },
  { name: 'shares', kind: 'number', value: (a) => a.shares },
  { name: 'subscribedCents', kind: 'cents', value: (a) => a.subscribedCents },
  { name: 'paidUpCents', kind: 'cents', value: (a) => a.paidUpCents },
  { name: 'votingRights', kind: 'boolean', value: (a) => a.votingRights },
  { name: 'personType', kind: 'text', value: (a) => a.personType },
  { name: 'admittedOn', kind: 'text', value: (a) => a.admittedOn },
  { name: 'withdrawnOn', kind: 'text', value: (a) => a.withdrawnOn },
];

/** The member register as CSV (the JSON's fields, one associate a line), a thousand lines at a time. */
export function associatesCsvChunks(associates: Iterable<AssociateView>, dialect: CsvDialect = 'rfc4180'): Iterable<string> {
  return csvChunks(ASSOCIATE_COLUMNS, associates, dialect);
}

/** The member register as NDJSON: each line an associate as `GET …/associates` shows it in `items`. */
export function associatesNdjsonChunks(associates: Iterable<AssociateView>): Iterable<string> {
  return ndjsonChunks(associates);
}

/** One associate as of a date; undefined when not admitted by then. */
export function associateAsOf(state: CooperativeLedgerState, coopId: string, associateId: string, asOf: string): AssociateView | undefined {
  const coop = ownEntry(state.coops, coopId);
  if (!coop) return undefined;
  const associate = cooperativeStateAsOf(coop, asOf).associates[associateId];
  return associate && associateView(associate);
}

export function associateView(a: AssociateState): AssociateView {
  return {
    id: a.id,
    name: a.name,
    category: a.category,
    collegeCode: a.collegeCode,
    status: a.status,
    shares: a.shares,
    subscribedCents: a.subscribedCents,
    paidUpCents: a.paidUpCents,
    votingRights: votingRights(a),
    personType: a.personType,
    admittedOn: a.admittedOn,
    withdrawnOn: a.withdrawnOn,
  };
}

function lastStatuts(coop: CooperativeLedger): Statuts | undefined {
  // Kept by the projection as it goes: the registry lists the cooperatives without reading their events.
  if (coop instanceof StoredLedger) return coop.lastStatuts?.statuts;
  let found: { statuts: Statuts; date: string } | undefined;
  for (const event of coop.events) {
    if (event.type !== 'StatutsAdopted' && event.type !== 'StatutsAmended') continue;
    const date = ledgerEffectiveDate(event);
    if (!found || date >= found.date) found = { statuts: (event.data as { statuts: Statuts }).statuts, date };
  }
  return found?.statuts;
}
