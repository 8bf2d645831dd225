import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { CHART_LAYOUT } from './minutes-chart';
import { minutesHtml } from './minutes-html';
import { LEDGER_DIGEST, openScicView, SCIC_COOP, scicView, SCOP_COOP, scopRegisterView, scopView } from './minutes.fixtures';

const VOID = new Set(['meta', 'br', 'hr', 'img', 'input', 'link', 'col', 'wbr']);

/** A tag-balance check: every opened element is closed, in order. Not a validator, a tripwire. */
function unbalancedTags(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '<style></style>').replace(/^<!DOCTYPE html>/, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*?)(\/?)>/g)) {
    const [, closing, rawName, , selfClosing] = m;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(`</${name}> at ${m.index}`);
  }
  return [...problems, ...stack.map((t) => `<${t}> never closed`)];
}

function svgs(html: string): string[] {
  return html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
}

function markers(svg: string): Array<{ bp: number; x: number }> {
  return [...svg.matchAll(/class="required-marker" data-required-bp="(\d+)" x1="([\d.]+)"/g)].map((m) => ({ bp: Number(m[1]), x: Number(m[2]) }));
}

describe('minutesHtml — SCIC, four collèges, one dropped', () => {
  const html = minutesHtml(scicView(), SCIC_COOP);

  it('is a complete HTML5 document in French with a title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Procès-verbal — Les Tilleuls — Assemblée générale mixte du 2025-06-14</title>');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is self-contained and printable: inline CSS with print rules, no script, no external asset', () => {
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(html).not.toMatch(/<script|<link|\bsrc=|\bhref=|url\((?!#)/i);
    expect(html.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
  });

  it('closes every element it opens, tables and SVGs included', () => {
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('draws one SVG chart per closed resolution, each with a title and an aria-label', () => {
    const charts = svgs(html);
    expect(charts).toHaveLength(2);
    for (const svg of charts) {
      expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="Resolution r\d — votes by collège: [^"]+"/);
      expect(svg).toMatch(/<title>Resolution r\d — votes by collège: .+<\/title>/);
    }
  });

  it('gives each chart its own pattern ids, so two charts on a page do not collide', () => {
    const [first, second] = svgs(html);
    expect(first).toContain('id="m1-against"');
    expect(second).toContain('id="m2-against"');
  });

  it('draws a bar per collège, the dropped one saying so in words', () => {
    const [r1] = svgs(html);
    expect(r1.match(/<g class="college/g)).toHaveLength(4);
    expect(r1).toContain('<g class="college dropped">');
    expect(r1).toContain('dropped: no vote cast');
    expect(r1).toContain('>2 for · 1 against</text>');
  });

  it('marks the required majority on the weighted bar', () => {
    const [r1, r2] = svgs(html);
    const at = (bp: number) => CHART_LAYOUT.barX + (CHART_LAYOUT.barWidth * bp) / 10000;
    expect(markers(r1).length).toBeGreaterThan(0);
    for (const m of markers(r1)) {
      expect(m.bp).toBe(6667);
      expect(m.x).toBeCloseTo(at(6667), 1);
    }
    expect(markers(r2).length).toBeGreaterThan(0);
    for (const m of markers(r2)) expect(m.x).toBeCloseTo(at(5000), 1);
    expect(r1).toContain('required 66.67 %');
    expect(r1).toContain('87.50 % for — ADOPTED');
    expect(r2).toContain('31.25 % for — REJECTED');
  });

  it('holds the same content as the Markdown: attendance, quorum, tallies, outcomes, digest, signatures', () => {
    expect(html).toContain('<tr><td>Dupont | Fils</td><td>B — Usagers</td><td>by mail</td></tr>');
    expect(html).toContain('<tr><td>Emma Leroy</td><td>B — Usagers</td><td>represented by Alice Martin</td></tr>');
    expect(html).toContain('<tr><td>Gaëlle Roux</td><td>C — Bénévoles</td><td>blank proxy</td></tr>');
    expect(html).toContain('Quorum: 58.33 % of the voters, counted in associates, required 20.00 % — met');
    expect(html).toContain(
      '<tr class="dropped"><td>D — Collectivités</td><td class="num">20.00 %</td><td class="num">0.00 %</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="num">0</td><td class="note">dropped: no vote cast</td></tr>',
    );
    expect(html).toContain('the outcome was decided exactly on the share for = 7/8.');
    expect(html).toContain('Outcome: ADOPTED <span class="fr" lang="fr">(résolution adoptée)</span>');
    expect(html).toContain('Outcome: REJECTED <span class="fr" lang="fr">(résolution rejetée)</span>');
    expect(html).toContain(`<code class="hash">${LEDGER_DIGEST}</code>`);
    expect(html).toContain('Président de séance');
    expect(html).toContain('Secrétaire');
    expect(html).not.toContain('DRAFT');
  });
});

describe('minutesHtml — SCOP and drafts', () => {
  it('draws the SCOP result without collèges and states the reduction factor', () => {
    const html = minutesHtml(scopView(), SCOP_COOP);
    expect(svgs(html)).toHaveLength(1);
    expect(markers(svgs(html)[0]).map((m) => m.bp)).toEqual([7500, 7500]);
    expect(html).toContain('reduced pro rata by the factor 35/39 (≈ 0.8974)');
    expect(html).toContain('<th>Associate</th><th>Mode</th>');
    expect(unbalancedTags(html)).toEqual([]);
  });

  it('marks a not-yet-closed assembly as a draft and charts only its closed resolutions', () => {
    const html = minutesHtml(openScicView(), SCIC_COOP);
    expect(html).toContain('Draft — assembly not closed');
    expect(html).toContain('<title>Procès-verbal — Les Tilleuls — Assemblée générale mixte du 2025-06-14 (draft)</title>');
    expect(html).toContain('<article class="resolution pending">');
    expect(html).toContain('Status: pending — not yet put to the vote');
    expect(svgs(html)).toHaveLength(1);
    expect(html).toContain('Not yet computed: the digest is taken when the assembly closes.');
    expect(unbalancedTags(html)).toEqual([]);
  });
});

describe('minutesHtml — SCOP-VOTES-65 on the register', () => {
  it('SCOP-VOTES-65: prints the weight 35/52 and explains the reduction once, under the quorum', () => {
    const html = minutesHtml(scopRegisterView(), SCOP_COOP);
    expect(html).toContain('<p class="voting-rights">Voting rights (SCOP-VOTES-65): the voter list holds 5 cooperators and 4 non-cooperators;');
    expect(html.split('Voting rights (SCOP-VOTES-65)').length - 1).toBe(1);
    expect(html).toContain('weighed 35/52');
  });
});

describe('minutesHtml — escaping', () => {
  function hostile(): AssemblyView {
    const view = scicView();
    view.title = '<img src=x onerror=alert(1)>';
    view.attendees[0] = { ...view.attendees[0], name: '<script>alert(1)</script>' };
    view.colleges[1] = { ...view.colleges[1], name: 'Usagers "<b>" & \'co\'' };
    view.resolutions[1] = { ...view.resolutions[1], id: 'r2"><script>', title: '</article><script>alert(2)</script>' };
    return view;
  }
  const html = minutesHtml(hostile(), { ...SCIC_COOP, name: 'Dupont | Fils <i>' });

  it('escapes every string that comes from data, in text, attributes and SVGs', () => {
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('represented by &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Dupont | Fils &lt;i&gt;');
    expect(html).toContain('&lt;/article&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('aria-label="Resolution r2&quot;&gt;&lt;script&gt; — votes by collège:');
    expect(svgs(html)[0]).toContain('B — Usagers &quot;&lt;b&gt;&quot; &amp; &#39;co&#39;');
  });

  it('stays well-formed whatever the data', () => {
    expect(unbalancedTags(html)).toEqual([]);
    expect(svgs(html)).toHaveLength(2);
  });
});
