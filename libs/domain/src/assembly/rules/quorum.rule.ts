import { RuleViolation } from '../../rules/errors';
import { atLeastBp, bpFloor } from '../../shared/fraction';
import { percent } from '../../shared/format';
import { AssemblyState, Convocation, Opening, ResolutionState } from '../assembly-state';

/**
 * AG-QUORUM (C.com. L.225-96/98; model statuts): counted in associates, one each whatever their
 * capital (COOP-ONE-VOTE) — present, remote, by mail and represented, blank proxies included —
 * over the voters on the list, exactly: attending × 10000 ≥ voters × required bp.
 * The figures required are those of this call, copied from the statuts at convocation.
 */
export function quorumAtOpening(state: AssemblyState, convocation: Convocation): Opening {
  const { present, remote, mail, represented } = state.attendanceCounts;
  const total = present + remote + mail + represented;
  const voters = state.voterCount;
  const required = convocation.rules.quorumRequiredBp;
  return {
    present,
    remote,
    mail,
    represented,
    total,
    voters,
    quorumBp: bpFloor(total, voters),
    quorumRequiredBp: openingQuorumBp(convocation),
    ordinaryQuorumMet: atLeastBp(total, voters, required.ordinary),
    extraordinaryQuorumMet: atLeastBp(total, voters, required.extraordinary),
  };
}

/**
 * The quorum an assembly needs to open: the extraordinary one for an extraordinary AG, the
 * ordinary one otherwise. A combined AG opens on the ordinary quorum; its extraordinary
 * resolutions are votable only if the extraordinary quorum is met too (`requireVotable`).
 */
export function openingQuorumBp(convocation: Convocation): number {
  const required = convocation.rules.quorumRequiredBp;
  return convocation.kind === 'extraordinary' ? required.extraordinary : required.ordinary;
}

/** AG-QUORUM: an assembly whose quorum is not met cannot vote; it can be reconvened on second call. */
export function requireQuorum(convocation: Convocation, opening: Opening): void {
  const met = convocation.kind === 'extraordinary' ? opening.extraordinaryQuorumMet : opening.ordinaryQuorumMet;
  if (met) return;
  const kindOfQuorum = convocation.kind === 'extraordinary' ? 'extraordinary' : 'ordinary';
  const next =
    convocation.call === 1
      ? 'the assembly can be reconvened on second call'
      : 'this was the second call; a new assembly must be convened';
  throw new RuleViolation(
    'AG-QUORUM',
    `quorum not met on ${convocation.call === 1 ? 'first' : 'second'} call: ${attendingFigures(opening)}; the ${kindOfQuorum} quorum is ${percent(opening.quorumRequiredBp)} ` +
      `(at least ${leastAttending(opening.voters, opening.quorumRequiredBp)}); ${next}`,
  );
}

/**
 * AG-QUORUM for one resolution: in a combined AG that met only the ordinary quorum, the
 * extraordinary resolutions cannot be voted (no ballot, no show of hands; closing rejects them
 * untallied).
 */
export function isVotable(state: AssemblyState, resolution: ResolutionState): boolean {
  return resolution.spec.kind === 'ordinary' || state.opening?.extraordinaryQuorumMet === true;
}

export function requireVotable(state: AssemblyState, resolution: ResolutionState): void {
  if (isVotable(state, resolution)) return;
  const opening = state.opening as Opening;
  const required = state.convocation?.rules.quorumRequiredBp.extraordinary ?? 0;
  throw new RuleViolation(
    'AG-QUORUM',
    `the extraordinary quorum was not met at opening (${attendingFigures(opening)}; it is ${percent(required)}, at least ${leastAttending(opening.voters, required)}): ` +
      `this assembly cannot vote on extraordinary resolution ${resolution.spec.id}; it can be put to an extraordinary assembly reconvened on second call`,
  );
}

function attendingFigures(o: Opening): string {
  return `${o.total} of ${o.voters} associates attend (present ${o.present}, remote ${o.remote}, by mail ${o.mail}, represented ${o.represented}), ${percent(o.quorumBp)} rounded down`;
}

/** The fewest attendees that meet `bp` of `voters`: ⌈voters × bp ÷ 10000⌉. */
function leastAttending(voters: number, bp: number): string {
  const least = Number((BigInt(voters) * BigInt(bp) + 9999n) / 10000n);
  return `${least} associate${least === 1 ? '' : 's'}`;
}
