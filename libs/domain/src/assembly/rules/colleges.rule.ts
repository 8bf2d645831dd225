import { College } from '../../cooperative/statuts';
import { FULL_BP, LEGAL } from '../../cooperative/thresholds';
import { RuleViolation } from '../../rules/errors';
import { percent } from '../../shared/format';
import { AssemblyRules } from '../assembly-events';

/**
 * SCIC-COLLEGES (L1947 art. 19 octies) as it bears on an assembly: only a SCIC has collèges;
 * if any, at least 3, each weighing 10 % to 50 %, summing to 100 %. The statuts were checked
 * when adopted; the convocation copies them, and the assembly checks the copy it relies on.
 */
export function requireAssemblyColleges(rules: AssemblyRules): void {
  const colleges = rules.colleges;
  if (colleges.length === 0) return;
  const violation = (detail: string) => new RuleViolation('SCIC-COLLEGES', detail);
  if (rules.legalForm !== 'SCIC') throw violation(`only a SCIC has collèges; the rules of this ${rules.legalForm} list ${colleges.length}`);
  if (colleges.length < LEGAL.scicMinimumColleges) throw violation(`${colleges.length} collège(s); with collèges there are at least ${LEGAL.scicMinimumColleges}`);
  const codes = new Set<string>();
  for (const c of colleges) {
    if (codes.has(c.code)) throw violation(`collège ${c.code} is listed twice`);
    codes.add(c.code);
    if (!Number.isSafeInteger(c.weightBp) || c.weightBp < LEGAL.collegeMinimumWeightBp || c.weightBp > LEGAL.collegeMaximumWeightBp) {
      throw violation(`collège ${c.code} weighs ${String(c.weightBp)} bp; each weighs ${percent(LEGAL.collegeMinimumWeightBp)} to ${percent(LEGAL.collegeMaximumWeightBp)}`);
    }
  }
  const total = colleges.reduce((sum, c) => sum + c.weightBp, 0);
  if (total !== FULL_BP) throw violation(`the collèges' weights sum to ${percent(total)}, not 100 %`);
}

/**
 * SCIC-COLLEGES: with collèges, a voter or a show of hands belongs to exactly one of them;
 * without, to none. Returns the collège code (null without collèges).
 */
export function requireCollegeOf(colleges: readonly College[], collegeCode: string | null | undefined, who: string): string | null {
  const codes = colleges.map((c) => c.code);
  if (codes.length === 0) {
    if (collegeCode === undefined || collegeCode === null) return null;
    throw new RuleViolation('SCIC-COLLEGES', `${who} names collège "${collegeCode}" but this assembly has no collèges`);
  }
  if (collegeCode !== undefined && collegeCode !== null && codes.includes(collegeCode)) return collegeCode;
  throw new RuleViolation(
    'SCIC-COLLEGES',
    collegeCode === undefined || collegeCode === null
      ? `${who} names no collège; with collèges it belongs to exactly one of ${codes.join(', ')}`
      : `${who} names collège "${collegeCode}", which is not one of ${codes.join(', ')}`,
  );
}
