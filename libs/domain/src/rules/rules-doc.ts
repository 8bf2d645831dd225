import { RULE_SECTIONS, RuleEntry, RuleId, RULES, RuleSection } from './rule-catalogue';

/** Where the rules doc lives and how to regenerate it; the header prints both. */
export const RULES_DOC_PATH = 'docs/rules.md';
export const RULES_DOC_UPDATE_COMMAND = 'UPDATE_DOCS=1 npx jest libs/domain/src/rules/rules-doc.spec.ts';

/**
 * docs/rules.md, rendered from the rule catalogue: the catalogue is what the code applies, so
 * the doc cannot say otherwise. Pure: the spec beside it compares and writes the file.
 */
export function renderRulesDoc(): string {
  const lines = [
    '# The rules the ledger applies',
    '',
    `<!-- Generated from libs/domain/src/rules/rule-catalogue.ts by renderRulesDoc() (rules-doc.ts). Do not edit by hand: change the catalogue, then run \`${RULES_DOC_UPDATE_COMMAND}\`. -->`,
    '',
    'Generated from the rule catalogue (`libs/domain/src/rules/rule-catalogue.ts`), the one place',
    "where the code keeps each rule's title, article and status. After changing the catalogue, run",
    '',
    '```sh',
    RULES_DOC_UPDATE_COMMAND,
    '```',
    '',
    'to rewrite this file; without `UPDATE_DOCS` that spec fails while the file is out of date.',
    '',
    'Each rule has an **id**: code, test names and `application/problem+json` bodies (`rule`, with',
    'its `article`) use it. Laws: **L1947** = Loi n° 47-1775 du 10 septembre 1947 (statut de la',
    'coopération; the SCIC articles are in its Titre II ter); **L1978** = Loi n° 78-763 du',
    '19 juillet 1978 (statut des SCOP); **C.com.** = Code de commerce.',
    '',
    '- Status: **confirmed** (legal text read), **partial** (authoritative secondary source or an',
    '  older text), **unverified** (practice or model statuts only), **design** (a choice of the',
    '  ledger, not the law).',
    '- How applied:',
    '  - **reject** — the command that would break the rule is refused: HTTP 422, the body names',
    '    the rule id and article. Nothing is appended.',
    '  - **report** — the state can drift out of the rule through acts the ledger cannot refuse',
    '    (a worker resigns, a collège empties). The compliance report shows the check as',
    '    `violation` with the figures and, where the law gives one, the deadline to regularise.',
    "  - **parameter** — the cooperative's statuts choose the value; the ledger enforces the legal",
    '    bounds on that choice (reject at statuts registration or amendment).',
    '  - **built in** — no command can break it.',
  ];
  const entries = Object.entries(RULES) as [RuleId, RuleEntry][];
  for (const section of Object.keys(RULE_SECTIONS) as RuleSection[]) {
    const rows = entries.filter(([, rule]) => rule.section === section);
    if (rows.length === 0) continue;
    lines.push('', `## ${RULE_SECTIONS[section]}`, '', '| id | title | article | status | how applied |', '|---|---|---|---|---|');
    for (const [id, rule] of rows) {
      lines.push(`| ${id} | ${cell(rule.title)} | ${cell(rule.article)} | ${rule.status} | ${howApplied(rule)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `**reject** below ¼ …` when the full text starts with the primary way, else `**report** — …`. */
function howApplied(rule: RuleEntry): string {
  const rest = rule.how.slice(rule.applied.length);
  const startsWithIt = rule.how.startsWith(rule.applied) && !/^[a-z]/i.test(rest);
  return startsWithIt ? `**${rule.applied}**${cell(rest)}` : `**${rule.applied}** — ${cell(rule.how)}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
