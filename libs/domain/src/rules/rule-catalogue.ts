/**
 * Every legal rule the ledger applies, as data: id → title, article, status, how applied.
 * docs/rules.md is generated from it (rules-doc.ts). Article numbers of the SCIC part of L1947
 * may have been renumbered after 2022, which is why they live here once and nowhere else.
 */
export type RuleStatus = 'confirmed' | 'partial' | 'unverified' | 'design';

/**
 * reject: the command that would break the rule is refused (422 naming the rule), nothing is
 * appended. report: the state can drift out of the rule through acts the ledger cannot refuse;
 * the compliance report shows it. parameter: the statuts choose the value, the ledger enforces
 * the legal bounds on that choice. built in: no command can break it.
 */
export type RuleApplication = 'reject' | 'report' | 'parameter' | 'built in';

/** The part of the law a rule belongs to, in the order docs/rules.md lists them. */
export type RuleSection = 'capital' | 'scic' | 'scop' | 'surplus' | 'assembly';

export const RULE_SECTIONS: Readonly<Record<RuleSection, string>> = {
  capital: 'Capital and shares (all cooperatives)',
  scic: 'SCIC',
  scop: 'SCOP',
  surplus: 'Surplus (all cooperatives)',
  assembly: 'General assemblies',
};

export interface RuleEntry {
  readonly title: string;
  readonly article: string;
  readonly status: RuleStatus;
  readonly section: RuleSection;
  /** The primary way the ledger applies the rule; `how` says it in full. */
  readonly applied: RuleApplication;
  readonly how: string;
}

export const RULES = {
  'COOP-SHARE-VALUE': { title: 'One uniform nominal share value set by the statuts', article: 'L1947; statuts', status: 'partial', section: 'capital', applied: 'parameter', how: 'parameter (> 0 cents)' },
  'COOP-PAYUP-QUARTER': {
    title:
      'At least a quarter of each subscription is paid at subscription, the balance within the statuts delay (at most 5 years); a SCOP is paid in full, only a SCOP SA may take a quarter with the balance within 3 years',
    article: 'L1947 art. 12; L1978 art. 27',
    status: 'partial',
    section: 'capital',
    applied: 'reject',
    how: "reject below ¼ (SCOP SARL/SAS: below full payment; SCOP SA: delay > 3 years) or below the statuts' minimum, which cannot relax it; report overdue balances, and SCOP subscriptions recorded partly paid before edition 2026-12",
  },
  'COOP-CAPITAL-FLOOR': {
    title: 'Redemptions may not bring the capital below a quarter of the highest capital ever reached',
    article: 'L1947 art. 13',
    status: 'confirmed',
    section: 'capital',
    applied: 'reject',
    how: 'reject the payment; keep the exit as a pending redemption, listed in order',
  },
  'COOP-REDEMPTION-NOMINAL': {
    title: 'A leaving associate gets back at most the nominal value of paid-up shares',
    article: 'L1947 art. 18',
    status: 'partial',
    section: 'capital',
    applied: 'reject',
    how: "reject above the value so computed; report redemptions overdue against the statuts' delay",
  },
  'COOP-SA-MIN-CAPITAL': { title: 'A cooperative SA has a capital of at least 18,500 euros', article: 'L1947 art. 27', status: 'confirmed', section: 'capital', applied: 'report', how: 'report' },
  'COOP-ONE-VOTE': { title: 'One associate, one vote, whatever the capital held', article: 'L1947 art. 1, art. 9', status: 'confirmed', section: 'capital', applied: 'built in', how: 'built into every tally' },
  'COOP-ONE-SHARE': {
    title: 'An associate holds at least one share for as long as they are an associate',
    article: 'L1947 art. 11; model statuts',
    status: 'partial',
    section: 'capital',
    applied: 'reject',
    how: 'reject an act that leaves an active associate without a share (a transfer or redemption of all their shares, the cancellation of their only subscription) unless it is their exit',
  },
  'LEDGER-EVERY-DATE-HOLDS': {
    title: 'A back-dated act is judged on the history it enters: every act dated after it must still hold',
    article: 'design',
    status: 'design',
    section: 'capital',
    applied: 'reject',
    how: 'reject an act that, inserted at its date, leaves a later act impossible (shares or paid-up capital the holder lacks, an act after an exit) or breaking a reject rule; the refusal names the later act',
  },
  'LEDGER-PERIOD-CLOSED': {
    title: "An act dated in a closed period (before a closed assembly's record date or a closed fiscal year's end) changes what was already relied on",
    article: 'design',
    status: 'design',
    section: 'capital',
    applied: 'reject',
    how: 'reject unless the command gives lateRecording.reason; the event keeps it and the compliance report lists it',
  },
  'SCIC-CATEGORIES': {
    title: 'At least 3 categories of associates, including beneficiaries and employees (or producers when there are no employees)',
    article: 'L1947 art. 19 septies',
    status: 'confirmed',
    section: 'scic',
    applied: 'report',
    how: 'report (a SCIC is built up one admission at a time)',
  },
  'SCIC-PUBLIC-CAPITAL-50': {
    title: 'Territorial public bodies hold together at most 50 % of the capital',
    article: 'L1947 art. 19 septies',
    status: 'confirmed',
    section: 'scic',
    applied: 'reject',
    how: "reject any subscription or transfer that takes them above 50 %; report when others' exits do",
  },
  'SCIC-COLLEGES': {
    title: 'At least 3 collèges, each associate in exactly one, each weight between 10 % and 50 %, weights summing to 100 %',
    article: 'L1947 art. 19 octies',
    status: 'partial',
    section: 'scic',
    applied: 'parameter',
    how: 'parameter: reject statuts that break the bounds',
  },
  'SCIC-STATUTORY-RESERVE': {
    title: 'At least 50 % of the surplus left after the legal reserve goes to the statutory reserve',
    article: 'L1947 art. 19 nonies, art. 16',
    status: 'partial',
    section: 'scic',
    applied: 'reject',
    how: 'reject allocations below it',
  },
  'SCIC-SUBSIDIES': {
    title: 'Public subsidies are excluded from the base for interest on shares',
    article: 'L1947 art. 19 nonies',
    status: 'partial',
    section: 'scic',
    applied: 'reject',
    how: 'reject interest above it',
  },
  'SCIC-NO-RISTOURNE': { title: 'Ristournes are not supported until confirmed lawful for SCIC', article: 'unverified', status: 'unverified', section: 'scic', applied: 'reject', how: 'reject' },
  'SCIC-IMPARTIBLE': { title: 'Reserves are impartible', article: 'L1947 art. 19 nonies', status: 'partial', section: 'scic', applied: 'built in', how: 'built in: no command moves a reserve to an associate' },
  'SCOP-CAP-51': {
    title: 'Employee-associates hold at least 51 % of the capital',
    article: 'L1978; model statuts art. 14',
    status: 'partial',
    section: 'scop',
    applied: 'reject',
    how: 'reject a subscription or transfer to a non-employee that takes them below 51 %; report otherwise',
  },
  'SCOP-VOTES-65': {
    title: 'Non-cooperator associates hold together at most 35 % of the total voting rights on the register (49 % when some are cooperative societies, the others still 35 %)',
    article: 'L1947 art. 3 bis; L1978',
    status: 'confirmed',
    section: 'scop',
    applied: 'reject',
    how: "reject the admission of a non-cooperator that takes them above the cap; when others' exits do, voter lists carry the reduced weights (exact fractions) and tallies and quorums use them; report",
  },
  'SCOP-AMORCAGE': {
    title: "A SCOP d'amorçage may have a non-employee capital majority; cooperators hold at least 50 % by 31 December of the 7th year after the conversion year",
    article: 'L1978 art. 49 bis, art. 49 ter',
    status: 'confirmed',
    section: 'scop',
    applied: 'parameter',
    how: 'parameter (conversion date); compliance shows an SCOP-AMORCAGE row (threshold 50 %, the deadline); SCOP-CAP-51 is a report until the deadline and applies in full after it',
  },
  'SCOP-MIN-ASSOCIATES': { title: 'At least 2 employee-associates (SARL, SAS) or 7 (SA)', article: 'L1978', status: 'partial', section: 'scop', applied: 'report', how: 'report with the date it started' },
  'SCOP-MAX-HOLDING': {
    title: "No associate holds more than the statuts' maximum nor more than half of the capital (waived for the 7 years after a conversion)",
    article: 'L1978 art. 24, art. 49 bis',
    status: 'confirmed',
    section: 'scop',
    applied: 'reject',
    how: 'reject a subscription or transfer that takes the receiving associate above the limit once two associates or more hold shares (founding subscriptions judged together at the end of the registration date); report a state that breaks it for other reasons',
  },
  'SCOP-PROXY-LIMIT': {
    title: 'A proxy is held by another associate; at most 1 proxy under 20 associates, 1/20 of the associates from 20',
    article: 'L1978',
    status: 'confirmed',
    section: 'scop',
    applied: 'reject',
    how: 'reject',
  },
  'SCOP-LEGAL-RESERVE': {
    title: '15 % of the net surplus to the legal reserve until it equals the highest capital reached',
    article: 'L1978 art. 33',
    status: 'confirmed',
    section: 'scop',
    applied: 'reject',
    how: 'reject below',
  },
  'SCOP-DEVELOPMENT-FUND': {
    title: 'A share of the surplus to the development fund every year',
    article: 'L1978 art. 33; model statuts',
    status: 'partial',
    section: 'scop',
    applied: 'reject',
    how: "reject zero (and below the statuts' minimum) in a year with a surplus",
  },
  'SCOP-WORKER-SHARE': {
    title: 'At least 25 % of the net surplus to all employees',
    article: 'L1978 art. 33',
    status: 'confirmed',
    section: 'scop',
    applied: 'reject',
    how: 'reject below; the split is computed, never typed',
  },
  'SCOP-INTEREST-CAP': { title: 'Interest on shares at most the worker share', article: 'L1978 art. 33', status: 'confirmed', section: 'scop', applied: 'reject', how: 'reject above' },
  'SCOP-EXCLUDED-GAINS': {
    title: 'Revaluation and disposal gains are excluded from the net surplus',
    article: 'L1978 art. 32',
    status: 'confirmed',
    section: 'scop',
    applied: 'built in',
    how: 'the fiscal-year close records them separately',
  },
  'COOP-LEGAL-RESERVE': {
    title: 'At least 15 % of the surplus to reserves while reserves are below the capital',
    article: 'L1947 art. 16',
    status: 'confirmed',
    section: 'surplus',
    applied: 'reject',
    how: 'reject below',
  },
  'COOP-INTEREST-RATE': {
    title: 'Interest rate on shares at most the 3-year mean TMO plus 2 points',
    article: 'L1947 art. 14',
    status: 'confirmed',
    section: 'surplus',
    applied: 'reject',
    how: 'reject above, or when no TMO is known for those years (SCIC and other cooperatives)',
  },
  'COOP-ALLOCATION-SUM': { title: 'The allocation parts sum exactly to the distributable surplus', article: 'design', status: 'design', section: 'surplus', applied: 'reject', how: 'reject' },
  'AG-VOTERS': { title: 'The voter list is fixed at the record date', article: 'L1947 art. 9', status: 'unverified', section: 'assembly', applied: 'built in', how: 'built in (the list is an event, hashed)' },
  'AG-ONE-BALLOT': { title: 'One ballot per associate per resolution', article: 'L1947 art. 9', status: 'confirmed', section: 'assembly', applied: 'reject', how: 'reject a second ballot' },
  'AG-QUORUM': {
    title: 'Quorum per assembly kind and call, from the statuts; a SCOP reckons quorum and majority on the votes that may validly be cast by those present or represented',
    article: 'C.com. L.225-96, L.225-98; L1978 art. 14; model statuts',
    status: 'partial',
    section: 'assembly',
    applied: 'parameter',
    how: 'parameter; an assembly whose quorum is not met cannot vote (reject) and can be reconvened on second call; SCOP: counted in votes with the weights of the voter list (SCOP-VOTES-65)',
  },
  'AG-MAJORITY': {
    title: 'Ordinary: more than half of the votes cast; extraordinary: at least two thirds',
    article: 'C.com. L.225-96, L.225-98, L.223-30',
    status: 'partial',
    section: 'assembly',
    applied: 'parameter',
    how: "parameter, with the title's figures as defaults",
  },
  'AG-COLLEGE-TALLY': {
    title: 'Each collège result is computed inside the collège, then weighted',
    article: 'L1947 art. 19 octies',
    status: 'partial',
    section: 'assembly',
    applied: 'parameter',
    how: 'parameter; exact rational arithmetic, no floats',
  },
  'AG-NOTICE': {
    title:
      'Associates are convened at least N whole days before the assembly: SA 15 days on first call, 6 on second; SARL 15 days; SAS and SCIC per statuts (default 15); the statuts may ask more, never less than the legal floor',
    article: 'C.com. R.225-69, R.225-77, R.223-20',
    status: 'partial',
    section: 'assembly',
    applied: 'reject',
    how: 'parameter of the statuts (noticeDays), floored by company form; reject a convocation whose heldOn − convenedOn, in whole days, is shorter',
  },
  'AG-BLANK-PROXY': {
    title: 'A blank proxy votes for board-approved resolutions and against the others',
    article: 'model statuts',
    status: 'unverified',
    section: 'assembly',
    applied: 'parameter',
    how: 'parameter (default on)',
  },
} as const satisfies Record<string, RuleEntry>;

export type RuleId = keyof typeof RULES;

export function ruleEntry(id: RuleId): RuleEntry {
  return RULES[id];
}
