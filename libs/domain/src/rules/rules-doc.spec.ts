import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_SECTIONS, RuleId, RULES } from './rule-catalogue';
import { renderRulesDoc, RULES_DOC_PATH, RULES_DOC_UPDATE_COMMAND } from './rules-doc';

const FILE = join(__dirname, '../../../..', RULES_DOC_PATH);

describe('docs/rules.md, generated from the rule catalogue', () => {
  it('is what renderRulesDoc() renders (UPDATE_DOCS=1 rewrites it)', () => {
    const rendered = renderRulesDoc();
    if (process.env.UPDATE_DOCS) writeFileSync(FILE, rendered);
    const onDisk = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
    if (onDisk !== rendered) {
      throw new Error(`${RULES_DOC_PATH} is out of date with libs/domain/src/rules/rule-catalogue.ts. Run:\n\n  ${RULES_DOC_UPDATE_COMMAND}\n`);
    }
  });

  it('lists every rule once, under its section, in catalogue order', () => {
    const doc = renderRulesDoc();
    const rows = [...doc.matchAll(/^\| ([A-Z][A-Z0-9-]+) \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(Object.keys(RULES));
    for (const [id, rule] of Object.entries(RULES) as [RuleId, (typeof RULES)[RuleId]][]) {
      const heading = doc.indexOf(`## ${RULE_SECTIONS[rule.section]}\n`);
      expect(heading).toBeGreaterThan(0);
      expect(doc.indexOf(`| ${id} |`)).toBeGreaterThan(heading);
    }
  });

  it('says in its header that it is generated and how to regenerate it', () => {
    const doc = renderRulesDoc();
    expect(doc.slice(0, 600)).toContain('Generated from');
    expect(doc).toContain(RULES_DOC_UPDATE_COMMAND);
  });
});
