import { escapeHtml as esc } from './escape';
import { Lang, percentBp } from './minutes-labels';
import { ResolutionChart } from './minutes-model';

/**
 * One resolution's result as an inline SVG: a stacked bar per collège (its ballots split
 * for / against / abstain / blank) and a bar for the weighted result with a marker at the
 * majority required. Printed minutes are often black and white, so the four choices differ
 * by fill pattern and tone, and every bar carries its figures in words.
 */

const WIDTH = 540;
const LABEL_W = 142;
const BAR_X = 150;
const BAR_W = 200;
const TEXT_X = BAR_X + BAR_W + 12;
const ROW_H = 19;
const BAR_H = 16;
const LEGEND_H = 20;

/** Where the bars sit in the SVG's user space: a marker at `bp` is at barX + barWidth × bp / 10000. */
export const CHART_LAYOUT = { barX: BAR_X, barWidth: BAR_W } as const;

type Choice = 'for' | 'against' | 'abstain' | 'blank';
const CHOICES: Choice[] = ['for', 'against', 'abstain', 'blank'];
const CHOICE_WORDS: Record<Lang, Record<Choice, string>> = {
  fr: { for: 'pour', against: 'contre', abstain: 'abstention', blank: 'blanc' },
  en: { for: 'for', against: 'against', abstain: 'abstain', blank: 'blank' },
};
const CHART_WORDS = {
  fr: { dropped: 'aucun suffrage : retiré', noBallot: 'aucun bulletin', required: 'requis', noVote: 'aucun suffrage exprimé', forShare: 'pour', byCollege: 'voix par collège' },
  en: { dropped: 'dropped: no vote cast', noBallot: 'no ballot', required: 'required', noVote: 'no vote cast', forShare: 'for', byCollege: 'votes by collège' },
};

/** `n` numbers this chart in the document: pattern ids must be unique across inline SVGs. */
export function resolutionChartSvg(chart: ResolutionChart, n: number, subject: string): string {
  const p = `m${n}`;
  const fills: Record<Choice, string> = { for: '#1a1a1a', against: `url(#${p}-against)`, abstain: '#b8b8b8', blank: `url(#${p}-blank)` };
  const rowsTop = LEGEND_H + 4;
  const overallTop = rowsTop + chart.bars.length * ROW_H + 22;
  const height = overallTop + BAR_H + 22;
  const summary = chartSummary(chart, subject);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${esc(summary)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`,
  );
  out.push(`<title>${esc(summary)}</title>`);
  out.push(
    '<defs>',
    `<pattern id="${p}-against" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#1a1a1a" stroke-width="2.5"></line></pattern>`,
    `<pattern id="${p}-blank" patternUnits="userSpaceOnUse" width="5" height="5"><rect width="5" height="5" fill="#ffffff"></rect><circle cx="2.5" cy="2.5" r="0.9" fill="#555555"></circle></pattern>`,
    '</defs>',
  );
  out.push(legend(fills, chart.lang));
  chart.bars.forEach((bar, i) => out.push(collegeBar(bar, rowsTop + i * ROW_H, fills, chart.lang)));
  out.push(overallBar(chart, overallTop, fills));
  out.push('</svg>');
  return out.join('\n');
}

function legend(fills: Record<Choice, string>, lang: Lang): string {
  let x = BAR_X;
  const items = CHOICES.map((c) => {
    const item = `<rect x="${x}" y="6" width="14" height="14" fill="${fills[c]}" stroke="#1a1a1a" stroke-width="0.8"></rect><text x="${x + 19}" y="17">${CHOICE_WORDS[lang][c]}</text>`;
    x += 19 + CHOICE_WORDS[lang][c].length * 7 + 16;
    return item;
  });
  return `<g class="legend">${items.join('')}</g>`;
}

function collegeBar(bar: ResolutionChart['bars'][number], y: number, fills: Record<Choice, string>, lang: Lang): string {
  const label = barLabel(bar.label, y);
  const total = bar.for + bar.against + bar.abstain + bar.blank;
  const frame = `<rect x="${BAR_X}" y="${y}" width="${BAR_W}" height="${BAR_H}" fill="none" stroke="#1a1a1a" stroke-width="0.8"></rect>`;
  if (bar.dropped || total === 0) {
    const why = bar.dropped ? CHART_WORDS[lang].dropped : CHART_WORDS[lang].noBallot;
    return `<g class="college dropped">${label}<rect x="${BAR_X}" y="${y}" width="${BAR_W}" height="${BAR_H}" fill="#ffffff" stroke="#1a1a1a" stroke-width="0.8" stroke-dasharray="3 3"></rect><text x="${BAR_X + 8}" y="${y + 12}" font-style="italic">${why}</text></g>`;
  }
  let x = BAR_X;
  const segments = CHOICES.filter((c) => bar[c] > 0).map((c) => {
    const w = (BAR_W * bar[c]) / total;
    const seg = `<rect x="${fmt(x)}" y="${y}" width="${fmt(w)}" height="${BAR_H}" fill="${fills[c]}" stroke="#ffffff" stroke-width="0.6"></rect>`;
    x += w;
    return seg;
  });
  const words = CHOICES.filter((c) => bar[c] > 0)
    .map((c) => `${bar[c]} ${CHOICE_WORDS[lang][c]}`)
    .join(' · ');
  return `<g class="college">${label}${segments.join('')}${frame}<text x="${TEXT_X}" y="${y + 12}">${words}</text></g>`;
}

function overallBar(chart: ResolutionChart, y: number, fills: Record<Choice, string>): string {
  const forW = chart.votesCast ? (BAR_W * clampBp(chart.forBp)) / 10000 : 0;
  const markerX = BAR_X + (BAR_W * clampBp(chart.requiredBp)) / 10000;
  const out = [`<g class="overall">`];
  out.push(`<line x1="0" y1="${y - 12}" x2="${WIDTH}" y2="${y - 12}" stroke="#999999" stroke-width="0.6"></line>`);
  out.push(`<text x="${LABEL_W}" y="${y + 12}" text-anchor="end" font-weight="bold">${esc(chart.overallLabel)}</text>`);
  if (chart.votesCast) {
    out.push(`<rect x="${BAR_X}" y="${y}" width="${fmt(forW)}" height="${BAR_H}" fill="${fills.for}"></rect>`);
    out.push(`<rect x="${fmt(BAR_X + forW)}" y="${y}" width="${fmt(BAR_W - forW)}" height="${BAR_H}" fill="${fills.against}"></rect>`);
  }
  out.push(`<rect x="${BAR_X}" y="${y}" width="${BAR_W}" height="${BAR_H}" fill="none" stroke="#1a1a1a" stroke-width="1"></rect>`);
  for (const bp of [0, 2500, 5000, 7500, 10000]) {
    const tx = BAR_X + (BAR_W * bp) / 10000;
    out.push(`<line x1="${fmt(tx)}" y1="${y + BAR_H}" x2="${fmt(tx)}" y2="${y + BAR_H + 4}" stroke="#1a1a1a" stroke-width="0.8"></line>`);
    out.push(`<text x="${fmt(tx)}" y="${y + BAR_H + 15}" text-anchor="middle" font-size="10">${bp / 100} %</text>`);
  }
  // White under black: the marker stays visible across the black "for" segment when printed.
  out.push(
    `<line class="required-marker" data-required-bp="${chart.requiredBp}" x1="${fmt(markerX)}" y1="${y - 7}" x2="${fmt(markerX)}" y2="${y + BAR_H + 5}" stroke="#ffffff" stroke-width="5"></line>`,
    `<line class="required-marker" data-required-bp="${chart.requiredBp}" x1="${fmt(markerX)}" y1="${y - 7}" x2="${fmt(markerX)}" y2="${y + BAR_H + 5}" stroke="#1a1a1a" stroke-width="2"></line>`,
    `<text x="${fmt(markerX)}" y="${y - 9}" text-anchor="middle" font-size="11">${CHART_WORDS[chart.lang].required} ${percentBp(chart.requiredBp, chart.lang)}</text>`,
  );
  const verdict = chart.votesCast ? `${percentBp(chart.forBp, chart.lang)} ${CHART_WORDS[chart.lang].forShare}` : CHART_WORDS[chart.lang].noVote;
  out.push(`<text x="${TEXT_X}" y="${y + 12}" font-weight="bold">${verdict}</text>`);
  out.push('</g>');
  return out.join('');
}

function chartSummary(chart: ResolutionChart, subject: string): string {
  const w = CHOICE_WORDS[chart.lang];
  const t = CHART_WORDS[chart.lang];
  const bars = chart.bars.map((b) => (b.dropped ? `${b.label}: ${t.dropped}` : `${b.label}: ${b.for} ${w.for}, ${b.against} ${w.against}, ${b.abstain} ${w.abstain}, ${b.blank} ${w.blank}`));
  const overall = chart.votesCast ? `${percentBp(chart.forBp, chart.lang)} ${t.forShare}` : t.noVote;
  return `${subject} — ${t.byCollege}: ${bars.join('; ')}. ${chart.overallLabel} ${overall}, ${t.required} ${percentBp(chart.requiredBp, chart.lang)}.${chart.outcome ? ` ${chart.outcome}` : ''}`;
}

/**
 * A collège's name beside its bar, never cut: on one line when it fits the label column
 * (about 20 characters at this size), else on two lines broken at a space, in a smaller size.
 */
function barLabel(text: string, y: number): string {
  const chars = Array.from(text);
  if (chars.length <= 20) return `<text x="${LABEL_W}" y="${y + 12}" text-anchor="end">${esc(text)}</text>`;
  const words = text.split(' ');
  let first = '';
  while (words.length > 1 && Array.from(`${first} ${words[0]}`.trim()).length <= Math.ceil(chars.length / 2) + 4) first = `${first} ${words.shift()}`.trim();
  if (first === '') first = words.shift() ?? '';
  const second = words.join(' ');
  return `<text x="${LABEL_W}" y="${y + 6}" text-anchor="end" font-size="10"><tspan x="${LABEL_W}" dy="0">${esc(first)}</tspan><tspan x="${LABEL_W}" dy="11">${esc(second)}</tspan></text>`;
}

function clampBp(bp: number): number {
  return Math.min(10000, Math.max(0, bp));
}

/** Coordinates with at most two decimals, so the markup stays stable and readable. */
function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
