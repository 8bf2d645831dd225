import { RuleViolation } from '../../rules/errors';
import { Statuts } from '../statuts';

/**
 * SCIC-COLLEGES (L1947 art. 19 octies): when the statuts create collèges, each associate is in
 * exactly one of them; when they create none, nobody is in one.
 */
export function requireCollegeOf(statuts: Statuts, collegeCode: string | null | undefined): void {
  const codes = statuts.colleges.map((c) => c.code);
  if (codes.length === 0) {
    if (collegeCode === undefined || collegeCode === null) return;
    throw new RuleViolation('SCIC-COLLEGES', `collegeCode is "${collegeCode}" but the statuts in force create no collèges`);
  }
  if (collegeCode !== undefined && collegeCode !== null && codes.includes(collegeCode)) return;
  throw new RuleViolation(
    'SCIC-COLLEGES',
    collegeCode === undefined || collegeCode === null
      ? `collegeCode is missing; with collèges each associate is in exactly one of ${codes.join(', ')}`
      : `collegeCode "${collegeCode}" is not a collège of the statuts in force (${codes.join(', ')})`,
  );
}
