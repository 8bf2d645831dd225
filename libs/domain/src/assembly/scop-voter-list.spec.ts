import { convene, domainError, given, members, rule, rulesWith } from './testing';

/** The voter list a SCOP convenes on carries the SCOP-VOTES-65 weights, and no others. */
describe('SCOP-VOTES-65 on the voter list of a convocation', () => {
  const scopRules = rulesWith({ legalForm: 'SCOP' });
  const list = [...members('e', 5), ...members('o', 4, { employee: false })];

  it('SCOP-VOTES-65 records the weights of the list in AssemblyConvened (35/52 for each of 4 outsiders beside 5 cooperators)', () =>
    given()
      .when(convene({ voters: list, rules: scopRules }))
      .thenEmits([
        {
          type: 'AssemblyConvened',
          data: { voters: [...list.slice(0, 5).map((v) => ({ ...v, weight: { numerator: '1', denominator: '1' } })), ...list.slice(5).map((v) => ({ ...v, weight: { numerator: '35', denominator: '52' } }))] },
        },
      ]));

  it('SCOP-VOTES-65 refuses a list whose weights are not those of the rule (an outsider left at 1/1, a cooperator reduced)', () => {
    const wrong = convene({ voters: list, rules: scopRules });
    if (wrong.type !== 'ConveneAssembly') throw new Error('convene');
    const unreduced = { ...wrong, voters: wrong.voters.map((v) => ({ ...v, weight: { numerator: '1', denominator: '1' } })) };
    given().when(unreduced).thenThrows(rule('SCOP-VOTES-65'), 'o1 weighs 1/1 on the voter list; on this list SCOP-VOTES-65 gives 35/52');
    given()
      .when(convene({ voters: [{ ...list[0], weight: { numerator: '1', denominator: '2' } }, ...list.slice(1, 5)], rules: scopRules }))
      .thenThrows(rule('SCOP-VOTES-65'), 'e1 weighs 1/2');
  });

  it('SCOP-VOTES-65 refuses a SCOP list without any cooperator: no reduction can bring outsiders to 35 %', () =>
    given()
      .when(convene({ voters: members('o', 3, { employee: false }), rules: scopRules }))
      .thenThrows(rule('SCOP-VOTES-65'), 'no cooperator'));

  it('refuses a weight that is not a fraction between 0 and 1 (INVALID_VALUE), and a SCIC list with a reduced weight (SCOP-VOTES-65)', () => {
    given()
      .when(convene({ voters: [{ ...list[0], weight: { numerator: '3', denominator: '2' } }] }))
      .thenThrows(domainError('INVALID_VALUE'), 'between 0 and 1');
    given()
      .when(convene({ voters: [{ ...list[0], weight: { numerator: '1', denominator: '0' } }] }))
      .thenThrows(domainError('INVALID_VALUE'), 'weight');
    given()
      .when(convene({ voters: [{ ...list[5], weight: { numerator: '1', denominator: '2' } }] }))
      .thenThrows(rule('SCOP-VOTES-65'), 'o1 weighs 1/2');
  });
});
