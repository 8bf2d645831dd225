import { convene, domainError, given, members, rule, rulesWith } from '../testing';
import { daysBetween } from './notice.rule';

const voters = members('a', 3);

describe('AG-NOTICE: associates are convened at least the statuts’ notice before the assembly', () => {
  it('counts heldOn − convenedOn in whole days', () => {
    expect(daysBetween('2025-05-20', '2025-06-04')).toBe(15);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('accepts exactly the notice the statuts ask', () =>
    given()
      .when(convene({ voters, convenedOn: '2025-05-20', heldOn: '2025-06-04', rules: rulesWith({ noticeDays: 15 }) }))
      .thenEmits([{ type: 'AssemblyConvened', data: { heldOn: '2025-06-04' } }]));

  it('refuses one day less, naming the first date it may be held', () =>
    given()
      .when(convene({ voters, convenedOn: '2025-05-20', heldOn: '2025-06-03', rules: rulesWith({ noticeDays: 15 }) }))
      .thenThrows(rule('AG-NOTICE'), '14 days of notice; the statuts of this SA ask at least 15 on first call — hold it on 2025-06-04 or later'));

  it('refuses an assembly held on the day it is convened', () =>
    given()
      .when(convene({ voters, heldOn: '2025-05-20' }))
      .thenThrows(rule('AG-NOTICE'), '0 days of notice'));

  it('a second call takes the notice of its call, copied at convocation (SA: 6 days)', () =>
    given()
      .when(convene({ assemblyId: 'ag2', voters, call: 2, reconvenes: 'ag1', convenedOn: '2025-06-15', heldOn: '2025-06-21', rules: rulesWith({ noticeDays: 6 }) }))
      .thenEmits([{ type: 'AssemblyConvened', data: { call: 2 } }]));

  it('refuses rules without a notice (INVALID_VALUE): every convocation since AG-NOTICE carries one', () =>
    given()
      .when(convene({ voters, rules: { ...rulesWith(), noticeDays: undefined } }))
      .thenThrows(domainError('INVALID_VALUE'), 'rules.noticeDays'));
});
