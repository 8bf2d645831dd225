import { requireDate, requireOneOf, requireOnOrAfter, requireText } from '../../cooperative/guards';
import { DomainError, RuleViolation } from '../../rules/errors';
import { compareRatios, ratio } from '../../shared/fraction';
import { AssemblyCommandOf } from '../assembly-commands';
import { ASSEMBLY_KINDS, AssemblyEvent, AssemblyKind, AssemblyRules, CONVOCATION_METHODS, RESOLUTION_KINDS, ResolutionSpec, Voter } from '../assembly-events';
import { AssemblyState } from '../assembly-state';
import { requireReconvenable } from '../convocation';
import { requireAssemblyColleges, requireCollegeOf } from '../rules/colleges.rule';
import { requireNotice } from '../rules/notice.rule';
import { scopVoteWeights, weightFraction, weightOf } from '../scop-vote-weights';

/**
 * Convocation fixes the agenda, the voter list (AG-VOTERS) and the rules of this call, read
 * from the cooperative stream on the record date (see convocation.ts). A second call names the
 * first-call assembly it reconvenes and carries that assembly's facts, checked here.
 */
export function conveneAssembly(cmd: AssemblyCommandOf<'ConveneAssembly'>, state: AssemblyState): AssemblyEvent[] {
  if (state.status !== 'none') throw new DomainError('ALREADY_EXISTS', `assembly ${state.convocation?.assemblyId ?? cmd.assemblyId} is already convened`);
  requireText(cmd.coopId, 'coopId');
  requireText(cmd.assemblyId, 'assemblyId');
  requireOneOf(cmd.kind, ASSEMBLY_KINDS, 'kind');
  requireText(cmd.title, 'title');
  requireDates(cmd);
  requireCall(cmd);
  requireRules(cmd.rules);
  requireNotice(cmd.rules, cmd.call, cmd.convenedOn, cmd.heldOn);
  requireText(cmd.place, 'place');
  const convocationMethod = cmd.convocationMethod ?? 'letter';
  requireOneOf(convocationMethod, CONVOCATION_METHODS, 'convocationMethod');
  const resolutions = requireAgenda(cmd.kind, cmd.resolutions);
  const voters = requireVoterList(cmd.rules, cmd.voters);
  requireText(cmd.votersHash, 'votersHash');
  return [
    {
      type: 'AssemblyConvened',
      data: {
        coopId: cmd.coopId,
        assemblyId: cmd.assemblyId,
        kind: cmd.kind,
        title: cmd.title,
        convenedOn: cmd.convenedOn,
        heldOn: cmd.heldOn,
        place: cmd.place.trim(),
        convocationMethod,
        call: cmd.call,
        recordDate: cmd.recordDate,
        reconvenes: cmd.reconvenes ?? null,
        resolutions,
        voters,
        votersHash: cmd.votersHash,
        rules: cmd.rules,
      },
    },
  ];
}

function requireDates(cmd: AssemblyCommandOf<'ConveneAssembly'>): void {
  requireDate(cmd.convenedOn, 'convenedOn');
  requireDate(cmd.heldOn, 'heldOn');
  requireDate(cmd.recordDate, 'recordDate');
  requireOnOrAfter(cmd.heldOn, cmd.convenedOn, 'heldOn', 'the convocation date');
  if (cmd.recordDate > cmd.heldOn) throw new DomainError('INVALID_VALUE', `recordDate ${cmd.recordDate} is after the assembly is held (${cmd.heldOn})`);
}

/** AG-QUORUM: a second call exists only to reconvene a first call that missed its quorum. */
function requireCall(cmd: AssemblyCommandOf<'ConveneAssembly'>): void {
  if (cmd.call !== 1 && cmd.call !== 2) throw new DomainError('INVALID_VALUE', `call must be 1 or 2, not ${String(cmd.call)}`);
  const reconvenes = cmd.reconvenes ?? null;
  if (cmd.call === 1 && reconvenes !== null) throw new DomainError('INVALID_VALUE', `a first call reconvenes nothing, yet reconvenes is ${reconvenes}`);
  if (cmd.call === 2) {
    if (reconvenes === null || typeof reconvenes !== 'string' || reconvenes.trim() === '') {
      throw new DomainError('INVALID_VALUE', 'a second call names the first-call assembly it reconvenes (reconvenes)');
    }
    if (reconvenes === cmd.assemblyId) throw new DomainError('INVALID_VALUE', `assembly ${cmd.assemblyId} cannot reconvene itself`);
    requireReconvenable(cmd.firstCall, reconvenes, cmd.kind);
  }
}

function requireRules(rules: AssemblyRules): void {
  if (!rules || typeof rules !== 'object') throw new DomainError('INVALID_VALUE', 'rules are missing');
  requireOneOf(rules.legalForm, ['SCIC', 'SCOP'] as const, 'rules.legalForm');
  requireOneOf(rules.companyForm, ['SA', 'SAS', 'SARL'] as const, 'rules.companyForm');
  requireOneOf(rules.collegeCounting, ['proportional', 'majority'] as const, 'rules.collegeCounting');
  if (!Array.isArray(rules.colleges)) throw new DomainError('INVALID_VALUE', 'rules.colleges must be a list');
  requireAssemblyColleges(rules);
  for (const kind of RESOLUTION_KINDS) {
    const bp = rules.quorumRequiredBp?.[kind];
    if (!Number.isSafeInteger(bp) || bp < 0 || bp > 10000) throw new DomainError('INVALID_VALUE', `rules.quorumRequiredBp.${kind} must be 0 to 10000, not ${String(bp)}`);
    const m = rules.majority?.[kind];
    if (!m || !Number.isSafeInteger(m.numerator) || !Number.isSafeInteger(m.denominator) || m.numerator < 1 || m.denominator < m.numerator || typeof m.strict !== 'boolean') {
      throw new DomainError('INVALID_VALUE', `rules.majority.${kind} must be a fraction n/d with 1 ≤ n ≤ d and strict true or false`);
    }
  }
  if (typeof rules.blankProxyVotesWithBoard !== 'boolean') throw new DomainError('INVALID_VALUE', 'rules.blankProxyVotesWithBoard must be true or false');
  if (!Number.isSafeInteger(rules.noticeDays) || (rules.noticeDays as number) < 0) throw new DomainError('INVALID_VALUE', `rules.noticeDays must be a whole number of days, not ${String(rules.noticeDays)}`);
}

/** The agenda: at least one resolution, unique ids, each of a kind this assembly may vote. */
function requireAgenda(kind: AssemblyKind, resolutions: ResolutionSpec[]): ResolutionSpec[] {
  if (!Array.isArray(resolutions) || resolutions.length === 0) throw new DomainError('INVALID_VALUE', 'an assembly has at least one resolution on its agenda');
  const ids = new Set<string>();
  return resolutions.map((r, i) => {
    requireText(r?.id, `resolutions[${i}].id`);
    if (ids.has(r.id)) throw new DomainError('INVALID_VALUE', `resolution ${r.id} is on the agenda twice`);
    ids.add(r.id);
    requireText(r.title, `resolutions[${i}].title`);
    requireText(r.text, `resolutions[${i}].text`);
    requireOneOf(r.kind, RESOLUTION_KINDS, `resolutions[${i}].kind`);
    if (kind !== 'combined' && r.kind !== kind) {
      throw new DomainError('INVALID_VALUE', `resolution ${r.id} is ${r.kind}; an ${kind} assembly votes ${kind} resolutions only (a combined assembly votes both)`);
    }
    if (r.boardApproved !== undefined && typeof r.boardApproved !== 'boolean') throw new DomainError('INVALID_VALUE', `resolutions[${i}].boardApproved must be true or false`);
    // docs/api.md: `boardApproved` defaults to true (the board proposes the agenda).
    return { id: r.id, title: r.title, text: r.text, kind: r.kind, boardApproved: r.boardApproved !== false };
  });
}

/**
 * AG-VOTERS: the list as fixed; each associate once, in their collège (SCIC-COLLEGES), with the
 * weight SCOP-VOTES-65 gives them on this list (scop-vote-weights.ts) — a list that says
 * otherwise is refused, so that every tally of the assembly can trust the weights it carries.
 */
function requireVoterList(rules: AssemblyRules, voters: Voter[]): Voter[] {
  if (!Array.isArray(voters) || voters.length === 0) throw new DomainError('INVALID_STATE', 'no associate can vote: the voter list at the record date is empty');
  const ids = new Set<string>();
  const list = voters.map((v, i) => {
    requireText(v?.associateId, `voters[${i}].associateId`);
    if (ids.has(v.associateId)) throw new DomainError('INVALID_VALUE', `${v.associateId} is on the voter list twice`);
    ids.add(v.associateId);
    if (typeof v.employee !== 'boolean') throw new DomainError('INVALID_VALUE', `voters[${i}].employee must be true or false`);
    if (v.cooperativeSociety !== undefined && typeof v.cooperativeSociety !== 'boolean') throw new DomainError('INVALID_VALUE', `voters[${i}].cooperativeSociety must be true or false`);
    const collegeCode = requireCollegeOf(rules.colleges, v.collegeCode, `voter ${v.associateId}`);
    const society = !v.employee && v.cooperativeSociety === true;
    return { associateId: v.associateId, name: typeof v.name === 'string' ? v.name : '', collegeCode, employee: v.employee, ...(society ? { cooperativeSociety: true } : {}), weight: requireWeight(v.weight, i) };
  });
  requireScopWeights(rules, list);
  return list;
}

function requireWeight(weight: unknown, i: number): Voter['weight'] {
  const w = weight as Voter['weight'] | undefined;
  const digits = /^(0|[1-9][0-9]*)$/;
  if (!w || typeof w.numerator !== 'string' || typeof w.denominator !== 'string' || !digits.test(w.numerator) || !digits.test(w.denominator) || w.denominator === '0' || BigInt(w.numerator) > BigInt(w.denominator)) {
    throw new DomainError('INVALID_VALUE', `voters[${i}].weight must be a fraction { numerator, denominator } (digits as strings) between 0 and 1`);
  }
  return { numerator: w.numerator, denominator: w.denominator };
}

/** SCOP-VOTES-65: the weights are those of the list itself; a SCOP list without a cooperator has none to give. */
function requireScopWeights(rules: AssemblyRules, voters: Voter[]): void {
  if (rules.legalForm === 'SCOP' && !voters.some((v) => v.employee)) {
    throw new RuleViolation(
      'SCOP-VOTES-65',
      `no cooperator (employee-associate) is on the voter list of ${voters.length}: the outsiders' votes cannot be brought to 35 % of the voting rights, so no assembly can be held on this list`,
    );
  }
  const weights = scopVoteWeights(rules.legalForm, voters);
  for (const v of voters) {
    const due = weightOf(weights, v);
    if (compareRatios(ratio(BigInt(v.weight.numerator), BigInt(v.weight.denominator)), due) === 0) continue;
    const shown = weightFraction(due);
    throw new RuleViolation('SCOP-VOTES-65', `${v.associateId} weighs ${v.weight.numerator}/${v.weight.denominator} on the voter list; on this list SCOP-VOTES-65 gives ${shown.numerator}/${shown.denominator}`);
  }
}
