import { requireText } from '../../cooperative/guards';
import { DomainError } from '../../rules/errors';
import { AssemblyCommandOf } from '../assembly-commands';
import { Ratio, ratio } from '../../shared/fraction';
import { AssemblyEvent, VoteCounts } from '../assembly-events';
import { addRatios, ZERO } from '../exact';
import { AssemblyState, collegeKeys, Convocation, NO_COLLEGE, own, ResolutionState } from '../assembly-state';
import { requireOpen, requireResolution, requireResolutionNotClosed } from '../guards';
import { isVotable } from '../rules/quorum.rule';
import { CollegeVotes, tallyResolution, TallyInput } from '../tally';

/** Closing a resolution decides its outcome from the running tallies: O(collèges). */
export function closeResolution(cmd: AssemblyCommandOf<'CloseResolution'>, state: AssemblyState): AssemblyEvent[] {
  const convocation = requireOpen(state, 'close a resolution');
  const resolution = requireResolution(state, cmd.resolutionId);
  requireResolutionNotClosed(resolution, 'close it');
  // AG-QUORUM: a resolution whose kind lacks quorum was not put to the vote; it is not rejected.
  if (!isVotable(state, resolution)) return [{ type: 'ResolutionClosed', data: { resolutionId: resolution.spec.id, outcome: 'not_voted', reason: 'AG-QUORUM', result: null } }];
  const { outcome, result } = tallyResolution(tallyInputOf(state, convocation, resolution));
  return [{ type: 'ResolutionClosed', data: { resolutionId: resolution.spec.id, outcome, result } }];
}

/**
 * What the tally needs, from the state. Blank proxies vote (AG-BLANK-PROXY) only when a vote
 * was taken: a resolution with neither ballots nor hands closes with no vote cast, and an
 * extraordinary resolution the assembly could not vote (AG-QUORUM) closes untallied.
 */
export function tallyInputOf(state: AssemblyState, convocation: Convocation, resolution: ResolutionState): TallyInput {
  const rules = convocation.rules;
  const quorumMet = isVotable(state, resolution);
  const voted = quorumMet && resolution.method !== null;
  const votes: CollegeVotes[] = collegeKeys(convocation).map((key) => {
    const tally = own(resolution.tallies, key);
    const blank = own(state.blankProxies, key);
    return {
      code: key === NO_COLLEGE ? null : key,
      votes: tally ? tally.votes : { for: 0, against: 0, abstain: 0, blank: 0 },
      nonEmployeeVotes: tally ? tally.nonEmployee : { for: 0, against: 0, abstain: 0, blank: 0 },
      blankProxies: voted ? (blank?.all ?? 0) : 0,
      nonEmployeeBlankProxies: voted ? (blank?.nonEmployee ?? 0) : 0,
      weighted: weighedVotes(tally?.byWeight ?? {}, voted ? (blank?.byWeight ?? {}) : {}, resolution.spec.boardApproved),
    };
  });
  return {
    method: resolution.method ?? 'ballots',
    majority: rules.majority[resolution.spec.kind],
    legalForm: rules.legalForm,
    colleges: rules.colleges,
    collegeCounting: rules.collegeCounting,
    boardApproved: resolution.spec.boardApproved,
    votes,
    quorumMet,
    reductionBase: state.weightsRecorded ? 'register' : 'votesCast',
    scopList: state.scopList,
  };
}

/**
 * SCOP-VOTES-65: Σ weight × votes for and against, over the few weights of the list (one per kind
 * of voter), blank proxies voting with the board or against it (AG-BLANK-PROXY). O(weights).
 */
function weighedVotes(byWeight: Record<string, VoteCounts>, blankByWeight: Record<string, number>, boardApproved: boolean): { for: Ratio; against: Ratio } {
  let votesFor = ZERO;
  let votesAgainst = ZERO;
  for (const key of new Set([...Object.keys(byWeight), ...Object.keys(blankByWeight)])) {
    const [numerator, denominator] = key.split('/').map((d) => BigInt(d));
    const counts = own(byWeight, key);
    const blank = own(blankByWeight, key) ?? 0;
    const f = (counts?.for ?? 0) + (boardApproved ? blank : 0);
    const a = (counts?.against ?? 0) + (boardApproved ? 0 : blank);
    votesFor = addRatios(votesFor, ratio(BigInt(f) * numerator, denominator));
    votesAgainst = addRatios(votesAgainst, ratio(BigInt(a) * numerator, denominator));
  }
  return { for: votesFor, against: votesAgainst };
}

/** Every resolution closed; the minutes carry the ledger digest the handler computed. */
export function closeAssembly(cmd: AssemblyCommandOf<'CloseAssembly'>, state: AssemblyState): AssemblyEvent[] {
  requireOpen(state, 'close the assembly');
  const open = state.resolutionOrder.filter((id) => state.resolutions[id].status !== 'closed');
  if (open.length > 0) throw new DomainError('INVALID_STATE', `cannot close the assembly: resolution(s) ${open.join(', ')} still open; close each first`);
  requireText(cmd.ledgerDigest, 'ledgerDigest');
  if (!Number.isSafeInteger(cmd.streams) || cmd.streams < 0) throw new DomainError('INVALID_VALUE', `streams must be a whole number of at least 0, not ${String(cmd.streams)}`);
  if (cmd.position !== undefined && (typeof cmd.position !== 'string' || !/^(0|[1-9][0-9]*)$/.test(cmd.position)))
    throw new DomainError('INVALID_VALUE', `position must be a global position (digits), not ${String(cmd.position)}`);
  return [{ type: 'AssemblyClosed', data: { ledgerDigest: cmd.ledgerDigest, streams: cmd.streams, ...(cmd.position !== undefined ? { position: cmd.position } : {}) } }];
}
