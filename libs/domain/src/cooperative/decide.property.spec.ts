import fc from 'fast-check';
import { DomainError, RuleViolation } from '../rules/errors';
import { addDays } from '../shared/dates';
import { atLeastBp, atMostBp, ceilBpOf } from '../shared/fraction';
import { capitalPicture } from './capital-picture';
import { CooperativeCommand } from './commands';
import { complianceReport } from './compliance';
import { decide } from './decide';
import { stateAsOf } from './effective-order';
import { CATEGORIES, CooperativeEvent } from './events';
import { evolveAll } from './evolve';
import { CooperativeState, initialState } from './state';
import { scic, scop } from './testing';

const IDS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
const id = fc.constantFrom(...IDS);
const date = fc.integer({ min: 0, max: 900 }).map((days) => addDays('2024-01-15', days));
const shares = fc.integer({ min: 1, max: 60 });
const movement = fc.integer({ min: 0, max: 20 }).map((n) => `m${n}`);
/** Shares with a payment from just under a quarter to the whole (a share is 100 cents). */
const paidShares = fc.tuple(shares, fc.integer({ min: 2000, max: 10000 })).map(([n, bp]) => ({ shares: n, paidCents: bp === 10000 ? undefined : Math.ceil((n * 100 * bp) / 10000) }));

const command: fc.Arbitrary<Omit<CooperativeCommand, 'movementId'> & { movementId?: string }> = fc.oneof(
  fc
    .tuple(
      fc.record({ type: fc.constant('AdmitAssociate' as const), associateId: id, name: fc.constant('n'), personType: fc.constant('natural' as const), category: fc.constantFrom(...CATEGORIES), admittedOn: date }),
      paidShares,
    )
    .map(([c, p]) => ({ ...c, ...p })),
  fc.tuple(fc.record({ type: fc.constant('SubscribeShares' as const), associateId: id, effectiveDate: date }), paidShares).map(([c, p]) => ({ ...c, ...p })),
  fc.tuple(fc.record({ type: fc.constant('SubscribeShares' as const), associateId: id, effectiveDate: date }), paidShares).map(([c, p]) => ({ ...c, ...p })),
  fc.record({ type: fc.constant('PayUpShares' as const), associateId: id, amountCents: fc.integer({ min: 1, max: 1500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('PayUpShares' as const), associateId: id, amountCents: fc.integer({ min: 1, max: 1500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('TransferShares' as const), fromAssociateId: id, toAssociateId: id, shares: fc.integer({ min: 1, max: 15 }), effectiveDate: date }),
  fc.record({ type: fc.constant('WithdrawAssociate' as const), associateId: id, reason: fc.constant('resignation' as const), effectiveDate: date }),
  fc.record({ type: fc.constant('RedeemShares' as const), associateId: id, shares: fc.integer({ min: 1, max: 20 }), amountCents: fc.integer({ min: 0, max: 500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('RedeemShares' as const), associateId: id, shares: fc.integer({ min: 1, max: 20 }), amountCents: fc.constant(0), effectiveDate: date }),
  fc.record({ type: fc.constant('ChangeCategory' as const), associateId: id, category: fc.constantFrom(...CATEGORIES), effectiveDate: date }),
  fc.record({ type: fc.constant('CancelCapitalMovement' as const), movementId: movement, reason: fc.constant('mistake') }),
) as never;

function holdings(state: CooperativeState) {
  return Object.values(state.associates)
    .map((a) => [a.id, a.shares, a.subscribedCents, a.paidUpCents, a.status])
    .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
}

/** Plays the commands, keeping the accepted events; checks the rules held after each accepted act. */
function play(statuts: CooperativeEvent, commands: Array<Record<string, unknown>>): { state: CooperativeState; events: CooperativeEvent[] } {
  const state = evolveAll(initialState(), [statuts]);
  const events: CooperativeEvent[] = [statuts];
  commands = [...founders(statuts), ...commands];
  commands.forEach((raw, n) => {
    const cmd = { movementId: `m${n}`, ...raw } as CooperativeCommand;
    const before = JSON.stringify(state);
    let decided: CooperativeEvent[];
    try {
      decided = decide(cmd, state);
    } catch (error) {
      if (!(error instanceof RuleViolation || error instanceof DomainError)) throw error;
      return;
    } finally {
      expect(JSON.stringify(state)).toBe(before);
    }
    evolveAll(state, decided);
    events.push(...decided);
    expectRulesHeld(state, cmd);
  });
  return { state, events };
}

/** a0…a3 on registration day, so that the random acts mostly meet someone; a4 and a5 come later, if at all. */
function founders(statuts: CooperativeEvent): Array<Record<string, unknown>> {
  const scopFounders = [
    ['employee', 40],
    ['employee', 30],
    ['employee', 20],
    ['supporter', 10],
  ] as const;
  const scicFounders = [
    ['beneficiary', 40],
    ['employee', 20],
    ['public_body', 20],
    ['supporter', 10],
  ] as const;
  const founders = statuts.type === 'StatutsAdopted' && statuts.data.statuts.legalForm === 'SCOP' ? scopFounders : scicFounders;
  return founders.map(([category, shares], i) => ({ type: 'AdmitAssociate', associateId: `a${i}`, name: 'n', personType: 'natural', category, admittedOn: '2024-01-15', shares, movementId: `f${i}` }));
}

/** The capital picture counted from scratch over every associate: what evolve keeps in step. */
function recountedPicture(state: CooperativeState) {
  const picture = { capitalCents: 0, employeeCapitalCents: 0, publicCapitalCents: 0, votes: 0, employeeVotes: 0 };
  for (const id of state.associateOrder) {
    const a = state.associates[id];
    const active = a.status === 'active';
    const employee = active && a.category === 'employee';
    picture.capitalCents += a.subscribedCents;
    if (employee) picture.employeeCapitalCents += a.subscribedCents;
    if (a.category === 'public_body') picture.publicCapitalCents += a.subscribedCents;
    if (active) picture.votes += 1;
    if (employee) picture.employeeVotes += 1;
  }
  return picture;
}

function expectRulesHeld(state: CooperativeState, cmd: CooperativeCommand): void {
  const statuts = state.statuts!;
  const p = capitalPicture(state);
  expect(p).toEqual(recountedPicture(state));
  for (const a of Object.values(state.associates)) {
    expect(a.shares >= 0 && a.subscribedCents >= 0 && a.paidUpCents >= 0 && a.paidUpCents <= a.subscribedCents).toBe(true);
  }
  if (cmd.type === 'RedeemShares') expect(state.totals.capitalCents).toBeGreaterThanOrEqual(ceilBpOf(state.highestCapitalCents, statuts.capitalFloorBp));
  const receiver = cmd.type === 'TransferShares' ? cmd.toAssociateId : cmd.type === 'AdmitAssociate' || cmd.type === 'SubscribeShares' || cmd.type === 'ChangeCategory' ? cmd.associateId : null;
  if (receiver === null) return;
  const category = state.associates[receiver].category;
  if (statuts.legalForm === 'SCIC' && category === 'public_body') expect(atMostBp(p.publicCapitalCents, p.capitalCents, 5000)).toBe(true);
  const fromEmployee = cmd.type !== 'TransferShares' || state.associates[cmd.fromAssociateId].category === 'employee';
  if (statuts.legalForm === 'SCOP' && category !== 'employee' && cmd.type !== 'ChangeCategory' && fromEmployee) {
    expect(atLeastBp(p.employeeCapitalCents, p.capitalCents, 5100)).toBe(true);
  }
  if (statuts.legalForm === 'SCOP' && cmd.type === 'AdmitAssociate' && category !== 'employee') expect(atLeastBp(p.employeeVotes, p.votes, 6500)).toBe(true);
}

describe('Decider properties over random registers', () => {
  for (const [name, statuts] of [
    ['SCIC', scic({ minimumPaidAtSubscriptionBp: 2500 })],
    ['SCOP', scop()],
  ] as const) {
    it(`COOP-CAPITAL-FLOOR, SCIC-PUBLIC-CAPITAL-50, SCOP-CAP-51, SCOP-VOTES-65 hold after every accepted act of a ${name}; decide never mutates`, () =>
      fc.assert(
        fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
          play(statuts, commands as never);
        }),
        { numRuns: 150 },
      ));

    it(`folding the accepted events in effective order ends where recording order ends (${name})`, () =>
      fc.assert(
        fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
          const { state, events } = play(statuts, commands as never);
          const replayed = stateAsOf(events, '2999-12-31');
          expect(holdings(replayed)).toEqual(holdings(state));
          expect(replayed.totals).toEqual(state.totals);
          expect(replayed.picture).toEqual(recountedPicture(replayed));
          expect(() => complianceReport(events, '2026-12-31')).not.toThrow();
        }),
        { numRuns: 150 },
      ));
  }
});
