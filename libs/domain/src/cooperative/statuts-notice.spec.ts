import { assemblyRulesOf } from '../assembly/assembly-rules';
import { CooperativeCommand } from './commands';
import { StatutsInput } from './statuts';
import { noticeDaysOf, resolveStatuts } from './statuts-defaults';
import { domainError, given, rule, statutsInput } from './testing';

function adopt(overrides: Partial<StatutsInput>): CooperativeCommand {
  return { type: 'AdoptStatuts', coopId: 'coop', statuts: statutsInput('SCOP', overrides) };
}

describe('AG-NOTICE, a parameter of the statuts floored by company form', () => {
  it('defaults: SA 15 days then 6 on second call, SARL 15, SAS 15 (per statuts)', () => {
    const of = (companyForm: 'SA' | 'SARL' | 'SAS') => resolveStatuts({ ...statutsInput('SCOP'), companyForm }).noticeDays;
    expect([of('SA'), of('SARL'), of('SAS')]).toEqual([
      { firstCall: 15, secondCall: 6 },
      { firstCall: 15, secondCall: 15 },
      { firstCall: 15, secondCall: 15 },
    ]);
  });

  it('keeps what the statuts give above the floor, the default for what they leave out', () =>
    given()
      .when(adopt({ companyForm: 'SA', noticeDays: { firstCall: 21 } }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { noticeDays: { firstCall: 21, secondCall: 6 } } } }]));

  it('refuses less than the legal floor: an SA or SARL on 14 days; a SAS may set less (its statuts alone)', () => {
    given()
      .when(adopt({ companyForm: 'SA', noticeDays: { firstCall: 14 } }))
      .thenThrows(rule('AG-NOTICE'), 'at least 15 days');
    given()
      .when(adopt({ companyForm: 'SARL', noticeDays: { secondCall: 10 } }))
      .thenThrows(rule('AG-NOTICE'), 'on second call');
    given()
      .when(adopt({ companyForm: 'SAS', noticeDays: { firstCall: 8, secondCall: 8 } }))
      .thenEmits([{ type: 'StatutsAdopted', data: { statuts: { noticeDays: { firstCall: 8, secondCall: 8 } } } }]);
  });

  it('refuses a notice that is not a whole number of days (INVALID_VALUE)', () =>
    given()
      .when(adopt({ companyForm: 'SAS', noticeDays: { firstCall: 2.5 } }))
      .thenThrows(domainError('INVALID_VALUE'), 'noticeDays.firstCall'));

  it('statuts adopted before the rule read the defaults of their company form, and an AG copies the notice of its call', () => {
    const { noticeDays: _dropped, ...old } = resolveStatuts({ ...statutsInput('SCOP'), companyForm: 'SA' });
    expect(noticeDaysOf(old)).toEqual({ firstCall: 15, secondCall: 6 });
    expect([assemblyRulesOf(old, 1).noticeDays, assemblyRulesOf(old, 2).noticeDays]).toEqual([15, 6]);
  });
});
