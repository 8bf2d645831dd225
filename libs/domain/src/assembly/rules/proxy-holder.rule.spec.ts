import { attend, convene, domainError, given, members, rule, vote, open } from '../testing';

describe('proxy holders (SCOP-PROXY-LIMIT: "a proxy may be held only by another associate")', () => {
  const voters = members('a', 5);
  const ag = convene({ voters });

  it('records a proxy held by an associate who attends in person or remotely', () => {
    given(ag, attend('a1'))
      .when(attend('a2', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a2', mode: 'proxy', proxyHolderId: 'a1' } }]);
    given(ag, attend('a1', 'remote'))
      .when(attend('a2', 'proxy', 'a1'))
      .then([{ type: 'AttendanceRecorded', data: { associateId: 'a2', mode: 'proxy', proxyHolderId: 'a1' } }]);
  });

  it('AG-VOTERS: refuses a holder who is not on the voter list', () =>
    given(ag)
      .when(attend('a2', 'proxy', 'stranger'))
      .thenThrows(rule('AG-VOTERS'), 'proxy holder stranger'));

  it('refuses a holder whose own attendance is not recorded yet (INVALID_STATE)', () =>
    given(ag)
      .when(attend('a2', 'proxy', 'a1'))
      .thenThrows(domainError('INVALID_STATE'), 'record their attendance'));

  it('refuses a holder who is themselves represented, or votes by mail (INVALID_STATE)', () => {
    given(ag, attend('a1'), attend('a3', 'proxy', 'a1'))
      .when(attend('a2', 'proxy', 'a3'))
      .thenThrows(domainError('INVALID_STATE'), 'themselves represented');
    given(ag, attend('a1', 'mail'))
      .when(attend('a2', 'proxy', 'a1'))
      .thenThrows(domainError('INVALID_STATE'), 'votes by mail');
  });

  it('refuses an associate holding their own proxy (INVALID_VALUE)', () =>
    given(ag)
      .when(attend('a1', 'proxy', 'a1'))
      .thenThrows(domainError('INVALID_VALUE'), 'their own proxy'));

  it('refuses a holder named for another mode than proxy (INVALID_VALUE)', () =>
    given(ag, attend('a1'))
      .when(attend('a2', 'present', 'a1'))
      .thenThrows(domainError('INVALID_VALUE')));

  it('AG-ONE-BALLOT: the holder casts the ballot of the one they represent, recorded as cast by them', () =>
    given(ag, attend('a1'), attend('a2', 'proxy', 'a1'), open)
      .when(vote('r1', 'a2', 'against'))
      .then([{ type: 'BallotCast', data: { resolutionId: 'r1', associateId: 'a2', choice: 'against', castBy: 'a1' } }]));
});
