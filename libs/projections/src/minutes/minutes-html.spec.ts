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

describe('minutesHtml — the procès-verbal in French (default)', () => {
  const html = minutesHtml(scicView(), SCIC_COOP);

  it('is a complete HTML5 document in French, titled after the cooperative and the AG', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<title>Les Tilleuls — Procès-verbal des délibérations de l’assemblée générale mixte du 14 juin 2025</title>');
  });

  it('is self-contained and printable: inline CSS with A4 pages numbered "page n/N", no script, no external asset', () => {
    expect(html).toContain('size: A4');
    expect(html).toContain('"page " counter(page) "/" counter(pages)');
    expect(html).not.toMatch(/<script|<link|src=|href=/);
  });

  it('closes every element it opens, tables and SVGs included', () => expect(unbalancedTags(html)).toEqual([]));

  it('prints the legal header, the place, the notice, the bureau lines to fill and the agenda', () => {
    expect(html).toContain('Société coopérative d’intérêt collectif (SCIC), société par actions simplifiée (SAS) à capital variable');
    expect(html).toContain('au lieu suivant : Salle du conseil, 3 place des Tilleuls, 69003 Lyon.');
    expect(html).toContain('Ils ont été convoqués par lettre le 20 mai 2025, soit 25 jours avant l’assemblée (délai de convocation des statuts : 15 jours — AG-NOTICE).');
    expect(html).toContain('<span class="role">Président(e) de séance :</span> <span class="blank"></span>');
    expect(html).toContain('<li>Première résolution (extraordinaire) : Amend article 14 of the statuts (collège weights)</li>');
  });

  it('prints each quorum apart, with a decimal comma', () => {
    expect(html).toContain('Quorum de la partie ordinaire : 58,33 % présents ou représentés ; requis 20,00 % — atteint.');
    expect(html).toContain('Quorum de la partie extraordinaire : 58,33 % présents ou représentés ; requis 25,00 % — atteint.');
  });

  it('prints each resolution’s text, its table, one chart with its own pattern ids, and its outcome in French', () => {
    expect(html).toContain('<blockquote class="text"><p>The assembly resolves: Sell the delivery van.</p></blockquote>');
    const charts = svgs(html);
    expect(charts).toHaveLength(2);
    expect(charts[0]).toContain('id="m1-against"');
    expect(charts[1]).toContain('id="m2-against"');
    expect(html).toContain('<p class="outcome adopted">Cette résolution est adoptée.</p>');
    expect(html).toContain('<p class="outcome rejected">Cette résolution est rejetée.</p>');
  });

  it('names each collège whole on the chart, and the dropped one in words', () => {
    expect(svgs(html)[0]).toContain('>Collectivités</text>');
    expect(svgs(html)[0]).toContain('aucun suffrage : retiré');
  });

  it('marks the required majority on the weighted bar', () => {
    const [marker] = markers(svgs(html)[0]);
    expect(marker.bp).toBe(6667);
    expect(marker.x).toBeCloseTo(CHART_LAYOUT.barX + (CHART_LAYOUT.barWidth * 6667) / 10000, 1);
  });

  it('prints the digest with its position and the auditor’s command, then the signatures, in one block', () => {
    const closing = html.slice(html.indexOf('<div class="closing">'));
    expect(closing).toContain('Deuxième résolution');
    expect(closing).toContain(LEDGER_DIGEST);
    expect(closing).toContain('à la position 128 du journal');
    expect(closing).toContain('verification?at=128');
    expect(closing).toContain('<h2>Signatures</h2>');
  });
});

describe('minutesHtml — English on request, SCOP and drafts', () => {
  it('renders in English with ?lang=en', () => {
    const html = minutesHtml(scicView(), SCIC_COOP, 'en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Minutes of the proceedings of the combined general meeting of 14 June 2025');
    expect(html).toContain('This resolution is adopted.');
  });

  it('draws the SCOP result without collèges and states the reduction factor', () => {
    const html = minutesHtml(scopView(), SCOP_COOP);
    expect(svgs(html)).toHaveLength(1);
    expect(html).toContain('35/39');
  });

  it('marks a not-yet-closed assembly as a draft and charts only its closed resolutions', () => {
    const html = minutesHtml(openScicView(), SCIC_COOP);
    expect(html).toContain('PROJET');
    expect(svgs(html)).toHaveLength(1);
    expect(html).toContain('Pas encore calculée');
  });

  it('SCOP-VOTES-65: prints the weight 35/52 and explains the reduction once, under the quorum', () => {
    const html = minutesHtml(scopRegisterView(), SCOP_COOP);
    expect(html.split('Droits de vote (SCOP-VOTES-65)').length - 1).toBe(1);
    expect(html).toContain('35/52');
  });
});

describe('minutesHtml — escaping', () => {
  function hostile(): AssemblyView {
    const view = scicView();
    view.title = '<img src=x onerror=alert(1)>';
    view.attendees[0] = { ...view.attendees[0], name: '<script>alert(1)</script>' };
    view.colleges[1] = { ...view.colleges[1], name: 'Usagers "<b>" & \'co\'' };
    view.resolutions[1] = { ...view.resolutions[1], id: 'r2"><script>', title: '</article><script>alert(2)</script>', text: '<b>bold</b>' };
    return view;
  }
  const html = minutesHtml(hostile(), { ...SCIC_COOP, name: 'Dupont | Fils <i>' });

  it('escapes every string that comes from data, in text, attributes and SVGs', () => {
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(html).toContain('représenté(e) par &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Dupont | Fils &lt;i&gt;');
    expect(html).toContain('&lt;/article&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('id="resolution-r2&quot;&gt;&lt;script&gt;"');
    expect(svgs(html)[0]).toContain('Usagers &quot;&lt;b&gt;&quot; &amp; &#39;co&#39;');
  });

  it('stays well-formed whatever the data', () => {
    expect(unbalancedTags(html)).toEqual([]);
    expect(svgs(html)).toHaveLength(2);
  });
});
