import { RuleViolation } from '../../rules/errors';
import { atMostBp, bpCeil } from '../../shared/fraction';
import { percent } from '../../shared/format';
import { CapitalPicture } from '../capital-picture';
import { Statuts } from '../statuts';
import { LEGAL } from '../thresholds';
import { CapitalFlow } from './employee-capital.rule';

/**
 * SCIC-PUBLIC-CAPITAL-50 (L1947 art. 19 septies): territorial public bodies hold together at most
 * 50 % of the capital — a cap on capital, not on votes. Refused: new shares, a transfer or a change
 * of category that bring capital to a public body beyond it (exactly 50 % is allowed). Others'
 * exits cannot be refused: the compliance report shows them.
 */
export function requirePublicCapitalAfter(statuts: Statuts, after: CapitalPicture, flow: CapitalFlow): void {
  if (statuts.legalForm !== 'SCIC' || flow.to !== 'public_body' || flow.from === 'public_body') return;
  if (atMostBp(after.publicCapitalCents, after.capitalCents, LEGAL.scicPublicCapitalMaxBp)) return;
  const share = bpCeil(after.publicCapitalCents, after.capitalCents);
  throw new RuleViolation(
    'SCIC-PUBLIC-CAPITAL-50',
    `public bodies would hold ${after.publicCapitalCents} of ${after.capitalCents} cents of capital (${percent(share)}, rounded up); they may hold at most ${percent(LEGAL.scicPublicCapitalMaxBp)}`,
  );
}
