import { IsoDate } from '../shared/dates';
import { IdList } from '../shared/id-list';
import type { CapitalPicture } from './capital-picture';
import { Category, CapitalMovementType, PersonType, WithdrawalReason } from './events';
import { Statuts } from './statuts';

export interface AssociateState {
  id: string;
  name: string;
  personType: PersonType;
  category: Category;
  collegeCode: string | null;
  /** SCOP-VOTES-65: a cooperative society among the outsiders (present only when true). */
  cooperativeSociety?: true;
  status: 'active' | 'withdrawn';
  admittedOn: IsoDate;
  withdrawnOn: IsoDate | null;
  withdrawalReason: WithdrawalReason | null;
  shares: number;
  /** Nominal capital held (shares × share value at subscription). */
  subscribedCents: number;
  paidUpCents: number;
  /** Withdrawn: the how-manieth exit folded (date, then recording order); orders the exit queue. */
  withdrawalRank?: number;
}

export interface MovementState {
  readonly movementId: string;
  readonly type: CapitalMovementType;
  readonly associateId: string;
  /** Transfers only: the receiving associate. */
  readonly toAssociateId: string | null;
  readonly shares: number;
  /** Subscriptions and transfers: nominal; payments: the amount paid; redemptions: the refund. */
  readonly amountCents: number;
  /** Subscriptions and transfers: the paid-up part; redemptions: the paid-up capital that left. */
  readonly paidCents: number;
  /** Redemptions: the nominal capital that left. */
  readonly nominalCents: number;
  readonly effectiveDate: IsoDate;
  /** Subscriptions: when the unpaid balance falls due, as decided (see SharesSubscribed). */
  readonly paymentDueOn?: IsoDate;
  cancelled: boolean;
}

/**
 * The cooperative as its events make it. Plain JSON (records and arrays, no Map), so that a
 * projection can snapshot it and an auditor can read it. `evolve` updates it in place: a
 * stream of 100,000 movements would otherwise be copied 100,000 times.
 */
export interface CooperativeState {
  coopId: string | null;
  statuts: Statuts | null;
  statutsHistory: Array<{ effectiveDate: IsoDate; statuts: Statuts }>;
  associates: Record<string, AssociateState>;
  /** Associate ids in order of admission (an append-only list that forks cheaply, see shared/id-list.ts). */
  associateOrder: IdList;
  movements: Record<string, MovementState>;
  /** Movement ids in the order they were recorded.  (see shared/id-list.ts) */
  movementOrder: IdList;
  totals: { shares: number; capitalCents: number; paidUpCents: number };
  /** COOP-CAPITAL-FLOOR: the highest capital ever reached. */
  highestCapitalCents: number;
  /** Withdrawn associates whose shares await redemption, in order of exit. */
  exitQueue: string[];
  /** Exits folded so far: the rank of the next one (see AssociateState.withdrawalRank). */
  withdrawalsFolded?: number;
  /**
   * The figures the capital and vote rules compare, kept by `evolve` as associates change, so
   * that a decision reads them instead of counting 10,000 associates (see capital-picture.ts).
   */
  picture: CapitalPicture;
  /** The balances the ledger started from (OpeningBalancesRecorded), when it started in the cooperative's life. */
  openingBalances?: OpeningBalances;
}

/** OpeningBalancesRecorded as the fold keeps it; `asOf` is the first day of the first fiscal year the ledger handles. */
export interface OpeningBalances {
  readonly asOf: IsoDate;
  readonly legalReserveCents: number;
  readonly statutoryReserveCents: number;
  readonly retainedEarningsCents: number;
  readonly highestCapitalCents: number;
}

/**
 * The movement recorded under this id, in this state's view; undefined for an unknown id
 * (whatever the id: `__proto__` or `constructor` are ids like any other). `movements` may be a
 * layer over an earlier fold's record (history.ts), so this reads through the layers.
 */
export function movementOf(state: CooperativeState, movementId: unknown): MovementState | undefined {
  if (typeof movementId !== 'string') return undefined;
  const movement = state.movements[movementId] as MovementState | undefined;
  return movement !== undefined && movement.movementId === movementId ? movement : undefined;
}

/** The associate of this id in this state's view (reading through layers, see history.ts); undefined for an unknown id, whatever it is. */
export function associateOf(state: CooperativeState, associateId: unknown): AssociateState | undefined {
  if (typeof associateId !== 'string') return undefined;
  const associate = state.associates[associateId] as AssociateState | undefined;
  return associate !== undefined && associate.id === associateId ? associate : undefined;
}

/**
 * The associate to change in place: `evolve` calls it so that a fold layered over another
 * (history.ts) copies an associate into its own layer before changing it, never touching the
 * fold it reads through. In a plain fold it is the associate itself.
 */
export function ownAssociate(state: CooperativeState, associateId: string): AssociateState | undefined {
  const associate = associateOf(state, associateId);
  if (associate === undefined || Object.prototype.hasOwnProperty.call(state.associates, associateId)) return associate;
  return (state.associates[associateId] = { ...associate });
}

export function initialState(): CooperativeState {
  return {
    coopId: null,
    statuts: null,
    statutsHistory: [],
    associates: Object.create(null) as Record<string, AssociateState>,
    associateOrder: IdList.of(),
    // No prototype: a movement id such as `constructor` is just an id (see movementOf), and
    // history.ts layers views of the fold over this record without copying it.
    movements: Object.create(null) as Record<string, MovementState>,
    movementOrder: IdList.of(),
    totals: { shares: 0, capitalCents: 0, paidUpCents: 0 },
    highestCapitalCents: 0,
    exitQueue: [],
    picture: { capitalCents: 0, employeeCapitalCents: 0, publicCapitalCents: 0, votes: 0, employeeVotes: 0 },
  };
}

export function votingRights(associate: AssociateState): boolean {
  return associate.status === 'active';
}
