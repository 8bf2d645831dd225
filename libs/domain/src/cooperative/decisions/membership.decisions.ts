import { DomainError } from '../../rules/errors';
import { capitalPicture, Holder } from '../capital-picture';
import { CommandOf } from '../commands';
import { CATEGORIES, CooperativeEvent, WITHDRAWAL_REASONS } from '../events';
import { requireActDate, requireActiveAssociate, requireDate, requireOnOrAfter, requireOneOf, requireText } from '../guards';
import { requireCollegeOf } from '../rules/colleges.rule';
import { requireEmployeeVotesAfter } from '../rules/employee-votes.rule';
import { requirePublicCapitalAfter } from '../rules/public-capital.rule';
import { associateOf, CooperativeState } from '../state';
import { newShares } from './capital.decisions';

const PERSON_TYPES = ['natural', 'legal'] as const;

/** Admission is the first subscription (docs/api.md): the associate and their shares, checked together. */
export function admitAssociate(cmd: CommandOf<'AdmitAssociate'>, state: CooperativeState): CooperativeEvent[] {
  requireText(cmd.associateId, 'associateId');
  if (associateOf(state, cmd.associateId) !== undefined) {
    throw new DomainError('ALREADY_EXISTS', `associate ${cmd.associateId} is already in the register`);
  }
  requireDate(cmd.admittedOn, 'admittedOn');
  const statuts = requireActDate(state, cmd.admittedOn, 'admittedOn');
  requireText(cmd.name, 'name');
  requireOneOf(cmd.personType, PERSON_TYPES, 'personType');
  requireOneOf(cmd.category, CATEGORIES, 'category');
  requireCollegeOf(statuts, cmd.collegeCode);
  const society = requireCooperativeSociety(cmd);
  const newcomer: Holder = { id: cmd.associateId, category: cmd.category, status: 'active', subscribedCents: 0 };
  requireEmployeeVotesAfter(statuts, capitalPicture(state, [newcomer]), cmd.category, state, society);
  const subscription = newShares(state, statuts, newcomer, { shares: cmd.shares, paidCents: cmd.paidCents, effectiveDate: cmd.admittedOn, movementId: cmd.movementId });
  return [
    {
      type: 'AssociateAdmitted',
      data: {
        associateId: cmd.associateId,
        name: cmd.name,
        personType: cmd.personType,
        category: cmd.category,
        collegeCode: cmd.collegeCode ?? null,
        ...(society ? { cooperativeSociety: true as const } : {}),
        effectiveDate: cmd.admittedOn,
      },
    },
    subscription,
  ];
}

/** SCOP-VOTES-65: only a legal person can be a cooperative society; the flag is recorded only when true. */
function requireCooperativeSociety(cmd: CommandOf<'AdmitAssociate'>): boolean {
  const flag = cmd.cooperativeSociety;
  if (flag === undefined || flag === false) return false;
  if (flag !== true) throw new DomainError('INVALID_VALUE', `cooperativeSociety must be true or false, not ${String(flag)}`);
  if (cmd.personType !== 'legal') throw new DomainError('INVALID_VALUE', 'cooperativeSociety is for a legal person (personType legal) that is itself a cooperative society');
  return true;
}

/**
 * An employee who stops being one cannot be refused (SCOP-CAP-51 and SCOP-VOTES-65 are reports
 * then); a change that brings capital to a public body can (SCIC-PUBLIC-CAPITAL-50).
 */
export function changeCategory(cmd: CommandOf<'ChangeCategory'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireActiveAssociate(state, cmd.associateId);
  requireOneOf(cmd.category, CATEGORIES, 'category');
  const statuts = requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.admittedOn, 'effectiveDate', `the admission of ${associate.id}`);
  if (cmd.category === associate.category) {
    throw new DomainError('INVALID_VALUE', `${associate.id} is already in category ${associate.category}`);
  }
  const after = capitalPicture(state, [{ ...associate, category: cmd.category }]);
  requirePublicCapitalAfter(statuts, after, { from: associate.category, to: cmd.category });
  return [{ type: 'CategoryChanged', data: { associateId: associate.id, from: associate.category, to: cmd.category, effectiveDate: cmd.effectiveDate } }];
}

/** From no collège too: after an amendment creates collèges, each associate is placed in one. */
export function changeCollege(cmd: CommandOf<'ChangeCollege'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireActiveAssociate(state, cmd.associateId);
  requireText(cmd.collegeCode, 'collegeCode');
  const statuts = requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.admittedOn, 'effectiveDate', `the admission of ${associate.id}`);
  requireCollegeOf(statuts, cmd.collegeCode);
  if (cmd.collegeCode === associate.collegeCode) {
    throw new DomainError('INVALID_VALUE', `${associate.id} is already in collège ${associate.collegeCode}`);
  }
  return [{ type: 'CollegeChanged', data: { associateId: associate.id, from: associate.collegeCode, to: cmd.collegeCode, effectiveDate: cmd.effectiveDate } }];
}

/**
 * The associate loses their vote at once; their shares stay capital and wait in the exit queue
 * (COOP-CAPITAL-FLOOR) until redeemed. Nothing here can be refused on SCOP-CAP-51, SCOP-VOTES-65,
 * SCOP-MIN-ASSOCIATES or SCIC-CATEGORIES: one cannot be kept in a cooperative — they are reports.
 */
export function withdrawAssociate(cmd: CommandOf<'WithdrawAssociate'>, state: CooperativeState): CooperativeEvent[] {
  const associate = requireActiveAssociate(state, cmd.associateId);
  requireOneOf(cmd.reason, WITHDRAWAL_REASONS, 'reason');
  requireActDate(state, cmd.effectiveDate);
  requireOnOrAfter(cmd.effectiveDate, associate.admittedOn, 'effectiveDate', `the admission of ${associate.id}`);
  return [{ type: 'AssociateWithdrew', data: { associateId: associate.id, reason: cmd.reason, effectiveDate: cmd.effectiveDate } }];
}
