import { CommandOf } from '../commands';
import { CooperativeEvent } from '../events';
import { admit, admitted, domainError, given, rule, scic, scop } from '../testing';

/** `employees` employee-associates with 10 shares each and `outsiders` with 1 share each. */
function scopWith(counts: { employees: number; outsiders: number }): CooperativeEvent[][] {
  const employees = Array.from({ length: counts.employees }, (_, i) => admitted(`e${i}`, 'employee', 10));
  const outsiders = Array.from({ length: counts.outsiders }, (_, i) => admitted(`o${i}`, 'supporter', 1));
  return [[scop()], ...employees, ...outsiders];
}

describe('SCOP-VOTES-65', () => {
  it('SCOP-VOTES-65 accepts the admission of an outsider that leaves employees at exactly 65 % of the votes', () =>
    given(scopWith({ employees: 13, outsiders: 6 }))
      .when(admit({ id: 'new', category: 'supporter', shares: 1 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'new', name: 'Associate new', personType: 'natural', category: 'supporter', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'new', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } },
      ]));

  it('SCOP-VOTES-65 refuses the admission of an outsider that takes employees below 65 %', () =>
    given(scopWith({ employees: 13, outsiders: 7 }))
      .when(admit({ id: 'new', category: 'supporter', shares: 1 }))
      .thenThrows(rule('SCOP-VOTES-65'), 'would hold 13 of 21 votes'));

  it('SCOP-VOTES-65 always accepts the admission of an employee', () =>
    given(scopWith({ employees: 1, outsiders: 7 }))
      .when(admit({ id: 'new', category: 'employee', shares: 10 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'new', name: 'Associate new', personType: 'natural', category: 'employee', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'new', shares: 10, amountCents: 1000, paidCents: 1000, effectiveDate: '2024-02-01' } },
      ]));

  it('SCOP-VOTES-65 counts active associates only: a withdrawn outsider has no vote', () =>
    given(scopWith({ employees: 13, outsiders: 7 }), { type: 'AssociateWithdrew', data: { associateId: 'o0', reason: 'resignation', effectiveDate: '2024-03-01' } })
      .when(admit({ id: 'new', category: 'supporter', shares: 1, on: '2024-03-02' }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'new', name: 'Associate new', personType: 'natural', category: 'supporter', collegeCode: null, effectiveDate: '2024-03-02' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'new', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-03-02' } },
      ]));

  it('SCOP-VOTES-65 does not apply to a SCIC', () =>
    given(scic(), admitted('b1', 'beneficiary', 1))
      .when(admit({ id: 's1', category: 'supporter', shares: 1 }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 's1', name: 'Associate s1', personType: 'natural', category: 'supporter', collegeCode: null, effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 's1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } },
      ]));

  it('SCOP-VOTES-65 records an outsider that is itself a cooperative society (the 49 % tier), a legal person only', () => {
    const society = { ...(admit({ id: 'coop-x', category: 'supporter', shares: 1 }) as CommandOf<'AdmitAssociate'>), personType: 'legal' as const, cooperativeSociety: true };
    given(scopWith({ employees: 13, outsiders: 0 }))
      .when(society)
      .thenEmits([
        { type: 'AssociateAdmitted', data: { associateId: 'coop-x', personType: 'legal', cooperativeSociety: true } },
        { type: 'SharesSubscribed', data: { associateId: 'coop-x' } },
      ]);
    given(scopWith({ employees: 13, outsiders: 0 }))
      .when({ ...society, personType: 'natural' })
      .thenThrows(domainError('INVALID_VALUE'), 'legal person');
  });

  describe('two tiers: cooperative societies among the outsiders (49 %, the others still 35 %)', () => {
    const societyEvents = (id: string) => {
      const [admission, subscription] = admitted(id, 'other', 1);
      return [{ ...admission, data: { ...(admission.data as object), personType: 'legal', cooperativeSociety: true } } as CooperativeEvent, subscription];
    };
    const admitSociety = (id: string) => ({ ...(admit({ id, category: 'other', shares: 1 }) as CommandOf<'AdmitAssociate'>), personType: 'legal' as const, cooperativeSociety: true });
    /** 51 cooperators, 29 other outsiders and `s` cooperative societies. */
    const tiered = (s: number) => [...scopWith({ employees: 51, outsiders: 29 }), ...Array.from({ length: s }, (_, i) => societyEvents(`s${i}`))];

    it('SCOP-VOTES-65 accepts the cooperative society that brings outsiders to exactly 49 % (49 of 100), the others at 29 %', () =>
      given(tiered(19))
        .when(admitSociety('s19'))
        .thenEmits([
          { type: 'AssociateAdmitted', data: { associateId: 's19', cooperativeSociety: true } },
          { type: 'SharesSubscribed', data: { associateId: 's19' } },
        ]));

    it('SCOP-VOTES-65 refuses the one that takes outsiders above 49 % (50 of 101)', () => given(tiered(20)).when(admitSociety('s20')).thenThrows(rule('SCOP-VOTES-65'), 'at most 49.00 %'));

    it('SCOP-VOTES-65 still refuses a non-cooperative outsider that takes the others above 35 %, societies or not', () =>
      given(scopWith({ employees: 13, outsiders: 7 }), societyEvents('s0'))
        .when(admit({ id: 'new', category: 'supporter', shares: 1 }))
        .thenThrows(rule('SCOP-VOTES-65'), 'the others at most 35.00 %'));
  });
});
