import { AssemblyEvent } from './assembly-events';
import { attend, ballots, closeResolution, convene, eventsOf, open, colleges, given, hands, members, MORE_THAN_TWO_THIRDS, resolution, rule, rulesWith, sitting, TWO_THIRDS } from './testing';

/**
 * Tallies through the decider, every figure worked out by hand in the comment above it.
 * Weights in basis points (10000 = 100 %); "3–1" means 3 for, 1 against.
 */

describe('AG-COLLEGE-TALLY', () => {
  describe('three collèges of unequal weight, proportional', () => {
    // workers 50 %, users 30 %, partners 20 %.
    // workers 3–1 → 3/4; users 1–2 → 1/3; partners 2–0 → 1.
    // 1/2 × 3/4 + 3/10 × 1/3 + 1/5 × 1 = 3/8 + 1/10 + 1/5 = 15/40 + 4/40 + 8/40 = 27/40 = 67.5 %.
    // Head count would say 6 of 9 = 2/3: the collèges weigh, not the heads.
    const voters = [...members('w', 4, { college: 'workers' }), ...members('u', 3, { college: 'users' }), ...members('p', 2, { college: 'partners' })];
    const ag = [sitting({ voters, rules: rulesWith({ colleges: colleges({ workers: 5000, users: 3000, partners: 2000 }) }) }), ballots('r1', { for: ['w1', 'w2', 'w3', 'u1', 'p1', 'p2'], against: ['w4', 'u2', 'u3'] })];

    it("AG-COLLEGE-TALLY weighs each collège's own result: 27/40, adopted by more than half", () => {
      const { outcome, result } = given(ag).when(closeResolution('r1')).closed();
      expect(outcome).toBe('adopted');
      expect(result.exact).toEqual({ numerator: '27', denominator: '40' });
      expect(result.forBp).toBe(6750);
      expect(result.requiredBp).toBe(5000);
      expect(result.droppedColleges).toEqual([]);
      expect(result.colleges).toEqual([
        { code: 'workers', weightBp: 5000, effectiveWeightBp: 5000, for: 3, against: 1, abstain: 0, blank: 0, dropped: false },
        { code: 'users', weightBp: 3000, effectiveWeightBp: 3000, for: 1, against: 2, abstain: 0, blank: 0, dropped: false },
        { code: 'partners', weightBp: 2000, effectiveWeightBp: 2000, for: 2, against: 0, abstain: 0, blank: 0, dropped: false },
      ]);
    });
  });

  describe('four collèges of unequal weight, proportional', () => {
    // A 40 %, B 30 %, C 20 %, D 10 %.
    // A 3–1 (+1 abstention) → 3/4; B 2–1 → 2/3; C 0–3 → 0; D 1–0 (+1 blank) → 1.
    // 2/5 × 3/4 + 3/10 × 2/3 + 1/5 × 0 + 1/10 × 1 = 3/10 + 1/5 + 0 + 1/10 = 6/10 = 3/5.
    // 3/5 > 1/2: an ordinary resolution passes; 3/5 < 2/3: an extraordinary one fails.
    const voters = [...members('a', 5, { college: 'A' }), ...members('b', 3, { college: 'B' }), ...members('c', 3, { college: 'C' }), ...members('d', 2, { college: 'D' })];
    const ag = [
      sitting({ kind: 'combined', voters, resolutions: [resolution('r1'), resolution('r2', 'extraordinary')], rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 2000, D: 1000 }) }) }),
      ...['r1', 'r2'].map((r) => ballots(r, { for: ['a1', 'a2', 'a3', 'b1', 'b2', 'd1'], against: ['a4', 'b3', 'c1', 'c2', 'c3'], abstain: ['a5'], blank: ['d2'] })),
    ];

    it('AG-COLLEGE-TALLY gives 3/5: an ordinary resolution is adopted', () => {
      const { outcome, result } = given(ag).when(closeResolution('r1')).closed();
      expect(outcome).toBe('adopted');
      expect(result.exact).toEqual({ numerator: '3', denominator: '5' });
      expect(result.forBp).toBe(6000);
      expect(result.colleges.map((c) => [c.code, c.for, c.against, c.abstain, c.blank])).toEqual([
        ['A', 3, 1, 1, 0],
        ['B', 2, 1, 0, 0],
        ['C', 0, 3, 0, 0],
        ['D', 1, 0, 0, 1],
      ]);
    });

    it('AG-MAJORITY: the same 3/5 falls short of the two thirds an extraordinary resolution needs', () => {
      const { outcome, result } = given(ag).when(closeResolution('r2')).closed();
      expect(outcome).toBe('rejected');
      expect(result.exact).toEqual({ numerator: '3', denominator: '5' });
      expect(result.requiredBp).toBe(6667);
    });
  });

  describe('a collège with no vote cast', () => {
    // A 40 %, B 30 %, C 30 %; C attends but only abstains: it drops out.
    // A and B rescale to 4/7 and 3/7. A 1–1 → 1/2; B 3–0 → 1.
    // 4/7 × 1/2 + 3/7 × 1 = 2/7 + 3/7 = 5/7 (71.42 %). Effective weights: 40/70 → 5714 bp, 30/70 → 4285 bp.
    const voters = [...members('a', 2, { college: 'A' }), ...members('b', 3, { college: 'B' }), ...members('c', 2, { college: 'C' })];
    const ag = [sitting({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }) }) }), ballots('r1', { for: ['a1', 'b1', 'b2', 'b3'], against: ['a2'], abstain: ['c1', 'c2'] })];

    it('AG-COLLEGE-TALLY drops it, rescales the others pro rata and says so in the result', () => {
      const { outcome, result } = given(ag).when(closeResolution('r1')).closed();
      expect(outcome).toBe('adopted');
      expect(result.exact).toEqual({ numerator: '5', denominator: '7' });
      expect(result.forBp).toBe(7142);
      expect(result.droppedColleges).toEqual(['C']);
      expect(result.colleges.map((c) => [c.code, c.effectiveWeightBp, c.dropped])).toEqual([
        ['A', 5714, false],
        ['B', 4285, false],
        ['C', 0, true],
      ]);
    });

    it('AG-COLLEGE-TALLY: with no vote cast in any collège, nothing is adopted', () => {
      const { outcome, result } = given(sitting({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }) }) }), ballots('r1', { abstain: ['a1'] }))
        .when(closeResolution('r1'))
        .closed();
      expect(outcome).toBe('rejected');
      expect(result.exact).toEqual({ numerator: '0', denominator: '1' });
      expect(result.droppedColleges).toEqual(['A', 'B', 'C']);
    });
  });

  describe('majority mode against proportional mode, same ballots', () => {
    // A 40 %, B 30 %, C 30 %. A 2–1, B 2–1, C 0–5.
    // Proportional: 2/5 × 2/3 + 3/10 × 2/3 + 3/10 × 0 = 4/15 + 3/15 = 7/15 (46.66 %): rejected.
    // Majority: A and B go for, C against: 4/10 + 3/10 = 7/10: adopted.
    const voters = [...members('a', 3, { college: 'A' }), ...members('b', 3, { college: 'B' }), ...members('c', 5, { college: 'C' })];
    const votes = ballots('r1', { for: ['a1', 'a2', 'b1', 'b2'], against: ['a3', 'b3', 'c1', 'c2', 'c3', 'c4', 'c5'] });
    const ag = (counting: 'proportional' | 'majority') => [sitting({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }), collegeCounting: counting }) }), votes];

    it('AG-COLLEGE-TALLY proportional: 7/15, rejected', () => {
      const { outcome, result } = given(ag('proportional')).when(closeResolution('r1')).closed();
      expect([outcome, result.exact]).toEqual(['rejected', { numerator: '7', denominator: '15' }]);
    });

    it("AG-COLLEGE-TALLY majority: each collège's whole weight to its majority side, 7/10, adopted", () => {
      const { outcome, result } = given(ag('majority')).when(closeResolution('r1')).closed();
      expect([outcome, result.exact, result.forBp]).toEqual(['adopted', { numerator: '7', denominator: '10' }, 7000]);
    });

    it('AG-COLLEGE-TALLY majority: a tie inside a collège gives its weight to neither side but keeps it in the denominator', () => {
      // A 2–1 (for), B 1–1 (tie), C 0–5 (against): 4/10 ÷ (4/10 + 3/10 + 3/10) = 2/5, rejected;
      // had the tied collège dropped out it would be 4/7.
      const tie = [
        sitting({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 3000 }), collegeCounting: 'majority' }) }),
        ballots('r1', { for: ['a1', 'a2', 'b1'], against: ['a3', 'b2', 'c1', 'c2', 'c3', 'c4', 'c5'] }),
      ];
      const { outcome, result } = given(tie).when(closeResolution('r1')).closed();
      expect([outcome, result.exact]).toEqual(['rejected', { numerator: '2', denominator: '5' }]);
      expect(result.droppedColleges).toEqual([]);
    });
  });
});

describe('AG-MAJORITY', () => {
  const voters = members('a', 11);

  it('AG-MAJORITY excludes abstentions and blank ballots from the votes cast (loi 2019-744)', () => {
    // 3 for, 2 against, 4 abstentions, 2 blank: 3 of 5 votes cast = 3/5, adopted (3 of 11 ballots would not be).
    const { outcome, result } = given(sitting({ voters }), ballots('r1', { for: ['a1', 'a2', 'a3'], against: ['a4', 'a5'], abstain: ['a6', 'a7', 'a8', 'a9'], blank: ['a10', 'a11'] }))
      .when(closeResolution('r1'))
      .closed();
    expect(outcome).toBe('adopted');
    expect(result.exact).toEqual({ numerator: '3', denominator: '5' });
    expect(result.votesCast).toBe(5);
    expect(result.colleges).toEqual([{ code: null, weightBp: 10000, effectiveWeightBp: 10000, for: 3, against: 2, abstain: 4, blank: 2, dropped: false }]);
  });

  it('AG-MAJORITY: a tie is not more than half', () => {
    const { outcome, result } = given(sitting({ voters }), ballots('r1', { for: ['a1', 'a2'], against: ['a3', 'a4'] }))
      .when(closeResolution('r1'))
      .closed();
    expect([outcome, result.exact, result.forBp, result.requiredBp]).toEqual(['rejected', { numerator: '1', denominator: '2' }, 5000, 5000]);
  });

  describe('a two-thirds threshold met exactly (4 for, 2 against = 2/3)', () => {
    const votes = ballots('r1', { for: ['a1', 'a2', 'a3', 'a4'], against: ['a5', 'a6'] });
    const ag = (majority: typeof TWO_THIRDS) => [sitting({ kind: 'extraordinary', voters, rules: rulesWith({ majority: { extraordinary: majority } }) }), votes];

    it('AG-MAJORITY passes under "at least two thirds"', () => {
      const { outcome, result } = given(ag(TWO_THIRDS)).when(closeResolution('r1')).closed();
      expect([outcome, result.exact, result.forBp, result.requiredBp]).toEqual(['adopted', { numerator: '2', denominator: '3' }, 6666, 6667]);
    });

    it('AG-MAJORITY fails under "more than two thirds"', () => {
      expect(given(ag(MORE_THAN_TWO_THIRDS)).when(closeResolution('r1')).closed().outcome).toBe('rejected');
    });
  });

  it('AG-MAJORITY: a resolution with neither ballots nor hands closes with no vote cast, rejected — blank proxies do not vote alone', () => {
    // a11's blank proxy would vote for this board-approved resolution, but no vote was taken on it.
    const ag = [convene({ voters, resolutions: [resolution('r1', 'ordinary', true)] }), attend('a1'), attend('a2'), attend('a11', 'proxy'), open];
    const { outcome, result } = given(ag).when(closeResolution('r1')).closed();
    expect([outcome, result.votesCast, result.blankProxies, result.method, result.exact]).toEqual(['rejected', 0, 0, 'ballots', { numerator: '0', denominator: '1' }]);
  });

  it('AG-MAJORITY: show-of-hands counts are tallied like ballots', () => {
    // 5 for, 3 against, 2 abstentions, 1 blank → 5/8.
    const { outcome, result } = given(sitting({ voters }), hands('r1', { for: 5, against: 3, abstain: 2, blank: 1 }))
      .when(closeResolution('r1'))
      .closed();
    expect([outcome, result.method, result.exact]).toEqual(['adopted', 'show_of_hands', { numerator: '5', denominator: '8' }]);
  });

  it('AG-MAJORITY with collèges: hands are counted per collège and weighted', () => {
    // A 50 %, B 30 %, C 20 %: A 2–2 → 1/2, B 3–0 → 1, C 0–1 → 0: 1/4 + 3/10 + 0 = 11/20.
    const voters3 = [...members('a', 4, { college: 'A' }), ...members('b', 3, { college: 'B' }), ...members('c', 2, { college: 'C' })];
    const ag = [
      sitting({ voters: voters3, rules: rulesWith({ colleges: colleges({ A: 5000, B: 3000, C: 2000 }) }) }),
      hands('r1', { for: 2, against: 2 }, 'A'),
      hands('r1', { for: 3, against: 0 }, 'B'),
      hands('r1', { for: 0, against: 1, abstain: 1 }, 'C'),
    ];
    const { outcome, result } = given(ag).when(closeResolution('r1')).closed();
    expect([outcome, result.exact]).toEqual(['adopted', { numerator: '11', denominator: '20' }]);
  });
});

describe('COOP-ONE-VOTE', () => {
  it('COOP-ONE-VOTE: without collèges each associate weighs one vote, whatever they hold', () => {
    // 2 for, 1 against → 2/3: the ballots carry no capital at all.
    const { result } = given(sitting({ voters: members('a', 3) }), ballots('r1', { for: ['a1', 'a2'], against: ['a3'] }))
      .when(closeResolution('r1'))
      .closed();
    expect(result.exact).toEqual({ numerator: '2', denominator: '3' });
    expect(result.colleges[0]).toMatchObject({ code: null, weightBp: 10000 });
  });
});

describe('SCOP-VOTES-65', () => {
  const scopRules = rulesWith({ legalForm: 'SCOP' });
  const voters = [...members('e', 5), ...members('o', 5, { employee: false })];

  it('SCOP-VOTES-65 reduces non-employee votes with the weight fixed on the voter list, which turns the outcome', () => {
    // 5 cooperators and 5 outsiders on the list: 5 of 10 > 35 %, so each outsider weighs
    // k = 35/65 × 5 ÷ 5 = 7/13. Employees 4–1, outsiders 0–5: counted one each, 4 for of 10 = 2/5.
    // Weighed: for 4 ÷ (4 + 1 + 5 × 7/13) = 4 ÷ 100/13 = 52/100 = 13/25: adopted.
    const { outcome, result } = given(sitting({ voters, rules: scopRules }), ballots('r1', { for: ['e1', 'e2', 'e3', 'e4'], against: ['e5', 'o1', 'o2', 'o3', 'o4', 'o5'] }))
      .when(closeResolution('r1'))
      .closed();
    expect(outcome).toBe('adopted');
    expect(result.exact).toEqual({ numerator: '13', denominator: '25' });
    expect(result.forBp).toBe(5200);
    expect(result.scopReduction).toEqual({
      factor: { numerator: '7', denominator: '13' },
      nonEmployeeVotesCast: 5,
      employeeVotesCast: 5,
      base: 'register',
      cooperatorsOnList: 5,
      outsidersOnList: 5,
      cooperativeSocietyFactor: null,
    });
    expect(result.votesCast).toBe(10);
  });

  describe('the base is the voting rights on the register, not the votes cast', () => {
    // 5 cooperators and 4 outsiders on the list: k = 35/65 × 5 ÷ 4 = 35/52.
    // 3 cooperators vote (1 for, 2 against), the 4 outsiders for:
    // for 1 + 4 × 35/52 = 48/13, against 2 = 26/13: 48/74 = 24/37 ≈ 64.86 %, adopted.
    // On the votes cast (3 and 4) k would be 35 × 3 ÷ (65 × 4) = 21/52: 136/240 ≈ 56.66 %.
    const list = [...members('e', 5), ...members('o', 4, { employee: false })];
    const turnout = [attend('e1'), attend('e2'), attend('e3'), ...['o1', 'o2', 'o3', 'o4'].map((id) => attend(id))];
    const votes = ballots('r1', { for: ['e1', 'o1', 'o2', 'o3', 'o4'], against: ['e2', 'e3'] });

    it('SCOP-VOTES-65: 5 cooperators and 4 outsiders on the list, 3 cooperators voting 1–2 and the outsiders 4–0 → 48/74 (6486 bp), adopted', () => {
      const { outcome, result } = given(convene({ voters: list, rules: scopRules }), turnout, open, votes)
        .when(closeResolution('r1'))
        .closed();
      expect(outcome).toBe('adopted');
      expect(result.exact).toEqual({ numerator: '24', denominator: '37' });
      expect(result.forBp).toBe(6486);
      expect(result.scopReduction).toMatchObject({ factor: { numerator: '35', denominator: '52' }, base: 'register', cooperatorsOnList: 5, outsidersOnList: 4, employeeVotesCast: 3, nonEmployeeVotesCast: 4 });
    });

    it('SCOP-VOTES-65: an assembly convened before the weights existed keeps the reduction as then computed, on the votes cast (5666 bp)', () => {
      // The stored AssemblyConvened has voters without `weight`: read as 1/1, nothing rewritten.
      const [convened] = eventsOf(convene({ voters: list, rules: scopRules }));
      const recorded = { ...convened, data: { ...(convened.data as object), voters: list.map(({ weight: _weight, ...v }) => v) } } as unknown as AssemblyEvent;
      const { outcome, result } = given(recorded, turnout, open, votes).when(closeResolution('r1')).closed();
      expect(result.forBp).toBe(5666);
      expect(result.exact).toEqual({ numerator: '17', denominator: '30' });
      expect(outcome).toBe('adopted');
      expect(result.scopReduction).toEqual({ factor: { numerator: '21', denominator: '52' }, nonEmployeeVotesCast: 4, employeeVotesCast: 3 });
    });
  });

  it('SCOP-VOTES-65 leaves the votes alone when outsiders hold exactly 35 % of the voting rights', () => {
    // 13 cooperators and 7 outsiders on the list: 7 of 20 = 35 %, not more. 13 for, 7 against: 13/20.
    const many = [...members('e', 13), ...members('o', 7, { employee: false })];
    const { result } = given(sitting({ voters: many, rules: scopRules }), ballots('r1', { for: many.slice(0, 13).map((v) => v.associateId), against: many.slice(13).map((v) => v.associateId) }))
      .when(closeResolution('r1'))
      .closed();
    expect(result.scopReduction).toBeNull();
    expect(result.exact).toEqual({ numerator: '13', denominator: '20' });
  });

  it('SCOP-VOTES-65 reduces as soon as outsiders hold more than 35 % of the voting rights, even if fewer of them vote', () => {
    // 13 cooperators and 8 outsiders on the list: k = 7/8. Only 2 outsiders attend and vote against,
    // 13 cooperators for: 13 ÷ (13 + 2 × 7/8) = 13 ÷ 59/4 = 52/59.
    const many = [...members('e', 13), ...members('o', 8, { employee: false })];
    const { result } = given(
      convene({ voters: many, rules: scopRules }),
      many.slice(0, 15).map((v) => attend(v.associateId)),
      open,
      ballots('r1', { for: many.slice(0, 13).map((v) => v.associateId), against: ['o1', 'o2'] }),
    )
      .when(closeResolution('r1'))
      .closed();
    expect(result.scopReduction).toMatchObject({ factor: { numerator: '7', denominator: '8' } });
    expect(result.exact).toEqual({ numerator: '52', denominator: '59' });
  });

  it('SCOP-VOTES-65 applies to a show of hands through its non-employee part', () => {
    // Same figures as by ballot: hands 4–6, of which outsiders 0–5 → 13/25, adopted.
    const { outcome, result } = given(sitting({ voters, rules: scopRules }), hands('r1', { for: 4, against: 6 }, null, { for: 0, against: 5, abstain: 0 }))
      .when(closeResolution('r1'))
      .closed();
    expect([outcome, result.exact]).toEqual(['adopted', { numerator: '13', denominator: '25' }]);
  });

  describe('two tiers: cooperative societies among the outsiders', () => {
    // 10 cooperators, 1 cooperative society, 8 other outsiders: the society weighs 1, the others
    // 35/65 × 11 ÷ 8 = 77/104 each.
    const list = [...members('e', 10), ...members('s', 1, { employee: false, cooperativeSociety: true }), ...members('o', 8, { employee: false })];

    it('SCOP-VOTES-65 weighs a cooperative society apart from the other outsiders, by ballot', () => {
      // for: 4 cooperators + the society = 5; against: 6 cooperators + 8 × 77/104 = 6 + 77/13 = 155/13.
      // 5 ÷ (5 + 155/13) = 65/220 = 13/44.
      const { result } = given(
        sitting({ voters: list, rules: scopRules }),
        ballots('r1', { for: ['e1', 'e2', 'e3', 'e4', 's1'], against: ['e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'] }),
      )
        .when(closeResolution('r1'))
        .closed();
      expect(result.exact).toEqual({ numerator: '13', denominator: '44' });
      expect(result.scopReduction).toMatchObject({ factor: { numerator: '77', denominator: '104' }, cooperativeSocietyFactor: { numerator: '1', denominator: '1' } });
    });

    it("SCOP-VOTES-65 needs the cooperative societies' part of a show of hands when their weight differs, and then gives the same result", () => {
      const ag = sitting({ voters: list, rules: scopRules });
      given(ag)
        .when(hands('r1', { for: 5, against: 14 }, null, { for: 1, against: 8, abstain: 0 }))
        .thenThrows(rule('SCOP-VOTES-65'), 'cooperativeSociety');
      const { result } = given(ag, hands('r1', { for: 5, against: 14 }, null, { for: 1, against: 8, abstain: 0 }, { for: 1, against: 0, abstain: 0 }))
        .when(closeResolution('r1'))
        .closed();
      expect(result.exact).toEqual({ numerator: '13', denominator: '44' });
    });
  });

  it('SCOP-VOTES-65 does not apply to a SCIC', () => {
    const { outcome, result } = given(sitting({ voters }), ballots('r1', { for: ['e1', 'e2', 'e3', 'e4'], against: ['e5', 'o1', 'o2', 'o3', 'o4', 'o5'] }))
      .when(closeResolution('r1'))
      .closed();
    expect([outcome, result.scopReduction, result.exact]).toEqual(['rejected', null, { numerator: '2', denominator: '5' }]);
  });
});
