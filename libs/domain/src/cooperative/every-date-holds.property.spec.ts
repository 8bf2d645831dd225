import fc from 'fast-check';
import { DomainError, RuleViolation } from '../rules/errors';
import { addDays } from '../shared/dates';
import { CooperativeCommand } from './commands';
import { cooperativeDecider } from './cooperative.decider';
import { inEffectiveOrder } from './effective-order';
import { CATEGORIES, CooperativeEvent } from './events';
import { evolve } from './evolve';
import { CooperativeState, initialState } from './state';
import { scic, scop } from './testing';

/**
 * The invariant the reproductions broke, checked with a reference independent of the
 * decider: commands with random effective dates are recorded in random order; after every
 * accepted command, the events folded in effective order must be possible on every date and
 * every "reject" rule must hold on the date of each act it judges.
 */
const IDS = ['a0', 'a1', 'a2', 'a3', 'a4'];
const id = fc.constantFrom(...IDS);
const date = fc.integer({ min: 0, max: 400 }).map((days) => addDays('2024-01-15', days));
const paidShares = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 2500, max: 10000 })).map(([n, bp]) => ({ shares: n, paidCents: Math.ceil((n * 100 * bp) / 10000) }));

const command = fc.oneof(
  fc
    .tuple(
      fc.record({ type: fc.constant('AdmitAssociate' as const), associateId: id, name: fc.constant('n'), personType: fc.constant('natural' as const), category: fc.constantFrom(...CATEGORIES), admittedOn: date }),
      paidShares,
    )
    .map(([c, p]) => ({ ...c, ...p })),
  fc.tuple(fc.record({ type: fc.constant('SubscribeShares' as const), associateId: id, effectiveDate: date }), paidShares).map(([c, p]) => ({ ...c, ...p })),
  fc.record({ type: fc.constant('PayUpShares' as const), associateId: id, amountCents: fc.integer({ min: 1, max: 1500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('TransferShares' as const), fromAssociateId: id, toAssociateId: id, shares: fc.integer({ min: 1, max: 15 }), effectiveDate: date }),
  fc.record({ type: fc.constant('WithdrawAssociate' as const), associateId: id, reason: fc.constant('resignation' as const), effectiveDate: date }),
  fc.record({ type: fc.constant('RedeemShares' as const), associateId: id, shares: fc.integer({ min: 1, max: 20 }), amountCents: fc.integer({ min: 0, max: 800 }), effectiveDate: date }),
  fc.record({ type: fc.constant('ChangeCategory' as const), associateId: id, category: fc.constantFrom(...CATEGORIES), effectiveDate: date }),
  fc.record({ type: fc.constant('CancelCapitalMovement' as const), movementId: fc.integer({ min: 0, max: 30 }).map((n) => `m${n}`), reason: fc.constant('mistake') }),
);

const founders = (legalForm: 'SCIC' | 'SCOP'): Array<Record<string, unknown>> =>
  ['f0', 'f1', 'f2'].map((associateId) => ({
    type: 'AdmitAssociate',
    associateId,
    name: associateId,
    personType: 'natural',
    category: legalForm === 'SCOP' ? 'employee' : 'beneficiary',
    admittedOn: '2024-01-15',
    shares: 30,
  }));

const accepted = { all: 0, backDated: 0 };

function play(statuts: CooperativeEvent, commands: Array<Record<string, unknown>>): void {
  let history = cooperativeDecider.evolve(cooperativeDecider.initialState(), statuts);
  const events: CooperativeEvent[] = [statuts];
  const legalForm = statuts.type === 'StatutsAdopted' ? statuts.data.statuts.legalForm : 'SCIC';
  [...founders(legalForm as 'SCIC' | 'SCOP'), ...commands].forEach((raw, n) => {
    let decided: CooperativeEvent[];
    try {
      decided = cooperativeDecider.decide({ movementId: `m${n}`, ...raw } as CooperativeCommand, history);
    } catch (error) {
      if (error instanceof RuleViolation || error instanceof DomainError) return;
      throw error;
    }
    const last = history.timeline[history.timeline.length - 1].data.effectiveDate;
    if (decided.some((e) => e.data.effectiveDate < last)) accepted.backDated++;
    accepted.all++;
    for (const event of decided) history = cooperativeDecider.evolve(history, event);
    events.push(...decided);
    expectEveryDateHolds(events, JSON.stringify(raw));
  });
}

/** The reference: a fold in effective order, figures summed from the associates, nothing from the decider. */
function expectEveryDateHolds(events: readonly CooperativeEvent[], after: string): void {
  const state = initialState();
  for (const event of inEffectiveOrder(events)) {
    const problem = actProblem(event, state);
    evolve(state, event);
    const broken = problem ?? holdingProblem(event, state);
    if (broken) throw new Error(`after ${after}: ${event.type} of ${event.data.effectiveDate}: ${broken}`);
  }
}

function actProblem(event: CooperativeEvent, state: CooperativeState): string | null {
  const active = (id: string) => state.associates[id]?.status === 'active';
  const parties =
    event.type === 'SharesTransferred'
      ? [event.data.fromAssociateId, event.data.toAssociateId]
      : ['SharesSubscribed', 'CategoryChanged', 'CollegeChanged', 'AssociateWithdrew'].includes(event.type)
        ? [(event.data as { associateId: string }).associateId]
        : [];
  for (const id of parties) if (!active(id)) return `${id} is not an active associate`;
  const statuts = state.statuts;
  if (!statuts) return null;
  const to = event.type === 'SharesSubscribed' ? state.associates[event.data.associateId] : event.type === 'SharesTransferred' ? state.associates[event.data.toAssociateId] : null;
  if (!to) return null;
  const from = event.type === 'SharesTransferred' ? state.associates[event.data.fromAssociateId] : null;
  const amount = (event.data as { amountCents: number }).amountCents;
  const sum = (pick: (a: CooperativeState['associates'][string]) => boolean) => Object.values(state.associates).reduce((s, a) => s + (pick(a) ? a.subscribedCents : 0), 0);
  const capital = sum(() => true) + (from ? 0 : amount);
  if (statuts.legalForm === 'SCIC' && to.category === 'public_body' && from?.category !== 'public_body') {
    const publicCapital = sum((a) => a.category === 'public_body') + amount;
    if (BigInt(publicCapital) * 2n > BigInt(capital)) return `public bodies hold ${publicCapital} of ${capital}`;
  }
  if (statuts.legalForm === 'SCOP' && to.category !== 'employee' && (!from || from.category === 'employee')) {
    const employeeCapital = sum((a) => a.status === 'active' && a.category === 'employee') - (from ? amount : 0);
    if (BigInt(employeeCapital) * 100n < BigInt(capital) * 51n) return `employees hold ${employeeCapital} of ${capital}`;
  }
  return null;
}

function holdingProblem(event: CooperativeEvent, state: CooperativeState): string | null {
  for (const a of Object.values(state.associates)) {
    if (a.shares < 0 || a.subscribedCents < 0 || a.paidUpCents < 0) return `${a.id} holds ${a.shares} shares, ${a.subscribedCents} subscribed, ${a.paidUpCents} paid`;
    if (a.paidUpCents > a.subscribedCents) return `${a.id} paid ${a.paidUpCents} on ${a.subscribedCents} subscribed`;
    if (a.status === 'active' && a.shares === 0 && event.type !== 'AssociateAdmitted') return `${a.id} is active with no share`;
  }
  return null;
}

describe('every date holds, whatever order acts are recorded in', () => {
  it('SCIC: no date with negative holdings, paid-up above subscribed, an act after an exit, or SCIC-PUBLIC-CAPITAL-50 broken', () =>
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 45 }), (commands) => play(scic(), commands as never)),
      { numRuns: 120 },
    ));

  it('SCOP: the same, and SCOP-CAP-51 on the date of every outside subscription or transfer', () =>
    fc.assert(
      fc.property(fc.array(command, { minLength: 10, maxLength: 45 }), (commands) => play(scop(), commands as never)),
      { numRuns: 120 },
    ));

  it('the histories are not trivial: many acts are accepted, back-dated ones among them', () => {
    expect(accepted.all).toBeGreaterThan(500);
    expect(accepted.backDated).toBeGreaterThan(50);
  });
});
