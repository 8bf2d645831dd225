import { requireOneOf } from '../../cooperative/guards';
import { DomainError, RuleViolation } from '../../rules/errors';
import { AssemblyCommandOf } from '../assembly-commands';
import { AssemblyEvent, BALLOT_CHOICES, VoteCounts } from '../assembly-events';
import { AssemblyState, collegeKey, emptyHeadcount, Headcount, own } from '../assembly-state';
import { requireAttending, requireCount, requireMethod, requireOpen, requireResolution, requireResolutionNotClosed } from '../guards';
import { requireNotBlankProxy } from '../rules/blank-proxy.rule';
import { requireCollegeOf } from '../rules/colleges.rule';
import { requireFirstBallot } from '../rules/one-ballot.rule';
import { requireVotable } from '../rules/quorum.rule';
import { requireVoter } from '../rules/voters.rule';

/**
 * One ballot for one associate on one resolution. O(1): every check is a lookup. A proxy
 * holder casts the ballot of the one they represent (AG-ONE-BALLOT): `castBy` says who did.
 */
export function castBallot(cmd: AssemblyCommandOf<'CastBallot'>, state: AssemblyState): AssemblyEvent[] {
  requireOpen(state, 'vote');
  const resolution = requireResolution(state, cmd.resolutionId);
  requireResolutionNotClosed(resolution, 'vote');
  requireOneOf(cmd.choice, BALLOT_CHOICES, 'choice');
  requireVoter(state, cmd.associateId);
  const attendance = requireAttending(state, cmd.associateId);
  requireNotBlankProxy(attendance);
  requireVotable(state, resolution);
  requireMethod(resolution, 'ballots');
  requireFirstBallot(resolution, cmd.associateId);
  return [{ type: 'BallotCast', data: { resolutionId: resolution.spec.id, associateId: cmd.associateId, choice: cmd.choice, castBy: attendance.proxyHolderId ?? cmd.associateId } }];
}

/**
 * Hands counted per collège (or once, without collèges) when ballots are not individual.
 * The hands are those of the attendees who can raise one: everyone in the collège but blank
 * proxies, whose votes closing adds (AG-BLANK-PROXY).
 */
export function recordShowOfHands(cmd: AssemblyCommandOf<'RecordShowOfHands'>, state: AssemblyState): AssemblyEvent[] {
  const convocation = requireOpen(state, 'record a show of hands');
  const resolution = requireResolution(state, cmd.resolutionId);
  requireResolutionNotClosed(resolution, 'record a show of hands');
  requireVotable(state, resolution);
  requireMethod(resolution, 'show_of_hands');
  const code = requireCollegeOf(convocation.rules.colleges, cmd.collegeCode, 'the show of hands');
  const key = collegeKey(code);
  if (own(resolution.tallies, key)?.hands) {
    throw new DomainError('ALREADY_EXISTS', `the show of hands on resolution ${resolution.spec.id} is already recorded${code === null ? '' : ` for collège ${code}`}`);
  }
  const counts = requireCounts(cmd, '');
  const heads = own(state.handVoters, key) ?? emptyHeadcount();
  requireAtMost(counts, heads.all, `${code === null ? '' : `collège ${code}: `}attendees who can vote by hand`);
  const nonEmployee = convocation.rules.legalForm === 'SCOP' ? requireNonEmployeeHands(cmd, counts, heads) : requireNoSplit(cmd);
  const cooperativeSociety = convocation.rules.legalForm === 'SCOP' ? cooperativeSocietyHands(cmd, nonEmployee, heads, state) : requireNoSocietySplit(cmd);
  return [{ type: 'ShowOfHandsRecorded', data: { resolutionId: resolution.spec.id, collegeCode: code, ...counts, nonEmployee, ...(cooperativeSociety ? { cooperativeSociety } : {}) } }];
}

function requireCounts(c: { for: number; against: number; abstain: number; blank?: number }, prefix: string): VoteCounts {
  requireCount(c.for, `${prefix}for`);
  requireCount(c.against, `${prefix}against`);
  requireCount(c.abstain, `${prefix}abstain`);
  const blank = c.blank ?? 0;
  requireCount(blank, `${prefix}blank`);
  return { for: c.for, against: c.against, abstain: c.abstain, blank };
}

function requireAtMost(counts: VoteCounts, most: number, who: string): void {
  const sum = counts.for + counts.against + counts.abstain + counts.blank;
  if (sum <= most) return;
  throw new DomainError('INVALID_VALUE', `${sum} hands counted (for ${counts.for}, against ${counts.against}, abstain ${counts.abstain}, blank ${counts.blank}) but only ${most} ${who}`);
}

/**
 * SCOP-VOTES-65: the pro-rata reduction weighs non-employee votes apart, so a SCOP's show of
 * hands says how many of the hands were non-employees' whenever one of them could raise a hand.
 */
function requireNonEmployeeHands(cmd: AssemblyCommandOf<'RecordShowOfHands'>, counts: VoteCounts, heads: Headcount): VoteCounts | null {
  const split = cmd.nonEmployee ?? null;
  if (split === null) {
    if (heads.nonEmployee === 0) return null;
    throw new RuleViolation(
      'SCOP-VOTES-65',
      `${heads.nonEmployee} non-employee associate(s) can vote by hand; give the non-employee part of the counts (nonEmployee) so that their votes can be reduced to 35 % if need be, or vote by ballots`,
    );
  }
  const part = requireCounts(split, 'nonEmployee.');
  for (const choice of BALLOT_CHOICES) {
    if (part[choice] > counts[choice]) throw new DomainError('INVALID_VALUE', `nonEmployee.${choice} (${part[choice]}) is more than ${choice} (${counts[choice]})`);
  }
  requireAtMost(part, heads.nonEmployee, 'non-employee attendees who can vote by hand');
  const employees = { for: counts.for - part.for, against: counts.against - part.against, abstain: counts.abstain - part.abstain, blank: counts.blank - part.blank };
  requireAtMost(employees, heads.all - heads.nonEmployee, 'employee attendees who can vote by hand');
  return part;
}

/**
 * SCOP-VOTES-65, two tiers: a cooperative society's vote may weigh more than another outsider's.
 * When both can raise a hand and their weights differ, the show of hands says how many of the
 * non-employee hands were cooperative societies'; when only societies can, all of them were.
 */
function cooperativeSocietyHands(cmd: AssemblyCommandOf<'RecordShowOfHands'>, nonEmployee: VoteCounts | null, heads: Headcount, state: AssemblyState): VoteCounts | null {
  const split = cmd.cooperativeSociety ?? null;
  if (heads.cooperativeSociety === 0 || nonEmployee === null) {
    if (split === null) return null;
    throw new DomainError('INVALID_VALUE', 'cooperativeSociety counts are given, but no cooperative society can vote by hand here');
  }
  const others = heads.nonEmployee - heads.cooperativeSociety;
  const list = state.scopList;
  const sameWeight = list !== null && list.outsiderWeight.numerator === list.cooperativeSocietyWeight.numerator && list.outsiderWeight.denominator === list.cooperativeSocietyWeight.denominator;
  if (split === null) {
    if (others === 0) return nonEmployee;
    if (sameWeight) return null;
    throw new RuleViolation(
      'SCOP-VOTES-65',
      `${heads.cooperativeSociety} cooperative societ${heads.cooperativeSociety === 1 ? 'y' : 'ies'} and ${others} other outsider(s) can vote by hand, and their votes weigh differently on the voter list; give the cooperative societies' part of the non-employee counts (cooperativeSociety), or vote by ballots`,
    );
  }
  const part = requireCounts(split, 'cooperativeSociety.');
  for (const choice of BALLOT_CHOICES) {
    if (part[choice] > nonEmployee[choice]) throw new DomainError('INVALID_VALUE', `cooperativeSociety.${choice} (${part[choice]}) is more than nonEmployee.${choice} (${nonEmployee[choice]})`);
  }
  requireAtMost(part, heads.cooperativeSociety, 'cooperative societies that can vote by hand');
  const rest = { for: nonEmployee.for - part.for, against: nonEmployee.against - part.against, abstain: nonEmployee.abstain - part.abstain, blank: nonEmployee.blank - part.blank };
  requireAtMost(rest, others, 'other non-employee attendees who can vote by hand');
  return part;
}

function requireNoSocietySplit(cmd: AssemblyCommandOf<'RecordShowOfHands'>): null {
  if (cmd.cooperativeSociety === undefined || cmd.cooperativeSociety === null) return null;
  throw new DomainError('INVALID_VALUE', 'cooperativeSociety counts are for a SCOP (SCOP-VOTES-65) only');
}

function requireNoSplit(cmd: AssemblyCommandOf<'RecordShowOfHands'>): null {
  if (cmd.nonEmployee === undefined || cmd.nonEmployee === null) return null;
  throw new DomainError('INVALID_VALUE', 'nonEmployee counts are for a SCOP (SCOP-VOTES-65) only');
}
