import { attend, convene, given, members, rule, sitting, vote } from '../testing';

describe('AG-VOTERS', () => {
  const voters = members('a', 3);

  it('AG-VOTERS refuses the attendance of an associate who is not on the voter list fixed at the record date', () =>
    given(convene({ voters })).when(attend('late-comer')).thenThrows(rule('AG-VOTERS'), 'not on the voter list fixed at the record date 2025-05-20'));

  it('AG-VOTERS refuses a ballot for an associate who is not on the list', () =>
    given(sitting({ voters }))
      .when(vote('r1', 'late-comer', 'for'))
      .thenThrows(rule('AG-VOTERS')));

  it('AG-VOTERS: an id that is a property of every object is not on the list either', () => given(convene({ voters })).when(attend('constructor')).thenThrows(rule('AG-VOTERS')));
});
