import { attend, ballots, closeResolution, convene, given, hands, members, open, resolution, rule, rulesWith, vote } from '../testing';

describe('AG-BLANK-PROXY', () => {
  // a1 for, a2 against, a3's proxy names no holder.
  const voters = members('a', 3);
  const withBlank = (boardApproved: boolean) => [
    convene({ voters, resolutions: [resolution('r1', 'ordinary', boardApproved)] }),
    attend('a1'),
    attend('a2'),
    attend('a3', 'proxy'),
    open,
    ballots('r1', { for: ['a1'], against: ['a2'] }),
  ];

  it('AG-BLANK-PROXY: a blank proxy votes for a board-approved resolution: 2 for of 3 = 2/3, adopted', () => {
    const { outcome, result } = given(withBlank(true)).when(closeResolution('r1')).closed();
    expect([outcome, result.exact, result.blankProxies]).toEqual(['adopted', { numerator: '2', denominator: '3' }, 1]);
    expect(result.colleges[0]).toMatchObject({ for: 2, against: 1 });
  });

  it('AG-BLANK-PROXY: and against one the board does not approve: 1 for of 3 = 1/3, rejected', () => {
    const { outcome, result } = given(withBlank(false)).when(closeResolution('r1')).closed();
    expect([outcome, result.exact, result.blankProxies]).toEqual(['rejected', { numerator: '1', denominator: '3' }, 1]);
  });

  it('AG-BLANK-PROXY: blank proxies vote in their collège', () => {
    // A 50 %, B 30 %, C 20 %; b2's blank proxy, board-approved. A 1–1 → 1/2, B 0–1 + blank for → 1/2, C 1–0 → 1.
    // 1/4 + 3/20 + 1/5 = 5/20 + 3/20 + 4/20 = 12/20 = 3/5.
    const three = [...members('a', 2, { college: 'A' }), ...members('b', 2, { college: 'B' }), ...members('c', 1, { college: 'C' })];
    const ag = [
      convene({
        voters: three,
        resolutions: [resolution('r1', 'ordinary', true)],
        rules: rulesWith({
          colleges: [
            { code: 'A', name: 'A', weightBp: 5000 },
            { code: 'B', name: 'B', weightBp: 3000 },
            { code: 'C', name: 'C', weightBp: 2000 },
          ],
        }),
      }),
      ['a1', 'a2', 'b1', 'c1'].map((id) => attend(id)),
      attend('b2', 'proxy'),
      open,
      ballots('r1', { for: ['a1', 'c1'], against: ['a2', 'b1'] }),
    ];
    const { result } = given(ag).when(closeResolution('r1')).closed();
    expect(result.exact).toEqual({ numerator: '3', denominator: '5' });
    expect(result.colleges.find((c) => c.code === 'B')).toMatchObject({ for: 1, against: 1 });
  });

  it('AG-BLANK-PROXY: closing adds blank proxies to a show of hands too', () => {
    // hands 1–1 by a1 and a2, plus the blank proxy for (board-approved): 2/3.
    const { result } = given(withBlank(true).slice(0, -1), hands('r1', { for: 1, against: 1 }))
      .when(closeResolution('r1'))
      .closed();
    expect(result.exact).toEqual({ numerator: '2', denominator: '3' });
  });

  it('AG-BLANK-PROXY: no ballot is cast for a blank proxy — its vote is decided at closing', () =>
    given(withBlank(true).slice(0, -1))
      .when(vote('r1', 'a3', 'for'))
      .thenThrows(rule('AG-BLANK-PROXY'), 'counted at closing'));

  it('AG-BLANK-PROXY: refused when the statuts do not let blank proxies vote with the board', () =>
    given(convene({ voters, rules: rulesWith({ blankProxyVotesWithBoard: false }) }))
      .when(attend('a3', 'proxy'))
      .thenThrows(rule('AG-BLANK-PROXY'), 'name the associate who holds it'));
});
