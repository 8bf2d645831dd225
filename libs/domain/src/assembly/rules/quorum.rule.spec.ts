import { AssemblyOpenedData, attend, ballots, closeResolution, convene, domainError, given, hands, members, open, resolution, rule, rulesWith, vote } from '../testing';

/** The first `n` voters of the list, present. */
const present = (voters: ReturnType<typeof members>, n: number) => voters.slice(0, n).map((v) => attend(v.associateId));

describe('AG-QUORUM', () => {
  // 20 voters; SA defaults: ordinary 1/5 on first call (4 of 20), none on second;
  // extraordinary 1/4 on first call (5 of 20), 1/5 on second (4 of 20).
  const voters = members('a', 20);

  it('AG-QUORUM opens an ordinary assembly that just meets its quorum: 4 of 20 = 20 %', () => {
    const [event] = given(convene({ voters }), present(voters, 4)).when(open).events();
    expect(event).toEqual({
      type: 'AssemblyOpened',
      data: { present: 4, remote: 0, mail: 0, represented: 0, total: 4, voters: 20, quorumBp: 2000, quorumRequiredBp: 2000, ordinaryQuorumMet: true, extraordinaryQuorumMet: false } satisfies AssemblyOpenedData,
    });
  });

  it('AG-QUORUM refuses to open an ordinary assembly that just misses it: 3 of 20, and says it can be reconvened', () =>
    given(convene({ voters }), present(voters, 3))
      .when(open)
      .thenThrows(rule('AG-QUORUM'), /3 of 20 associates attend .*15\.00 %.*quorum is 20\.00 % \(at least 4 associates\); the assembly can be reconvened on second call/));

  it('AG-QUORUM counts heads of every mode, blank proxies included: present, remote, by mail, represented', () => {
    const [event] = given(convene({ voters }), attend('a1'), attend('a2', 'remote'), attend('a3', 'mail'), attend('a4', 'proxy', 'a1'), attend('a5', 'proxy'))
      .when(open)
      .events();
    expect(event.data).toMatchObject({ present: 1, remote: 1, mail: 1, represented: 2, total: 5, quorumBp: 2500 });
  });

  it('AG-QUORUM is exact: 1/5 of 7 voters is 1.4, so 1 attendee is short and 2 suffice', () => {
    const seven = members('s', 7);
    given(convene({ voters: seven }), present(seven, 1))
      .when(open)
      .thenThrows(rule('AG-QUORUM'), 'at least 2 associates');
    given(convene({ voters: seven }), present(seven, 2))
      .when(open)
      .then([{ type: 'AssemblyOpened', data: { present: 2, remote: 0, mail: 0, represented: 0, total: 2, voters: 7, quorumBp: 2857, quorumRequiredBp: 2000, ordinaryQuorumMet: true, extraordinaryQuorumMet: true } }]);
  });

  describe('an extraordinary assembly that misses its first-call quorum, reconvened on second call', () => {
    const firstCall = convene({ kind: 'extraordinary', voters });
    const secondCall = convene({
      assemblyId: 'ag2',
      kind: 'extraordinary',
      call: 2,
      reconvenes: 'ag1',
      convenedOn: '2025-06-15',
      heldOn: '2025-07-01',
      voters,
      rules: rulesWith({ quorum: { ordinary: 0, extraordinary: 2000 } }),
    });

    it('AG-QUORUM: on first call 4 of 20 (20 %) is short of the 25 % required', () =>
      given(firstCall, present(voters, 4)).when(open).thenThrows(rule('AG-QUORUM'), 'the extraordinary quorum is 25.00 % (at least 5 associates); the assembly can be reconvened on second call'));

    it('AG-QUORUM: on second call the same 4 of 20 meet the 20 % required, and the assembly votes', () => {
      const [event] = given(secondCall, present(voters, 4)).when(open).events();
      expect(event.data).toMatchObject({ total: 4, quorumRequiredBp: 2000, extraordinaryQuorumMet: true });
      given(secondCall, present(voters, 4), open)
        .when(vote('r1', 'a1', 'for'))
        .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a1', choice: 'for', castBy: 'a1' } }]);
    });

    it('AG-QUORUM: a second call that misses its own quorum says a new assembly must be convened', () => given(secondCall, present(voters, 3)).when(open).thenThrows(rule('AG-QUORUM'), 'this was the second call'));
  });

  describe('a combined assembly that meets the ordinary quorum only', () => {
    // 4 of 20: ordinary 20 % met, extraordinary 25 % not.
    const combined = [convene({ kind: 'combined', voters, resolutions: [resolution('r1'), resolution('r2', 'extraordinary', true)] }), present(voters, 3), attend('a4', 'proxy'), open];

    it('AG-QUORUM opens it on the ordinary quorum and records that the extraordinary one is not met', () => {
      const [event] = given(combined.slice(0, -1)).when(open).events();
      expect(event.data).toMatchObject({ quorumRequiredBp: 2000, ordinaryQuorumMet: true, extraordinaryQuorumMet: false });
    });

    it('AG-QUORUM lets it vote on its ordinary resolutions', () =>
      given(combined)
        .when(vote('r1', 'a1', 'for'))
        .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a1', choice: 'for', castBy: 'a1' } }]));

    it('AG-QUORUM refuses a ballot or a show of hands on its extraordinary resolutions', () => {
      given(combined)
        .when(vote('r2', 'a1', 'for'))
        .thenThrows(rule('AG-QUORUM'), 'cannot vote on extraordinary resolution r2');
      given(combined)
        .when(hands('r2', { for: 3, against: 0 }))
        .thenThrows(rule('AG-QUORUM'));
    });

    it('AG-QUORUM closes an extraordinary resolution it could not vote as not put to the vote, never rejected — even a board-approved one with a blank proxy', () =>
      given(combined, ballots('r1', { for: ['a1'] }))
        .when(closeResolution('r2'))
        .then([{ type: 'ResolutionClosed', data: { resolutionId: 'r2', outcome: 'not_voted', reason: 'AG-QUORUM', result: null } }]));
  });

  it('AG-QUORUM is checked once: an open assembly does not open again (INVALID_STATE)', () => given(convene({ voters }), present(voters, 4), open).when(open).thenThrows(domainError('INVALID_STATE'), 'already open'));

  describe('SCOP: reckoned on the votes that may validly be cast by those present or represented (L1978 art. 14)', () => {
    // 5 cooperators and 4 outsiders on the list; each outsider weighs 35/52 (SCOP-VOTES-65).
    // Votes on the list: 5 + 4 × 35/52 = 100/13.
    const scop = [...members('e', 5), ...members('o', 4, { employee: false })];
    const rules = (ordinary: number) => rulesWith({ legalForm: 'SCOP', quorum: { ordinary, extraordinary: 2500 } });

    it('AG-QUORUM for a SCOP refuses 2 outsiders of 9 voters although 2 heads are 22.22 %: their 35/26 votes are 17.50 % of 100/13', () =>
      given(convene({ voters: scop, rules: rules(2000) }), attend('o1'), attend('o2'))
        .when(open)
        .thenThrows(rule('AG-QUORUM'), /holding 35\/26 of the 100\/13 votes on the list.*17\.50 %.*at least votes worth 20\/13/));

    it('AG-QUORUM for a SCOP opens with 3 outsiders: 105/52 votes, 26.25 % of the list', () => {
      const [event] = given(convene({ voters: scop, rules: rules(2000) }), attend('o1'), attend('o2'), attend('o3', 'proxy', 'o1'))
        .when(open)
        .events();
      expect(event.data).toMatchObject({
        total: 3,
        voters: 9,
        quorumBp: 2625,
        ordinaryQuorumMet: true,
        votesPresentOrRepresented: { numerator: '105', denominator: '52' },
        votesOnList: { numerator: '100', denominator: '13' },
      });
    });

    it('AG-QUORUM for a SCOP is exact at its edge: one cooperator holds 1 of 100/13 votes, exactly the 13 % required', () => {
      given(convene({ voters: scop, rules: rules(1300) }), attend('e1'))
        .when(open)
        .then([
          {
            type: 'AssemblyOpened',
            data: {
              present: 1,
              remote: 0,
              mail: 0,
              represented: 0,
              total: 1,
              voters: 9,
              quorumRequiredBp: 1300,
              quorumBp: 1300,
              ordinaryQuorumMet: true,
              extraordinaryQuorumMet: false,
              votesPresentOrRepresented: { numerator: '1', denominator: '1' },
              votesOnList: { numerator: '100', denominator: '13' },
            },
          },
        ]);
      given(convene({ voters: scop, rules: rules(1301) }), attend('e1'))
        .when(open)
        .thenThrows(rule('AG-QUORUM'), '13.00 % rounded down');
    });

    it('AG-QUORUM for a SCOP without reduction counts every vote as 1, like heads', () => {
      const [event] = given(convene({ voters: members('e', 5), rules: rules(2000) }), attend('e1'))
        .when(open)
        .events();
      expect(event.data).toMatchObject({ quorumBp: 2000, ordinaryQuorumMet: true, votesPresentOrRepresented: { numerator: '1', denominator: '1' }, votesOnList: { numerator: '5', denominator: '1' } });
    });
  });
});
