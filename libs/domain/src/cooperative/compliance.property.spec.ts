import fc from 'fast-check';
import { DomainError, RuleViolation } from '../rules/errors';
import { RuleId } from '../rules/rule-catalogue';
import { addDays, IsoDate } from '../shared/dates';
import { CooperativeCommand } from './commands';
import { complianceReport } from './compliance';
import { evaluateChecks, Finding } from './compliance-checks';
import { decide } from './decide';
import { effectiveDateOf, inEffectiveOrder } from './effective-order';
import { CATEGORIES, CooperativeEvent } from './events';
import { evolve, evolveAll } from './evolve';
import { emptyMembershipCounts, followMembership, MembershipCounts } from './membership-counts';
import { CooperativeState, initialState } from './state';
import { REGISTERED_ON, scic, scop, THREE_COLLEGES } from './testing';
import { earliestDeadline, emptyUnpaidBalances, followUnpaidBalances, overdueOn, UnpaidBalances, unpaidBalances } from './unpaid-balances';

/**
 * The report dates violations (`since`) from figures kept in step with one fold (the earliest
 * unpaid deadline, the active associates per category and per collège). Here it must answer
 * exactly what the plainest computation answers: every day from registration, the cooperative
 * folded up to that day, the unpaid balances rebuilt from scratch and every check evaluated in
 * full, a violation dated from the first day of its last unbroken run.
 */

const DAYS = 400;
const IDS = ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'];
const COLLEGE_CODES = ['workers', 'users', 'partners', 'public'];
const OTHER_COLLEGES = [
  { code: 'workers', name: 'Salariés' },
  { code: 'users', name: 'Usagers' },
  { code: 'public', name: 'Collectivités' },
];

const id = fc.constantFrom(...IDS);
/**
 * Acts on even days after registration, amendments on odd days. On a day with both, a subscription
 * recorded before a same-day amendment is held to the old payment delay while the balances are
 * followed, and to the new one when a cancellation makes them be rebuilt from the state
 * (`statutsInForce` of the day): that pre-existing ambiguity is kept out of these histories.
 */
const date = fc.integer({ min: 0, max: DAYS / 2 }).map((n) => addDays(REGISTERED_ON, 2 * n));
const amendmentDate = fc.integer({ min: 0, max: DAYS / 2 }).map((n) => addDays(REGISTERED_ON, 2 * n + 1));
const shares = fc.integer({ min: 1, max: 40 });
/** The movement ids `play` gives: m4 is the first command after the four founders. */
const movement = fc.integer({ min: 4, max: 50 }).map((n) => `m${n}`);
const collegeCode = fc.constantFrom<string | null>(...COLLEGE_CODES, null);
/** Shares with a payment from just under a quarter to the whole (a share is 100 cents). */
const paidShares = fc.tuple(shares, fc.integer({ min: 2000, max: 10000 })).map(([n, bp]) => ({ shares: n, paidCents: bp === 10000 ? undefined : Math.ceil((n * 100 * bp) / 10000) }));
const resolution = { assemblyId: 'ag', resolutionId: 'r' };

const command: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc
    .tuple(
      fc.record({ type: fc.constant('AdmitAssociate'), associateId: id, name: fc.constant('n'), personType: fc.constant('natural'), category: fc.constantFrom(...CATEGORIES), collegeCode, admittedOn: date }),
      paidShares,
    )
    .map(([c, p]) => ({ ...c, ...p })),
  fc.tuple(fc.record({ type: fc.constant('SubscribeShares'), associateId: id, effectiveDate: date }), paidShares).map(([c, p]) => ({ ...c, ...p })),
  fc.tuple(fc.record({ type: fc.constant('SubscribeShares'), associateId: id, effectiveDate: date }), paidShares).map(([c, p]) => ({ ...c, ...p })),
  fc.record({ type: fc.constant('PayUpShares'), associateId: id, amountCents: fc.integer({ min: 1, max: 1500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('TransferShares'), fromAssociateId: id, toAssociateId: id, shares: fc.integer({ min: 1, max: 15 }), effectiveDate: date }),
  fc.record({ type: fc.constant('WithdrawAssociate'), associateId: id, reason: fc.constant('resignation'), effectiveDate: date }),
  fc.record({ type: fc.constant('RedeemShares'), associateId: id, shares: fc.integer({ min: 1, max: 20 }), amountCents: fc.integer({ min: 0, max: 500 }), effectiveDate: date }),
  fc.record({ type: fc.constant('ChangeCategory'), associateId: id, category: fc.constantFrom(...CATEGORIES), effectiveDate: date }),
  fc.record({ type: fc.constant('ChangeCollege'), associateId: id, collegeCode: fc.constantFrom(...COLLEGE_CODES), effectiveDate: date }),
  fc.record({
    type: fc.constant('AmendStatuts'),
    effectiveDate: amendmentDate,
    changes: fc.record(
      {
        paymentDelayMonths: fc.integer({ min: 0, max: 6 }),
        redemptionDelayMonths: fc.integer({ min: 0, max: 6 }),
        capitalFloorBp: fc.integer({ min: 2500, max: 10000 }),
        colleges: fc.constantFrom(THREE_COLLEGES, OTHER_COLLEGES),
      },
      { requiredKeys: [] },
    ),
    resolution: fc.constant(resolution),
  }),
  fc.record({ type: fc.constant('CancelCapitalMovement'), movementId: movement, reason: fc.constant('mistake') }),
);

const VARIANTS: ReadonlyArray<readonly [string, CooperativeEvent]> = [
  ['a SCIC with collèges', scic({ colleges: THREE_COLLEGES, paymentDelayMonths: 3, redemptionDelayMonths: 2 })],
  ['a SCOP', scop({ paymentDelayMonths: 2, redemptionDelayMonths: 4 })],
  // Converted in 2017: the amorçage ends on 2024-12-31, within the histories.
  ['a SCOP d’amorçage', scop({ amorcageConvertedOn: '2017-06-01', paymentDelayMonths: 1 })],
];

/** a0…a3 on registration day, so that the random acts mostly meet someone. */
function founders(statuts: CooperativeEvent): Array<Record<string, unknown>> {
  const isScop = statuts.type === 'StatutsAdopted' && statuts.data.statuts.legalForm === 'SCOP';
  const list = isScop
    ? ([
        ['employee', 40, null],
        ['employee', 30, null],
        ['employee', 20, null],
        ['supporter', 10, null],
      ] as const)
    : ([
        ['beneficiary', 40, 'users'],
        ['employee', 20, 'workers'],
        ['public_body', 20, 'partners'],
        ['supporter', 10, 'partners'],
      ] as const);
  return list.map(([category, n, college], i) => ({
    type: 'AdmitAssociate',
    associateId: `a${i}`,
    name: 'n',
    personType: 'natural',
    category,
    collegeCode: college,
    admittedOn: REGISTERED_ON,
    shares: n,
    paidCents: i === 3 ? n * 25 : undefined,
    movementId: `f${i}`,
  }));
}

/** The events the decider accepts from the commands, in recording order. */
function play(statuts: CooperativeEvent, commands: Array<Record<string, unknown>>): CooperativeEvent[] {
  const state = evolveAll(initialState(), [statuts]);
  const events: CooperativeEvent[] = [statuts];
  [...founders(statuts), ...commands].forEach((raw, n) => {
    let decided: CooperativeEvent[];
    try {
      decided = decide({ movementId: `m${n}`, ...raw } as CooperativeCommand, state);
    } catch (error) {
      if (error instanceof RuleViolation || error instanceof DomainError) return;
      throw error;
    }
    evolveAll(state, decided);
    events.push(...decided);
  });
  return events;
}

/** Every day from registration to asOf, everything from scratch: the findings on asOf and each violation's first day. */
function naiveReport(events: readonly CooperativeEvent[], asOf: IsoDate): { findings: Finding[]; since: Map<RuleId, IsoDate> } {
  const sorted = inEffectiveOrder(events);
  const state = initialState();
  const since = new Map<RuleId, IsoDate>();
  let findings: Finding[] = [];
  let next = 0;
  for (let day = REGISTERED_ON; day <= asOf; day = addDays(day, 1)) {
    while (next < sorted.length && effectiveDateOf(sorted[next]) <= day) evolve(state, sorted[next++]);
    // The full findings never read the membership counts: empty ones prove it.
    findings = evaluateChecks({ state, balances: unpaidBalances(state), members: emptyMembershipCounts() }, day);
    for (const f of findings) {
      if (f.status !== 'violation') since.delete(f.rule);
      else if (!since.has(f.rule)) since.set(f.rule, day);
    }
  }
  return { findings, since };
}

function nonEmpty(balances: UnpaidBalances): Record<string, Array<{ deadline: IsoDate; cents: number }>> {
  return Object.fromEntries(
    Object.entries(balances.byAssociate)
      .filter(([, pieces]) => pieces.length > 0)
      .map(([associateId, pieces]) => [associateId, pieces.map(({ deadline, cents }) => ({ deadline, cents }))]),
  );
}

/** What the kept figures must say, counted again from the pieces and the associates. */
function expectFiguresInStep(state: CooperativeState, balances: UnpaidBalances, members: MembershipCounts, day: IsoDate): void {
  expect(nonEmpty(balances)).toEqual(nonEmpty(unpaidBalances(state)));
  const perDeadline = new Map<IsoDate, number>();
  let cents = 0;
  let associates = 0;
  for (const pieces of Object.values(balances.byAssociate)) {
    for (const piece of pieces) {
      expect(piece.cents).toBeGreaterThan(0);
      perDeadline.set(piece.deadline, (perDeadline.get(piece.deadline) ?? 0) + piece.cents);
      if (piece.deadline < day) cents += piece.cents;
    }
    if (pieces.some((p) => p.deadline < day)) associates += 1;
  }
  expect(new Map([...balances.byDeadline].sort())).toEqual(new Map([...perDeadline].sort()));
  const deadlines = [...perDeadline.keys()].sort();
  expect(earliestDeadline(balances)).toBe(deadlines[0] ?? null);
  const overdue = deadlines.filter((d) => d < day);
  expect(overdueOn(balances, day)).toEqual({ cents, associates, oldestDeadline: overdue[0] ?? null });

  const byCategory = new Map<string, number>();
  const byCollege = new Map<string, number>();
  for (const a of Object.values(state.associates)) {
    if (a.status !== 'active') continue;
    byCategory.set(a.category, (byCategory.get(a.category) ?? 0) + 1);
    byCollege.set(a.collegeCode ?? '', (byCollege.get(a.collegeCode ?? '') ?? 0) + 1);
  }
  expect(new Map([...members.activeByCategory].sort())).toEqual(new Map([...byCategory].sort()));
  expect(new Map([...members.activeByCollege].sort())).toEqual(new Map([...byCollege].sort()));
}

const history = fc.array(command, { maxLength: 50, size: 'max' });
const asOfDay = fc.integer({ min: 0, max: DAYS + 240 }).map((days) => addDays(REGISTERED_ON, days));

describe('compliance report over random histories', () => {
  for (const [name, statuts] of VARIANTS) {
    it(`the figures kept beside the fold match a recount after every event (${name})`, () =>
      fc.assert(
        fc.property(history, (commands) => {
          const state = initialState();
          const balances = emptyUnpaidBalances();
          const members = emptyMembershipCounts();
          for (const event of inEffectiveOrder(play(statuts, commands))) {
            evolve(state, event);
            followUnpaidBalances(balances, state, event);
            followMembership(members, state, event);
            expectFiguresInStep(state, balances, members, addDays(effectiveDateOf(event), 45));
          }
        }),
        { numRuns: 100 },
      ));

    it(`each check and the date each violation began are those of a day-by-day evaluation from scratch (${name})`, () =>
      fc.assert(
        fc.property(history, asOfDay, (commands, asOf) => {
          const events = play(statuts, commands);
          const report = complianceReport(events, asOf);
          const naive = naiveReport(events, asOf);
          expect(report.checks.map((c) => c.rule)).toEqual(naive.findings.map((f) => f.rule));
          for (const [i, check] of report.checks.entries()) {
            const f = naive.findings[i];
            expect({ rule: check.rule, status: check.status, value: check.value, threshold: check.threshold, unit: check.unit, detail: check.detail }).toEqual({
              rule: f.rule,
              status: f.status,
              value: f.value,
              threshold: f.threshold,
              unit: f.unit,
              detail: f.detail,
            });
            expect(check.since).toBe(f.status === 'violation' ? naive.since.get(f.rule) : undefined);
          }
        }),
        { numRuns: 100 },
      ));
  }
});
