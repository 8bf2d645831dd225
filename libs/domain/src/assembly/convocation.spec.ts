import { admitted, categoryChanged, scic, scop, THREE_COLLEGES, withdrew } from '../cooperative/testing';
import { CooperativeEvent } from '../cooperative/events';
import { evolve } from '../cooperative/evolve';
import { CooperativeState, initialState } from '../cooperative/state';
import { DomainError } from '../rules/errors';
import { assemblyRulesOf } from './assembly-rules';
import { convocationCommand, ConvocationRequest, firstCallOf, requireReconvenable, voterListOf } from './convocation';
import { attend, convene, members, open, resolution, stateOf as assemblyStateOf } from './testing';

function cooperative(...history: Array<CooperativeEvent | CooperativeEvent[]>): CooperativeState {
  return (history.flat() as CooperativeEvent[]).reduce(evolve, initialState());
}

const request: ConvocationRequest = {
  coopId: 'coop',
  assemblyId: 'ag-2025',
  kind: 'ordinary',
  title: 'AG ordinaire 2025',
  convenedOn: '2025-05-20',
  heldOn: '2025-06-14',
  place: 'Siège social',
  call: 1,
  resolutions: [{ id: 'r1', title: 'Approbation des comptes', text: 'Les comptes sont approuvés.', kind: 'ordinary' }],
};
const hashOf = (voters: unknown[]) => `hash-of-${voters.length}`;

describe('AG-VOTERS: the voter list is read from the cooperative on the record date', () => {
  it('lists the active associates in order of admission, in their collège, employees marked', () => {
    const coop = cooperative(
      scic({ colleges: THREE_COLLEGES }),
      admitted('ana', 'employee', 1, { collegeCode: 'workers' }),
      admitted('bruno', 'beneficiary', 1, { collegeCode: 'users' }),
      admitted('carla', 'supporter', 1, { collegeCode: 'partners' }),
      withdrew('bruno'),
    );
    expect(voterListOf(coop)).toEqual([
      { associateId: 'ana', name: 'Associate ana', collegeCode: 'workers', employee: true, weight: { numerator: '1', denominator: '1' } },
      { associateId: 'carla', name: 'Associate carla', collegeCode: 'partners', employee: false, weight: { numerator: '1', denominator: '1' } },
    ]);
  });

  it('SCOP-VOTES-65: fixes on the list the weight of each voter, measured on the register (5 cooperators, 4 outsiders → 35/52)', () => {
    const employees = ['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => admitted(id, 'employee', 10));
    const outsiders = ['o1', 'o2', 'o3', 'o4'].map((id) => admitted(id, 'supporter', 1));
    const coop = cooperative(scop(), ...employees, ...outsiders);
    expect(voterListOf(coop).map((v) => [v.associateId, v.weight])).toEqual([
      ...['e1', 'e2', 'e3', 'e4', 'e5'].map((id) => [id, { numerator: '1', denominator: '1' }]),
      ...['o1', 'o2', 'o3', 'o4'].map((id) => [id, { numerator: '35', denominator: '52' }]),
    ]);
  });

  it('counts the category on the record date (SCOP-VOTES-65 reads `employee`)', () => {
    const coop = cooperative(scop(), admitted('ana', 'beneficiary', 1), categoryChanged('ana', 'beneficiary', 'employee'));
    expect(voterListOf(coop).map((v) => v.employee)).toEqual([true]);
  });
});

describe('SCOP-VOTES-65 two tiers on the voter list', () => {
  it('gives a cooperative society (flagged at admission) the 49 % tier and the other outsiders the 35 % one', () => {
    // 10 cooperators, 1 cooperative society, 8 others: the society keeps 1, the others 77/104.
    const employees = Array.from({ length: 10 }, (_, i) => admitted(`e${i}`, 'employee', 10));
    const others = Array.from({ length: 8 }, (_, i) => admitted(`o${i}`, 'supporter', 1));
    const [admission, subscription] = admitted('sc', 'other', 1);
    const society = { ...admission, data: { ...(admission.data as object), personType: 'legal', cooperativeSociety: true } } as CooperativeEvent;
    const voters = voterListOf(cooperative(scop(), ...employees, society, subscription, ...others));
    expect(voters.find((v) => v.associateId === 'sc')).toMatchObject({ cooperativeSociety: true, weight: { numerator: '1', denominator: '1' } });
    expect(voters.find((v) => v.associateId === 'o0')?.weight).toEqual({ numerator: '77', denominator: '104' });
    expect(voters.find((v) => v.associateId === 'e0')?.weight).toEqual({ numerator: '1', denominator: '1' });
  });
});

describe('convocationCommand', () => {
  const coop = cooperative(scop(), admitted('ana', 'employee', 1), admitted('bruno', 'employee', 1));

  it('carries the voter list with its hash, the rules of this call and the record date (default: the convocation date)', () => {
    const command = convocationCommand(request, coop, null, hashOf);
    expect(command).toMatchObject({ type: 'ConveneAssembly', recordDate: '2025-05-20', reconvenes: null, votersHash: 'hash-of-2', firstCall: null, rules: assemblyRulesOf(coop.statuts!, 1) });
    expect(command.voters.map((v) => v.associateId)).toEqual(['ana', 'bruno']);
  });

  it('takes boardApproved as true unless the request says false (docs/api.md)', () => {
    const command = convocationCommand(
      {
        ...request,
        resolutions: [
          { id: 'r1', title: 'A', text: 'a', kind: 'ordinary' },
          { id: 'r2', title: 'B', text: 'b', kind: 'ordinary', boardApproved: false },
        ],
      },
      coop,
      null,
      hashOf,
    );
    expect(command.resolutions.map((r) => r.boardApproved)).toEqual([true, false]);
  });

  it('refuses a record date before the cooperative was registered (INVALID_VALUE)', () => {
    expect(() => convocationCommand({ ...request, recordDate: '2020-01-01' }, initialState(), null, hashOf)).toThrow(
      new DomainError('INVALID_VALUE', 'The cooperative was not registered yet on the record date 2020-01-01'),
    );
  });
});

describe('assemblyRulesOf: the statuts as they bind one call (AG-QUORUM, AG-MAJORITY)', () => {
  it('takes the quorum of the call, per resolution kind', () => {
    const statuts = cooperative(scop({ companyForm: 'SA' })).statuts!;
    const first = assemblyRulesOf(statuts, 1);
    const second = assemblyRulesOf(statuts, 2);
    expect(first.quorumRequiredBp).toEqual({ ordinary: statuts.assemblyRules.ordinary.quorumFirstCallBp, extraordinary: statuts.assemblyRules.extraordinary.quorumFirstCallBp });
    expect(second.quorumRequiredBp).toEqual({ ordinary: statuts.assemblyRules.ordinary.quorumSecondCallBp, extraordinary: statuts.assemblyRules.extraordinary.quorumSecondCallBp });
    expect(first.quorumRequiredBp.ordinary).toBe(2000);
  });
});

describe('AG-QUORUM: a second call reconvenes a first call that could not open', () => {
  const voters = members('a', 4);
  const unopened = assemblyStateOf(convene({ voters }), attend('a1'));

  it('passes for a first call of the same kind still convened', () => {
    expect(firstCallOf(unopened)).toEqual({ assemblyId: 'ag1', call: 1, kind: 'ordinary', status: 'convened' });
    expect(() => requireReconvenable(firstCallOf(unopened), 'ag1', 'ordinary')).not.toThrow();
  });

  it('refuses a first call that does not exist (NOT_FOUND), that opened, of another kind, or itself a second call (INVALID_STATE)', () => {
    expect(() => requireReconvenable(firstCallOf(undefined), 'ag1', 'ordinary')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const held = assemblyStateOf(convene({ voters, resolutions: [resolution('r1')] }), attend('a1'), attend('a2'), open);
    expect(() => requireReconvenable(firstCallOf(held), 'ag1', 'ordinary')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => requireReconvenable(firstCallOf(unopened), 'ag1', 'extraordinary')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => requireReconvenable({ assemblyId: 'ag1', call: 2, kind: 'ordinary', status: 'convened' }, 'ag1', 'ordinary')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
  });
});
