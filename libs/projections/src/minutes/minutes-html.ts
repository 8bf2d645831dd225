import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { escapeHtml as esc } from './escape';
import { resolutionChartSvg } from './minutes-chart';
import { Lang } from './minutes-labels';
import { MinutesCooperative, minutesModel, MinutesModel, ResolutionMinutes } from './minutes-model';
import { minutesCss } from './minutes-style';

/**
 * The procès-verbal as one self-contained, printable HTML5 page (`GET …/minutes`, text/html):
 * the Markdown's content, plus a bar chart per voted resolution. No external asset and no
 * script, so the file prints the same offline in ten years. Every data string is escaped.
 * Printed on A4: numbered pages, no heading alone at a page foot, and the last resolution, the
 * digest and the signature block kept on one page (`.closing`).
 */
export function minutesHtml(view: AssemblyView, cooperative: MinutesCooperative, lang: Lang = 'fr'): string {
  const m = minutesModel(view, cooperative, lang);
  const last = m.resolutions[m.resolutions.length - 1];
  const others = m.resolutions.slice(0, -1);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(`${m.cooperative} — ${m.heading}${m.draft ? ` (${lang === 'fr' ? 'projet' : 'draft'})` : ''}`)}</title>`,
    `<style>${minutesCss(lang, m.cooperative)}</style>`,
    '</head>',
    '<body>',
    '<main class="page">',
    header(m),
    preamble(m),
    attendance(m),
    quorum(m),
    resolutionsSection(m, others, last),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(m: MinutesModel): string {
  const draft = m.draft ? `<div class="watermark" aria-hidden="true">${m.lang === 'fr' ? 'PROJET' : 'DRAFT'}</div>\n<div class="draft" role="note">${esc(m.draftNotice)}</div>\n` : '';
  return `<header>
${draft}<p class="coop">${esc(m.cooperative)}</p>
<p class="mentions">${m.legalMentions.map(esc).join('<br>')}</p>
<h1>${esc(m.heading)}</h1>
<p class="subheading">${esc(m.subheading)}</p>
</header>`;
}

function preamble(m: MinutesModel): string {
  const paragraphs = m.preamble.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const bureau = m.bureau.map((b) => `<span class="role">${esc(b.role)} :</span> ${b.name === null ? '<span class="blank"></span>' : esc(b.name)}`).join('<span class="sep">·</span>');
  const agenda = m.agenda.map((a) => `<li>${esc(a)}</li>`).join('\n');
  return `<section id="preamble" class="preamble">
${paragraphs}
<p class="bureau">${bureau}</p>
<h2 class="minor">${esc(m.agendaTitle)}</h2>
<ol class="agenda">
${agenda}
</ol>
</section>`;
}

function attendance(m: MinutesModel): string {
  if (m.attendees.length === 0) return section('attendance', m.attendanceTitle, `<p>${esc(m.attendanceEmpty)}</p>`);
  const h = m.attendanceHead;
  const head = `<tr><th>${esc(h.name)}</th>${m.hasColleges ? `<th>${esc(h.college)}</th>` : ''}<th>${esc(h.mode)}</th></tr>`;
  const rows = m.attendees.map((a) => `<tr><td>${esc(a.name)}</td>${m.hasColleges ? `<td>${esc(a.college)}</td>` : ''}<td>${esc(a.mode)}</td></tr>`).join('\n');
  return section('attendance', m.attendanceTitle, `<table class="attendance">\n<thead>${head}</thead>\n<tbody>\n${rows}\n</tbody>\n</table>`);
}

function quorum(m: MinutesModel): string {
  const lines = m.quorum.lines.map((l) => `<p class="verdict${l.met === false ? ' not-met' : ''}">${esc(l.text)}</p>`).join('\n');
  const rights = m.quorum.votingRights ? `\n<p class="voting-rights">${esc(m.quorum.votingRights)}</p>` : '';
  return section('quorum', m.quorumTitle, `<div class="quorum"><p>${esc(m.quorum.breakdown)}</p>\n${lines}${rights}</div>`);
}

function adjournment(m: MinutesModel): string {
  return m.adjournment ? `<p class="adjournment">${esc(m.adjournment)}</p>\n` : '';
}

function resolution(r: ResolutionMinutes, n: number, m: MinutesModel): string {
  const heading = `<h3>${esc(r.heading)} <span class="kind">(${esc(r.kind)})</span> — ${esc(r.title)}</h3>`;
  const text = `<blockquote class="text">${r.text
    .split(/\n+/)
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</blockquote>`;
  const outcome = r.outcome ? `<p class="outcome ${r.outcome.code.replace('_', '-')}">${esc(r.outcome.text)}</p>` : '';
  if (r.chart === null || r.method === null) {
    const pending = r.pending ? `<p class="meta">${esc(r.pending)}</p>` : '';
    return `<article class="resolution${r.outcome ? '' : ' pending'}" id="resolution-${esc(r.id)}">\n${heading}\n${text}\n${pending}${outcome}\n</article>`;
  }
  const head = `<tr>${m.tableHead.map((h, i) => `<th${i > 0 && i < 7 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr>`;
  const rows = r.rows
    .map((c) => {
      const nums = [c.weight, c.effectiveWeight, c.for, c.against, c.abstain, c.blank].map((v) => `<td class="num">${esc(String(v))}</td>`).join('');
      return `<tr${c.note ? ' class="dropped"' : ''}><td>${esc(c.college)}</td>${nums}<td class="note">${esc(c.note)}</td></tr>`;
    })
    .join('\n');
  const notes = [m.lang === 'fr' ? `Vote par ${r.method}.` : `Voted by ${r.method}.`, ...r.notes].map((t) => `<li>${esc(t)}</li>`).join('\n');
  return `<article class="resolution" id="resolution-${esc(r.id)}">
${heading}
${text}
<div class="tally-and-chart">
<table class="tally">
<thead>${head}</thead>
<tbody>
${rows}
</tbody>
</table>
${resolutionChartSvg(r.chart, n, r.heading)}
</div>
<ul class="notes">
${notes}
</ul>
${outcome}
</article>`;
}

/**
 * The deliberations. Their heading travels with the first resolution (a heading never ends a
 * page), and the last resolution, the digest and the signatures form one unbreakable block:
 * the signatures never print alone, away from what they sign.
 */
function resolutionsSection(m: MinutesModel, others: ResolutionMinutes[], last: ResolutionMinutes | undefined): string {
  const head = `<h2>${esc(m.resolutionsTitle)}</h2>\n${m.counting ? `<p class="counting">${esc(m.counting)}</p>\n` : ''}`;
  const [first, ...middle] = others;
  const opening = first ? `<div class="keep">\n${head}${resolution(first, 1, m)}\n</div>\n${middle.map((r, i) => resolution(r, i + 2, m)).join('\n')}` : '';
  const closing = `<div class="closing">\n${first ? '' : head}${last ? resolution(last, m.resolutions.length, m) : ''}\n${adjournment(m)}${digest(m)}\n${signatures(m)}\n</div>`;
  return `<section id="resolutions">\n${opening}\n${closing}\n</section>`;
}

function digest(m: MinutesModel): string {
  const d = m.digest;
  const [first, ...rest] = d.lines;
  const body = [
    `<p>${esc(first)}${d.hash ? `<br><code class="hash">${esc(d.hash)}</code>` : ''}</p>`,
    ...rest.map((l) => `<p>${esc(l)}</p>`),
    ...(d.command ? [`<pre class="command"><code>${esc(d.command)}</code></pre>`] : []),
  ].join('\n');
  return section('digest', m.digestTitle, `<div class="digest">${body}</div>`);
}

function signatures(m: MinutesModel): string {
  const boxes = m.signatures
    .map((s) => `<div class="signature"><p class="role">${esc(s.role)}</p><p class="name">${s.name === null ? '<span class="blank"></span>' : esc(s.name)}</p><p class="line">${esc(m.signatureLine)}</p></div>`)
    .join('');
  return section('signatures', m.signaturesTitle, `<div class="signatures">${boxes}</div>`);
}

/** `title` is escaped here: the words are fixed, but one escaping rule for every string is simpler to trust. */
function section(id: string, title: string, body: string): string {
  return `<section id="${id}">\n<h2>${esc(title)}</h2>\n${body}\n</section>`;
}
