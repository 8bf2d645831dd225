import { RuleViolation } from '../../rules/errors';
import { atLeastBp, bpFloor, Ratio, ratio } from '../../shared/fraction';
import { addRatios, exactFraction, ZERO } from '../exact';
import { percent } from '../../shared/format';
import { AssemblyState, Convocation, Opening, ResolutionState } from '../assembly-state';

/**
 * AG-QUORUM (C.com. L.225-96/98; model statuts): counted in associates, one each whatever their
 * capital (COOP-ONE-VOTE) — present, remote, by mail and represented, blank proxies included —
 * over the voters on the list, exactly: attending × 10000 ≥ voters × required bp.
 * A SCOP reckons it on the votes that may validly be cast by the associates present or
 * represented (L1978 art. 14), each with the weight the voter list fixed (SCOP-VOTES-65), over
 * the votes of the whole list: a reduced outsider brings less than a cooperator.
 * The figures required are those of this call, copied from the statuts at convocation.
 */
export function quorumAtOpening(state: AssemblyState, convocation: Convocation): Opening {
  const { present, remote, mail, represented } = state.attendanceCounts;
  const total = present + remote + mail + represented;
  const voters = state.voterCount;
  const required = convocation.rules.quorumRequiredBp;
  const figures = { present, remote, mail, represented, total, voters, quorumRequiredBp: openingQuorumBp(convocation) };
  if (convocation.rules.legalForm !== 'SCOP' || !state.weightsRecorded) {
    return { ...figures, quorumBp: bpFloor(total, voters), ordinaryQuorumMet: atLeastBp(total, voters, required.ordinary), extraordinaryQuorumMet: atLeastBp(total, voters, required.extraordinary) };
  }
  const attending = votesOf(state.attendingByWeight);
  const onList = votesOf(state.listByWeight);
  // attending ÷ onList ≥ bp ÷ 10000, over the common denominator.
  const part = attending.numerator * onList.denominator;
  const whole = onList.numerator * attending.denominator;
  return {
    ...figures,
    quorumBp: bpFloor(part, whole),
    ordinaryQuorumMet: atLeastBp(part, whole, required.ordinary),
    extraordinaryQuorumMet: atLeastBp(part, whole, required.extraordinary),
    votesPresentOrRepresented: exactFraction(attending),
    votesOnList: exactFraction(onList),
  };
}

/** Σ count × weight over the weights of the list ("n/d" keys), exactly. O(weights). */
function votesOf(byWeight: Record<string, number>): Ratio {
  let sum = ZERO;
  for (const [key, count] of Object.entries(byWeight)) {
    const [numerator, denominator] = key.split('/').map((d) => BigInt(d));
    sum = addRatios(sum, ratio(BigInt(count) * numerator, denominator));
  }
  return sum;
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
  const next = convocation.call === 1 ? 'the assembly can be reconvened on second call' : 'this was the second call; a new assembly must be convened';
  throw new RuleViolation(
    'AG-QUORUM',
    `quorum not met on ${convocation.call === 1 ? 'first' : 'second'} call: ${attendingFigures(opening)}; the ${kindOfQuorum} quorum is ${percent(opening.quorumRequiredBp)} ` +
      `(at least ${leastAttending(opening, opening.quorumRequiredBp)}); ${next}`,
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
    `the extraordinary quorum was not met at opening (${attendingFigures(opening)}; it is ${percent(required)}, at least ${leastAttending(opening, required)}): ` +
      `this assembly cannot vote on extraordinary resolution ${resolution.spec.id}; it can be put to an extraordinary assembly reconvened on second call`,
  );
}

function attendingFigures(o: Opening): string {
  const heads = `${o.total} of ${o.voters} associates attend (present ${o.present}, remote ${o.remote}, by mail ${o.mail}, represented ${o.represented})`;
  if (o.votesPresentOrRepresented && o.votesOnList) {
    const f = (x: { numerator: string; denominator: string }) => (x.denominator === '1' ? x.numerator : `${x.numerator}/${x.denominator}`);
    return `${heads}, holding ${f(o.votesPresentOrRepresented)} of the ${f(o.votesOnList)} votes on the list as SCOP-VOTES-65 weighs them (L1978 art. 14), ${percent(o.quorumBp)} rounded down`;
  }
  return `${heads}, ${percent(o.quorumBp)} rounded down`;
}

/** The fewest attendees that meet `bp` of the voters: ⌈voters × bp ÷ 10000⌉; for a SCOP, the votes needed. */
function leastAttending(o: Opening, bp: number): string {
  if (o.votesOnList) {
    const least = exactFraction(ratio(BigInt(o.votesOnList.numerator) * BigInt(bp), BigInt(o.votesOnList.denominator) * 10000n));
    return `votes worth ${least.denominator === '1' ? least.numerator : `${least.numerator}/${least.denominator}`}`;
  }
  const least = Number((BigInt(o.voters) * BigInt(bp) + 9999n) / 10000n);
  return `${least} associate${least === 1 ? '' : 's'}`;
}
