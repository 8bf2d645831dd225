/**
 * Every legal rule the ledger applies, as data: id → title, article, status.
 * Source: shared/domain/RULES.md. Article numbers of the SCIC part of L1947 may have been
 * renumbered after 2022, which is why they live here once and nowhere else.
 */
export type RuleStatus = 'confirmed' | 'partial' | 'unverified' | 'design';

export interface RuleEntry {
  readonly title: string;
  readonly article: string;
  readonly status: RuleStatus;
}

export const RULES = {
  'COOP-SHARE-VALUE': { title: 'One uniform nominal share value set by the statuts', article: 'L1947; statuts', status: 'partial' },
  'COOP-PAYUP-QUARTER': { title: 'At least a quarter of each subscription is paid at subscription, the balance within the statuts delay (at most 5 years)', article: 'L1947 art. 12', status: 'partial' },
  'COOP-CAPITAL-FLOOR': { title: 'Redemptions may not bring the capital below a quarter of the highest capital ever reached', article: 'L1947 art. 13', status: 'confirmed' },
  'COOP-REDEMPTION-NOMINAL': { title: 'A leaving associate gets back at most the nominal value of paid-up shares', article: 'L1947 art. 18', status: 'partial' },
  'COOP-SA-MIN-CAPITAL': { title: 'A cooperative SA has a capital of at least 18,500 euros', article: 'L1947 art. 27', status: 'confirmed' },
  'COOP-ONE-VOTE': { title: 'One associate, one vote, whatever the capital held', article: 'L1947 art. 1, art. 9', status: 'confirmed' },
  'SCIC-CATEGORIES': { title: 'At least 3 categories of associates, including beneficiaries and employees (or producers when there are no employees)', article: 'L1947 art. 19 septies', status: 'confirmed' },
  'SCIC-PUBLIC-CAPITAL-50': { title: 'Territorial public bodies hold together at most 50 % of the capital', article: 'L1947 art. 19 septies', status: 'confirmed' },
  'SCIC-COLLEGES': { title: 'At least 3 collèges, each associate in exactly one, each weight between 10 % and 50 %, weights summing to 100 %', article: 'L1947 art. 19 octies', status: 'partial' },
  'SCIC-STATUTORY-RESERVE': { title: 'At least 50 % of the surplus left after the legal reserve goes to the statutory reserve', article: 'L1947 art. 19 nonies, art. 16', status: 'partial' },
  'SCIC-SUBSIDIES': { title: 'Public subsidies are excluded from the base for interest on shares', article: 'L1947 art. 19 nonies', status: 'partial' },
  'SCIC-NO-RISTOURNE': { title: 'Ristournes are not supported until confirmed lawful for SCIC', article: 'unverified', status: 'unverified' },
  'SCIC-IMPARTIBLE': { title: 'Reserves are impartible', article: 'L1947 art. 19 nonies', status: 'partial' },
  'SCOP-CAP-51': { title: 'Employee-associates hold at least 51 % of the capital', article: 'L1978; model statuts art. 14', status: 'partial' },
  'SCOP-VOTES-65': { title: 'Employee-associates hold at least 65 % of the votes', article: 'L1978; L1947 art. 3 bis', status: 'partial' },
  'SCOP-AMORCAGE': { title: 'A SCOP d\'amorçage may have a non-employee capital majority for up to 7 years', article: 'L1978 art. 49 ter', status: 'partial' },
  'SCOP-MIN-ASSOCIATES': { title: 'At least 2 employee-associates (SARL, SAS) or 7 (SA)', article: 'L1978', status: 'partial' },
  'SCOP-PROXY-LIMIT': { title: 'A proxy is held by another associate; at most 1 proxy under 20 associates, 1/20 of the associates from 20', article: 'L1978', status: 'confirmed' },
  'SCOP-LEGAL-RESERVE': { title: '15 % of the net surplus to the legal reserve until it equals the highest capital reached', article: 'L1978 art. 33', status: 'confirmed' },
  'SCOP-DEVELOPMENT-FUND': { title: 'A share of the surplus to the development fund every year', article: 'L1978 art. 33; model statuts', status: 'partial' },
  'SCOP-WORKER-SHARE': { title: 'At least 25 % of the net surplus to all employees', article: 'L1978 art. 33', status: 'confirmed' },
  'SCOP-INTEREST-CAP': { title: 'Interest on shares at most the worker share', article: 'L1978 art. 33', status: 'confirmed' },
  'SCOP-EXCLUDED-GAINS': { title: 'Revaluation and disposal gains are excluded from the net surplus', article: 'L1978 art. 32', status: 'confirmed' },
  'COOP-LEGAL-RESERVE': { title: 'At least 15 % of the surplus to reserves while reserves are below the capital', article: 'L1947 art. 16', status: 'confirmed' },
  'COOP-INTEREST-RATE': { title: 'Interest rate on shares at most the 3-year mean TMO plus 2 points', article: 'L1947 art. 14', status: 'confirmed' },
  'COOP-ALLOCATION-SUM': { title: 'The allocation parts sum exactly to the distributable surplus', article: 'design', status: 'design' },
  'AG-VOTERS': { title: 'The voter list is fixed at the record date', article: 'L1947 art. 9', status: 'unverified' },
  'AG-ONE-BALLOT': { title: 'One ballot per associate per resolution', article: 'L1947 art. 9', status: 'confirmed' },
  'AG-QUORUM': { title: 'Quorum per assembly kind and call, from the statuts', article: 'C.com. L.225-96, L.225-98; model statuts', status: 'partial' },
  'AG-MAJORITY': { title: 'Ordinary: more than half of the votes cast; extraordinary: at least two thirds', article: 'C.com. L.225-96, L.225-98, L.223-30', status: 'partial' },
  'AG-COLLEGE-TALLY': { title: 'Each collège result is computed inside the collège, then weighted', article: 'L1947 art. 19 octies', status: 'partial' },
  'AG-BLANK-PROXY': { title: 'A blank proxy votes for board-approved resolutions and against the others', article: 'model statuts', status: 'unverified' },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export function ruleEntry(id: RuleId): RuleEntry {
  return RULES[id];
}
