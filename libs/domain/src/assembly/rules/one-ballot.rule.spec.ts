import { attend, convene, given, members, open, rule, sitting, vote } from '../testing';

describe('AG-ONE-BALLOT', () => {
  const voters = members('a', 3);

  it('AG-ONE-BALLOT refuses a second ballot for the same associate on the same resolution', () =>
    given(sitting({ voters }), vote('r1', 'a1', 'for'))
      .when(vote('r1', 'a1', 'against'))
      .thenThrows(rule('AG-ONE-BALLOT'), 'a ballot for a1 on resolution r1 is already cast'));

  it('AG-ONE-BALLOT counts the ballot, not who cast it: a proxy holder votes once for the one they represent', () =>
    given(convene({ voters }), attend('a1'), attend('a2', 'proxy', 'a1'), open, vote('r1', 'a2', 'for'))
      .when(vote('r1', 'a2', 'for'))
      .thenThrows(rule('AG-ONE-BALLOT')));

  it("AG-ONE-BALLOT: the holder's own ballot and the one they cast by proxy are two ballots", () =>
    given(convene({ voters }), attend('a1'), attend('a2', 'proxy', 'a1'), open, vote('r1', 'a2', 'for'))
      .when(vote('r1', 'a1', 'against'))
      .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a1', choice: 'against', castBy: 'a1' } }]));
});
