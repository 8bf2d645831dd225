/**
 * Given / when / then for the cooperative decider (the generic one of testing/given-when-then.ts),
 * and builders that read like the register. For specs only; not exported from the package index.
 * No Jest globals, so the production build accepts it.
 *
 * Conventions: a share is worth 100 cents (1 €), so "51 shares of 100" is 51 % of 100 shares;
 * the cooperative is registered on 2024-01-15 and acts default to 2024-02-01.
 */
import { Given, givenFor, Nested } from '../testing/given-when-then';
import { IsoDate } from '../shared/dates';
import { CooperativeCommand } from './commands';
import { cooperativeDecider } from './cooperative.decider';
import { Category, CooperativeEvent, WithdrawalReason } from './events';
import { evolveAll } from './evolve';
import { CooperativeState, initialState } from './state';
import { StatutsInput } from './statuts';
import { resolveStatuts } from './statuts-defaults';

export { domainError, rule } from '../testing/given-when-then';
export type { ErrorExpectation } from '../testing/given-when-then';

export const REGISTERED_ON = '2024-01-15';
export const ON = '2024-02-01';
export const SHARE = 100;

/** Events, or lists of them nested as builders return them. */
export type History = Nested<CooperativeEvent>;

/** The cooperative as these events make it (what projections and reports read). */
export function stateOf(...history: History[]): CooperativeState {
  return evolveAll(initialState(), (history as unknown[]).flat(Infinity) as CooperativeEvent[]);
}

/**
 * `given(...history).when(command)` then `.then(events)`, `.thenEmits(matchers)`,
 * `.thenThrows(rule(…))` or `.events()`, decided by the stream's decider as the write path runs it.
 */
export const given: (...history: History[]) => Given<CooperativeCommand, CooperativeEvent> = givenFor(cooperativeDecider);

// --- statuts ---------------------------------------------------------------------------------

export function statutsInput(legalForm: 'SCIC' | 'SCOP', overrides: Partial<StatutsInput> = {}): StatutsInput {
  return { name: `Test ${legalForm}`, legalForm, companyForm: 'SAS', registeredOn: REGISTERED_ON, shareValueCents: SHARE, ...overrides } as StatutsInput;
}

export function scop(overrides: Partial<StatutsInput> = {}): CooperativeEvent {
  const statuts = resolveStatuts(statutsInput('SCOP', overrides));
  return { type: 'StatutsAdopted', data: { coopId: 'coop', statuts, effectiveDate: statuts.registeredOn } };
}

export function scic(overrides: Partial<StatutsInput> = {}): CooperativeEvent {
  const statuts = resolveStatuts(statutsInput('SCIC', overrides));
  return { type: 'StatutsAdopted', data: { coopId: 'coop', statuts, effectiveDate: statuts.registeredOn } };
}

/** Three collèges of equal default weight: workers, users, partners. */
export const THREE_COLLEGES = [
  { code: 'workers', name: 'Salariés' },
  { code: 'users', name: 'Usagers' },
  { code: 'partners', name: 'Partenaires' },
];

// --- events (facts) ----------------------------------------------------------------------------

interface HoldingOptions {
  on?: IsoDate;
  paidCents?: number;
  collegeCode?: string | null;
  movementId?: string;
}

export function admitted(id: string, category: Category, shares: number, options: HoldingOptions = {}): CooperativeEvent[] {
  const on = options.on ?? ON;
  return [
    { type: 'AssociateAdmitted', data: { associateId: id, name: `Associate ${id}`, personType: 'natural', category, collegeCode: options.collegeCode ?? null, effectiveDate: on } },
    subscribed(id, shares, { ...options, on, movementId: options.movementId ?? `adm-${id}` }),
  ];
}

export function subscribed(id: string, shares: number, options: HoldingOptions = {}): CooperativeEvent {
  const on = options.on ?? ON;
  const amountCents = shares * SHARE;
  return {
    type: 'SharesSubscribed',
    data: { movementId: options.movementId ?? `sub-${id}-${on}`, associateId: id, shares, amountCents, paidCents: options.paidCents ?? amountCents, effectiveDate: on },
  };
}

export function paidUp(id: string, amountCents: number, on: IsoDate = ON, movementId = `pay-${id}-${on}`): CooperativeEvent {
  return { type: 'SharesPaidUp', data: { movementId, associateId: id, amountCents, effectiveDate: on } };
}

export function withdrew(id: string, on: IsoDate = ON, reason: WithdrawalReason = 'resignation'): CooperativeEvent {
  return { type: 'AssociateWithdrew', data: { associateId: id, reason, effectiveDate: on } };
}

/** Repays the nominal of the shares; leaves the nominal and paid-up capital that left to evolve. */
export function redeemed(id: string, shares: number, on: IsoDate = ON, movementId = `red-${id}-${on}`): CooperativeEvent {
  return { type: 'SharesRedeemed', data: { movementId, associateId: id, shares, amountCents: shares * SHARE, effectiveDate: on } };
}

export function transferred(from: string, to: string, shares: number, on: IsoDate = ON, movementId = `tr-${from}-${to}-${on}`): CooperativeEvent {
  return { type: 'SharesTransferred', data: { movementId, fromAssociateId: from, toAssociateId: to, shares, amountCents: shares * SHARE, paidCents: shares * SHARE, effectiveDate: on } };
}

export function categoryChanged(id: string, from: Category, to: Category, on: IsoDate = ON): CooperativeEvent {
  return { type: 'CategoryChanged', data: { associateId: id, from, to, effectiveDate: on } };
}

export function cancelled(event: CooperativeEvent, reason = 'entered by mistake'): CooperativeEvent {
  const data = event.data as { movementId: string; effectiveDate: IsoDate };
  return { type: 'CapitalMovementCancelled', data: { movementId: data.movementId, cancelledType: event.type as never, reason, effectiveDate: data.effectiveDate } };
}

// --- commands ---------------------------------------------------------------------------------

export function admit(c: { id: string; category: Category; shares: number; on?: IsoDate; paidCents?: number; collegeCode?: string | null; movementId?: string }): CooperativeCommand {
  return {
    type: 'AdmitAssociate',
    associateId: c.id,
    name: `Associate ${c.id}`,
    personType: 'natural',
    category: c.category,
    collegeCode: c.collegeCode,
    admittedOn: c.on ?? ON,
    shares: c.shares,
    paidCents: c.paidCents,
    movementId: c.movementId ?? 'm-new',
  };
}

export function subscribe(c: { associate: string; shares: number; paidCents?: number; on?: IsoDate; movementId?: string }): CooperativeCommand {
  return { type: 'SubscribeShares', associateId: c.associate, shares: c.shares, paidCents: c.paidCents, effectiveDate: c.on ?? ON, movementId: c.movementId ?? 'm-new' };
}

export function redeem(c: { associate: string; shares: number; amountCents?: number; on?: IsoDate; movementId?: string }): CooperativeCommand {
  return { type: 'RedeemShares', associateId: c.associate, shares: c.shares, amountCents: c.amountCents ?? c.shares * SHARE, effectiveDate: c.on ?? ON, movementId: c.movementId ?? 'm-new' };
}

export function transfer(c: { from: string; to: string; shares: number; on?: IsoDate; movementId?: string }): CooperativeCommand {
  return { type: 'TransferShares', fromAssociateId: c.from, toAssociateId: c.to, shares: c.shares, effectiveDate: c.on ?? ON, movementId: c.movementId ?? 'm-new' };
}

export function cancel(movementId: string, reason = 'entered by mistake'): CooperativeCommand {
  return { type: 'CancelCapitalMovement', movementId, reason };
}
