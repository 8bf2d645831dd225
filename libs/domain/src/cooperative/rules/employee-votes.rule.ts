import { RuleViolation } from '../../rules/errors';
import { atLeastBp, atMostBp, bpFloor } from '../../shared/fraction';
import { percent } from '../../shared/format';
import { CapitalPicture } from '../capital-picture';
import { Category } from '../events';
import { Statuts } from '../statuts';
import { associateOf, CooperativeState } from '../state';
import { FULL_BP, LEGAL } from '../thresholds';

/**
 * SCOP-VOTES-65 (L1947 art. 3 bis; L1978): non-cooperators hold together at most 35 % of the
 * votes — 49 % when some of them are cooperative societies, the others still at most 35 % —
 * one associate one vote (COOP-ONE-VOTE), active associates only. Refused: admitting a
 * non-cooperator that takes them above (exactly at the cap is allowed). Exits and category
 * changes cannot be refused: voter lists then reduce non-cooperators' votes (scop-vote-weights.ts)
 * and the report shows it. Cooperative societies are counted only when the 35 % cap alone
 * would refuse: a pass over the associates, on that path only.
 */
export function requireEmployeeVotesAfter(statuts: Statuts, after: CapitalPicture, admitted: Category, state?: CooperativeState, cooperativeSociety = false): void {
  if (statuts.legalForm !== 'SCOP' || admitted === 'employee') return;
  if (atLeastBp(after.employeeVotes, after.votes, LEGAL.scopEmployeeVotesMinBp)) return;
  const societies = (state ? activeCooperativeSocieties(state) : 0) + (cooperativeSociety ? 1 : 0);
  const others = after.votes - after.employeeVotes - societies;
  if (societies > 0 && atMostBp(others, after.votes, FULL_BP - LEGAL.scopEmployeeVotesMinBp) && atMostBp(after.votes - after.employeeVotes, after.votes, LEGAL.scopOutsidersWithCooperativesMaxBp)) return;
  throw new RuleViolation(
    'SCOP-VOTES-65',
    `employee-associates would hold ${after.employeeVotes} of ${after.votes} votes (${percent(bpFloor(after.employeeVotes, after.votes))}, rounded down); they must hold at least ${percent(LEGAL.scopEmployeeVotesMinBp)}` +
      (societies > 0
        ? ` — or, with ${societies} cooperative societ${societies === 1 ? 'y' : 'ies'} among the outsiders, outsiders at most ${percent(LEGAL.scopOutsidersWithCooperativesMaxBp)} and the others at most ${percent(FULL_BP - LEGAL.scopEmployeeVotesMinBp)}`
        : ''),
  );
}

function activeCooperativeSocieties(state: CooperativeState): number {
  let n = 0;
  for (const id of state.associateOrder) {
    const a = associateOf(state, id);
    if (a?.status === 'active' && a.category !== 'employee' && a.cooperativeSociety === true) n += 1;
  }
  return n;
}
