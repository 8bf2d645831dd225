import { RuleViolation } from '../../rules/errors';
import { atLeastBp, bpFloor } from '../../shared/fraction';
import { percent } from '../../shared/format';
import { CapitalPicture } from '../capital-picture';
import { Category } from '../events';
import { Statuts } from '../statuts';
import { LEGAL } from '../thresholds';

/**
 * SCOP-VOTES-65 (L1978; L1947 art. 3 bis): employee-associates hold at least 65 % of the votes,
 * one associate one vote (COOP-ONE-VOTE), active associates only. Refused: admitting a
 * non-employee that leaves them below (exactly 65 % is allowed). Exits and category changes
 * cannot be refused: tallies reduce non-employees' votes pro rata and the report shows it.
 */
export function requireEmployeeVotesAfter(statuts: Statuts, after: CapitalPicture, admitted: Category): void {
  if (statuts.legalForm !== 'SCOP' || admitted === 'employee') return;
  if (atLeastBp(after.employeeVotes, after.votes, LEGAL.scopEmployeeVotesMinBp)) return;
  throw new RuleViolation(
    'SCOP-VOTES-65',
    `employee-associates would hold ${after.employeeVotes} of ${after.votes} votes (${percent(bpFloor(after.employeeVotes, after.votes))}, rounded down); they must hold at least ${percent(LEGAL.scopEmployeeVotesMinBp)}`,
  );
}
