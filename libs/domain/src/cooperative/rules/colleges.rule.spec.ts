import { CooperativeCommand } from '../commands';
import { admit, admitted, domainError, given, rule, scic, scop, THREE_COLLEGES } from '../testing';

const withColleges = scic({ colleges: THREE_COLLEGES });

function moveTo(collegeCode: string, associateId = 'b1'): CooperativeCommand {
  return { type: 'ChangeCollege', associateId, collegeCode, effectiveDate: '2024-03-01' };
}

describe('SCIC-COLLEGES', () => {
  it("SCIC-COLLEGES admits an associate into one of the statuts' collèges", () =>
    given(withColleges)
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1, collegeCode: 'users' }))
      .then([
        { type: 'AssociateAdmitted', data: { associateId: 'b1', name: 'Associate b1', personType: 'natural', category: 'beneficiary', collegeCode: 'users', effectiveDate: '2024-02-01' } },
        { type: 'SharesSubscribed', data: { movementId: 'm-new', associateId: 'b1', shares: 1, amountCents: 100, paidCents: 100, effectiveDate: '2024-02-01' } },
      ]));

  it('SCIC-COLLEGES refuses an admission without a collège when the statuts create them', () =>
    given(withColleges)
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1 }))
      .thenThrows(rule('SCIC-COLLEGES'), 'exactly one'));

  it('SCIC-COLLEGES refuses an unknown collège', () =>
    given(withColleges)
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1, collegeCode: 'friends' }))
      .thenThrows(rule('SCIC-COLLEGES')));

  it('SCIC-COLLEGES refuses a collège when the statuts create none (SCIC or SCOP)', () => {
    given(scic())
      .when(admit({ id: 'b1', category: 'beneficiary', shares: 1, collegeCode: 'users' }))
      .thenThrows(rule('SCIC-COLLEGES'));
    given(scop())
      .when(admit({ id: 'e1', category: 'employee', shares: 1, collegeCode: 'workers' }))
      .thenThrows(rule('SCIC-COLLEGES'));
  });

  it('SCIC-COLLEGES moves an associate to another collège of the statuts', () =>
    given(withColleges, admitted('b1', 'beneficiary', 1, { collegeCode: 'users' }))
      .when(moveTo('partners'))
      .then([{ type: 'CollegeChanged', data: { associateId: 'b1', from: 'users', to: 'partners', effectiveDate: '2024-03-01' } }]));

  it('SCIC-COLLEGES places an associate who had none once the statuts create collèges', () =>
    given(withColleges, admitted('b1', 'beneficiary', 1))
      .when(moveTo('users'))
      .then([{ type: 'CollegeChanged', data: { associateId: 'b1', from: null, to: 'users', effectiveDate: '2024-03-01' } }]));

  it('SCIC-COLLEGES refuses a move to an unknown collège, or when there are none', () => {
    given(withColleges, admitted('b1', 'beneficiary', 1, { collegeCode: 'users' }))
      .when(moveTo('friends'))
      .thenThrows(rule('SCIC-COLLEGES'));
    given(scic(), admitted('b1', 'beneficiary', 1))
      .when(moveTo('users'))
      .thenThrows(rule('SCIC-COLLEGES'));
  });

  it('SCIC-COLLEGES: a move to the collège already held is refused (INVALID_VALUE), and a withdrawn associate cannot move (INVALID_STATE)', () => {
    given(withColleges, admitted('b1', 'beneficiary', 1, { collegeCode: 'users' }))
      .when(moveTo('users'))
      .thenThrows(domainError('INVALID_VALUE'));
    given(withColleges, admitted('b1', 'beneficiary', 1, { collegeCode: 'users' }), { type: 'AssociateWithdrew', data: { associateId: 'b1', reason: 'death', effectiveDate: '2024-02-15' } })
      .when(moveTo('partners'))
      .thenThrows(domainError('INVALID_STATE'));
  });
});
