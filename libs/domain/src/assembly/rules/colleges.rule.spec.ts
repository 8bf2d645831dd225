import { colleges, convene, domainError, given, hands, members, rule, rulesWith, sitting } from '../testing';

describe('SCIC-COLLEGES', () => {
  const three = colleges({ A: 4000, B: 3000, C: 3000 });
  const voters = [...members('a', 2, { college: 'A' }), ...members('b', 2, { college: 'B' }), ...members('c', 2, { college: 'C' })];

  it('SCIC-COLLEGES: with collèges, a show of hands names its collège', () => {
    given(sitting({ voters, rules: rulesWith({ colleges: three }) }))
      .when(hands('r1', { for: 1, against: 0 }))
      .thenThrows(rule('SCIC-COLLEGES'), 'names no collège');
    given(sitting({ voters, rules: rulesWith({ colleges: three }) }))
      .when(hands('r1', { for: 1, against: 0 }, 'Z'))
      .thenThrows(rule('SCIC-COLLEGES'), '"Z"');
  });

  it('SCIC-COLLEGES: without collèges, a show of hands names none', () =>
    given(sitting({ voters: members('a', 3) }))
      .when(hands('r1', { for: 1, against: 0 }, 'A'))
      .thenThrows(rule('SCIC-COLLEGES'), 'has no collèges'));

  it("SCIC-COLLEGES: a voter of the list is in one of the assembly's collèges", () => {
    given()
      .when(convene({ voters: [...voters, ...members('z', 1, { college: 'Z' })], rules: rulesWith({ colleges: three }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'voter z1');
    given()
      .when(convene({ voters: members('n', 3), rules: rulesWith({ colleges: three }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'names no collège');
  });

  it('SCIC-COLLEGES: only a SCIC has collèges, at least 3, each 10 % to 50 %, summing to 100 %', () => {
    given()
      .when(convene({ voters, rules: rulesWith({ legalForm: 'SCOP', colleges: three }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'only a SCIC');
    given()
      .when(convene({ voters, rules: rulesWith({ colleges: colleges({ A: 5000, B: 5000 }) }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'at least 3');
    given()
      .when(convene({ voters, rules: rulesWith({ colleges: colleges({ A: 6000, B: 2000, C: 2000 }) }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'A weighs 6000 bp');
    given()
      .when(convene({ voters, rules: rulesWith({ colleges: colleges({ A: 4000, B: 3000, C: 2000 }) }) }))
      .thenThrows(rule('SCIC-COLLEGES'), 'sum to 90.00 %');
  });

  it('a show of hands counted twice for one collège is refused (ALREADY_EXISTS)', () =>
    given(sitting({ voters, rules: rulesWith({ colleges: three }) }), hands('r1', { for: 1, against: 0 }, 'A'))
      .when(hands('r1', { for: 1, against: 0 }, 'A'))
      .thenThrows(domainError('ALREADY_EXISTS'), 'collège A'));
});
