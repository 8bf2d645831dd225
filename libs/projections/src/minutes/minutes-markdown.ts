import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { escapeMarkdown as md, markdownCode } from './escape';
import { Lang } from './minutes-labels';
import { MinutesCooperative, minutesModel, ResolutionMinutes } from './minutes-model';

const BLANK = '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .';

/**
 * The procès-verbal of a general assembly as Markdown (`GET …/minutes?format=md`, text/markdown):
 * the same content as the HTML, without the charts. Pure: the same view always gives the same
 * text. A not-yet-closed assembly renders as a draft with its pending resolutions.
 */
export function minutesMarkdown(view: AssemblyView, cooperative: MinutesCooperative, lang: Lang = 'fr'): string {
  const m = minutesModel(view, cooperative, lang);
  const out: string[] = [];
  out.push(`# ${md(m.cooperative)}`, '');
  for (const line of m.legalMentions) out.push(`${md(line)}  `);
  out.push('');
  out.push(`## ${md(m.heading)}`, '');
  if (m.draft) out.push(`> **${md(m.draftNotice)}**`, '');
  out.push(`*${md(m.subheading)}*`, '');
  for (const p of m.preamble) out.push(md(p), '');
  for (const b of m.bureau) out.push(`- **${md(b.role)}** : ${b.name === null ? BLANK : md(b.name)}`);
  out.push('');
  out.push(`### ${md(m.agendaTitle)}`, '');
  m.agenda.forEach((a, i) => out.push(`${i + 1}. ${md(a)}`));
  out.push('');

  out.push(`## ${md(m.attendanceTitle)}`, '');
  if (m.attendees.length === 0) {
    out.push(md(m.attendanceEmpty), '');
  } else {
    const h = m.attendanceHead;
    out.push(m.hasColleges ? row([h.name, h.college, h.mode]) : row([h.name, h.mode]));
    out.push(m.hasColleges ? '|---|---|---|' : '|---|---|');
    for (const a of m.attendees) out.push(m.hasColleges ? row([a.name, a.college, a.mode]) : row([a.name, a.mode]));
    out.push('');
  }

  out.push(`## ${md(m.quorumTitle)}`, '');
  out.push(`- ${md(m.quorum.breakdown)}`);
  for (const l of m.quorum.lines) out.push(`- **${md(l.text)}**`);
  if (m.quorum.votingRights) out.push(`- ${md(m.quorum.votingRights)}`);
  out.push('');

  out.push(`## ${md(m.resolutionsTitle)}`, '');
  if (m.counting) out.push(md(m.counting), '');
  for (const r of m.resolutions) out.push(...resolutionLines(r, m.tableHead, lang));
  if (m.adjournment) out.push(`**${md(m.adjournment)}**`, '');

  out.push(`## ${md(m.digestTitle)}`, '');
  const [first, ...rest] = m.digest.lines;
  out.push(md(first), '');
  if (m.digest.hash) out.push(markdownCode(m.digest.hash), '');
  for (const l of rest) out.push(md(l), '');
  if (m.digest.command) out.push('```sh', m.digest.command, '```', '');

  out.push(`## ${md(m.signaturesTitle)}`, '');
  for (const s of m.signatures) out.push(`**${md(s.role)}**${s.name === null ? '' : ` — ${md(s.name)}`} — ${md(m.signatureLine.toLowerCase())} :`, '', BLANK, '');
  return out.join('\n');
}

function resolutionLines(r: ResolutionMinutes, head: string[], lang: Lang): string[] {
  const out = [`### ${md(r.heading)} (${md(r.kind)}) — ${md(r.title)}`, ''];
  for (const p of r.text.split(/\n+/)) out.push(`> ${md(p)}`);
  out.push('');
  if (r.pending) out.push(`*${md(r.pending)}*`, '');
  if (r.method !== null) {
    out.push(`${lang === 'fr' ? 'Vote' : 'Method'} : ${md(r.method)}`, '');
    out.push(row(head));
    out.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const c of r.rows) out.push(row([c.college, c.weight, c.effectiveWeight, String(c.for), String(c.against), String(c.abstain), String(c.blank), c.note]));
    out.push('');
    for (const n of r.notes) out.push(`- ${md(n)}`);
    out.push('');
  }
  if (r.outcome) out.push(`**${md(r.outcome.text)}**`, '');
  return out;
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : md(c))).join(' | ')} |`;
}
