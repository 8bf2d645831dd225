import { AssemblyView } from '@ledger/domain/assembly/assembly-view';
import { escapeMarkdown as md, markdownCode } from './escape';
import { DRAFT_NOTICE } from './minutes-labels';
import { MinutesCooperative, minutesModel, ResolutionMinutes } from './minutes-model';

/**
 * The procès-verbal of a general assembly as Markdown (`GET …/minutes`, text/markdown): what
 * a gérant prints and signs. Pure: the same view always gives the same text. A not-yet-closed
 * assembly renders as a draft with its pending resolutions.
 */
export function minutesMarkdown(view: AssemblyView, cooperative: MinutesCooperative): string {
  const m = minutesModel(view, cooperative);
  const out: string[] = [];
  out.push(`# Procès-verbal — ${md(m.cooperative)} (${md(m.form)})`, '');
  out.push(`## ${md(m.kind.fr)} (${md(m.kind.en)}) — ${md(m.call)} — ${md(m.heldOn)}`, '');
  if (m.draft) out.push(`> **${DRAFT_NOTICE.toUpperCase()}.** These minutes are not final and cannot be signed.`, '');
  out.push(`**${md(m.title)}** (assembly ${markdownCode(m.assemblyId)})`, '');
  for (const f of m.facts) out.push(`- ${md(f.label)}: ${md(f.value)}${f.code !== undefined ? ` ${markdownCode(f.code)}` : ''}`);
  out.push('');

  out.push('## Attendance (feuille de présence)', '');
  if (m.attendees.length === 0) {
    out.push('No attendance recorded.', '');
  } else {
    out.push(m.hasColleges ? '| Associate | Collège | Mode |' : '| Associate | Mode |');
    out.push(m.hasColleges ? '|---|---|---|' : '|---|---|');
    for (const a of m.attendees) out.push(m.hasColleges ? row([a.name, a.college, a.mode]) : row([a.name, a.mode]));
    out.push('');
  }

  out.push('## Quorum', '');
  out.push(`- ${md(m.quorum.breakdown)}`, `- **${md(m.quorum.result)}**`);
  if (m.quorum.votingRights) out.push(`- ${md(m.quorum.votingRights)}`);
  out.push('');

  out.push('## Resolutions', '');
  if (m.counting) out.push(md(m.counting), '');
  if (m.resolutions.length === 0) out.push('No resolution on the agenda.', '');
  for (const r of m.resolutions) out.push(...resolutionLines(r));

  out.push('## Ledger digest', '');
  if (m.digest === null) {
    out.push('Not yet computed: the digest is taken when the assembly closes.', '');
  } else {
    out.push(`sha256 ${markdownCode(m.digest)}`, '', md(m.digestSentence), '');
  }

  out.push('## Signatures', '');
  out.push('Président de séance (chair of the meeting) — name, date and signature:', '', '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .', '');
  out.push('Secrétaire (secretary) — name, date and signature:', '', '. . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . .', '');
  return out.join('\n');
}

function resolutionLines(r: ResolutionMinutes): string[] {
  const out = [`### Resolution ${markdownCode(r.id)} — ${md(r.title)}`, ''];
  out.push(`- Kind: ${md(r.kind)}`);
  if (r.method === null) {
    out.push(`- Status: ${md(r.status)}`, '');
    return out;
  }
  out.push(`- Method: ${md(r.method)}`, '');
  out.push('| Collège | Weight | Effective weight | For | Against | Abstain | Blank | Note |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const c of r.rows) {
    out.push(row([c.college, c.weight, c.effectiveWeight, String(c.for), String(c.against), String(c.abstain), String(c.blank), c.note]));
  }
  out.push('');
  for (const n of r.notes) out.push(`- ${md(n)}`);
  if (r.result) out.push(`- ${md(r.result)}`);
  if (r.exact) out.push(`- ${md(r.exact)}`);
  out.push('');
  if (r.outcome) out.push(`**Outcome: ${r.outcome.en} (résolution ${r.outcome.fr})**`, '');
  return out;
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => (c === '' ? ' ' : md(c))).join(' | ')} |`;
}
