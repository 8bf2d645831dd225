import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { escapeHtml as esc } from './escape';
import { resolutionChartSvg } from './minutes-chart';
import { DRAFT_NOTICE } from './minutes-labels';
import { MinutesCooperative, minutesModel, MinutesModel, ResolutionMinutes } from './minutes-model';
import { MINUTES_CSS } from './minutes-style';

/**
 * The procès-verbal as one self-contained, printable HTML5 page (`GET …/minutes`, text/html):
 * the Markdown's content, plus a bar chart per closed resolution. No external asset and no
 * script, so the file prints the same offline in ten years. Every data string is escaped.
 */
export function minutesHtml(view: AssemblyView, cooperative: MinutesCooperative): string {
  const m = minutesModel(view, cooperative);
  const docTitle = `Procès-verbal — ${m.cooperative} — ${m.kind.fr} du ${m.heldOn}${m.draft ? ' (draft)' : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(docTitle)}</title>`,
    `<style>${MINUTES_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    header(m),
    attendance(m),
    quorum(m),
    resolutions(m),
    digest(m),
    signatures(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(m: MinutesModel): string {
  const facts = m.facts
    .map((f) => `<dt>${esc(f.label)}</dt><dd>${esc(f.value)}${f.code !== undefined ? `<br><code class="hash">${esc(f.code)}</code>` : ''}</dd>`)
    .join('\n');
  const draft = m.draft
    ? `<div class="watermark" aria-hidden="true">DRAFT</div>\n<div class="draft" role="note">${esc(DRAFT_NOTICE)}<span>These minutes are not final and cannot be signed.</span></div>\n`
    : '';
  return `<header>
${draft}<p class="coop">${esc(m.cooperative)} <span class="form">· ${esc(m.form)}</span></p>
<h1>Procès-verbal <span class="en">(minutes)</span></h1>
<p class="kind"><strong>${esc(m.kind.fr)}</strong> <span class="en">(${esc(m.kind.en)})</span> — ${esc(m.call)} — ${esc(m.heldOn)}</p>
<p class="assembly-title">${esc(m.title)} <span class="en">(assembly <code>${esc(m.assemblyId)}</code>)</span></p>
<dl class="facts">
${facts}
</dl>
</header>`;
}

function attendance(m: MinutesModel): string {
  if (m.attendees.length === 0) return section('attendance', 'Attendance <span class="en">(feuille de présence)</span>', '<p>No attendance recorded.</p>');
  const head = `<tr><th>Associate</th>${m.hasColleges ? '<th>Collège</th>' : ''}<th>Mode</th></tr>`;
  const rows = m.attendees
    .map((a) => `<tr><td>${esc(a.name)}</td>${m.hasColleges ? `<td>${esc(a.college)}</td>` : ''}<td>${esc(a.mode)}</td></tr>`)
    .join('\n');
  return section('attendance', 'Attendance <span class="en">(feuille de présence)</span>', `<table>\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`);
}

function quorum(m: MinutesModel): string {
  const rights = m.quorum.votingRights ? `\n<p class="voting-rights">${esc(m.quorum.votingRights)}</p>` : '';
  return section('quorum', 'Quorum', `<div class="quorum"><p>${esc(m.quorum.breakdown)}</p>\n<p class="verdict">${esc(m.quorum.result)}</p>${rights}</div>`);
}

function resolutions(m: MinutesModel): string {
  const intro = m.counting ? `<p>${esc(m.counting)}</p>\n` : '';
  const body = m.resolutions.length === 0 ? '<p>No resolution on the agenda.</p>' : m.resolutions.map((r, i) => resolution(r, i + 1)).join('\n');
  return section('resolutions', 'Resolutions', intro + body);
}

function resolution(r: ResolutionMinutes, n: number): string {
  const heading = `<h3>Resolution <code>${esc(r.id)}</code> — ${esc(r.title)}</h3>`;
  if (r.method === null || r.chart === null) {
    return `<article class="resolution pending">\n${heading}\n<p class="meta">Kind: ${esc(r.kind)} · Status: ${esc(r.status)}</p>\n</article>`;
  }
  const head =
    '<tr><th>Collège</th><th class="num">Weight</th><th class="num">Effective weight</th><th class="num">For</th><th class="num">Against</th><th class="num">Abstain</th><th class="num">Blank</th><th>Note</th></tr>';
  const rows = r.rows
    .map((c) => {
      const nums = [c.weight, c.effectiveWeight, c.for, c.against, c.abstain, c.blank].map((v) => `<td class="num">${esc(String(v))}</td>`).join('');
      return `<tr${c.note ? ' class="dropped"' : ''}><td>${esc(c.college)}</td>${nums}<td class="note">${esc(c.note)}</td></tr>`;
    })
    .join('\n');
  const notes = [...r.notes, ...(r.result ? [r.result] : []), ...(r.exact ? [r.exact] : [])].map((t) => `<li>${esc(t)}</li>`).join('\n');
  const outcome = r.outcome
    ? `<p class="outcome ${r.outcome.en === 'ADOPTED' ? 'adopted' : 'rejected'}">Outcome: ${esc(r.outcome.en)} <span class="fr" lang="fr">(résolution ${esc(r.outcome.fr)})</span></p>`
    : '';
  return `<article class="resolution">
${heading}
<p class="meta">Kind: ${esc(r.kind)} · Method: ${esc(r.method)}</p>
<table class="tally">
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table>
${resolutionChartSvg(r.chart, n, `Resolution ${r.id}`)}
<ul>
${notes}
</ul>
${outcome}
</article>`;
}

function digest(m: MinutesModel): string {
  const body =
    m.digest === null
      ? '<p>Not yet computed: the digest is taken when the assembly closes.</p>'
      : `<p>sha256 <code class="hash">${esc(m.digest)}</code></p>\n<p>${esc(m.digestSentence)}</p>`;
  return section('digest', 'Ledger digest', `<div class="digest">${body}</div>`);
}

function signatures(): string {
  const box = (role: string, en: string) =>
    `<div class="signature"><p class="role">${role} <span class="en">(${en})</span></p><p class="line">Name</p><p class="line">Date</p><p class="line">Signature</p></div>`;
  return section('signatures', 'Signatures', `<div class="signatures">${box('Président de séance', 'chair of the meeting')}${box('Secrétaire', 'secretary')}</div>`);
}

/** `title` is fixed markup written here, never data. */
function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${title}</h2>\n${body}\n</section>`;
}
