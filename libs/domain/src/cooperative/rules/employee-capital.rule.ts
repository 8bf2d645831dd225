import { RuleViolation } from '../../rules/errors';
import { IsoDate } from '../../shared/dates';
import { atLeastBp, bpFloor } from '../../shared/fraction';
import { percent } from '../../shared/format';
import { CapitalPicture } from '../capital-picture';
import { Category } from '../events';
import { Statuts } from '../statuts';
import { withinAmorcage } from '../statuts-in-force';
import { LEGAL } from '../thresholds';

/** Capital moving to `to`, from an associate of category `from` — or new shares when `from` is null. */
export interface CapitalFlow {
  readonly from: Category | null;
  readonly to: Category;
}

/**
 * SCOP-CAP-51 (L1978; model statuts art. 14): employee-associates hold at least 51 % of the capital.
 * Refused: new shares or a transfer from an employee that go to a non-employee and leave the
 * employees below 51 % — also when they already were, since it would deepen the breach. Exits and
 * category changes cannot be refused: the compliance report shows them.
 * SCOP-AMORCAGE (L1978 art. 49 ter): until its deadline a SCOP d'amorçage may have a non-employee
 * capital majority, so nothing is refused then.
 */
export function requireEmployeeCapitalAfter(statuts: Statuts, after: CapitalPicture, flow: CapitalFlow, effectiveDate: IsoDate): void {
  if (statuts.legalForm !== 'SCOP' || flow.to === 'employee') return;
  if (flow.from !== null && flow.from !== 'employee') return;
  if (withinAmorcage(statuts, effectiveDate)) return;
  if (atLeastBp(after.employeeCapitalCents, after.capitalCents, LEGAL.scopEmployeeCapitalMinBp)) return;
  const share = bpFloor(after.employeeCapitalCents, after.capitalCents);
  throw new RuleViolation(
    'SCOP-CAP-51',
    `employee-associates would hold ${after.employeeCapitalCents} of ${after.capitalCents} cents of capital (${percent(share)}, rounded down); they must hold at least ${percent(LEGAL.scopEmployeeCapitalMinBp)}`,
  );
}
