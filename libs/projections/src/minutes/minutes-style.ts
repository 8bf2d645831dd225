import { Lang } from './minutes-labels';

/** A CSS string literal: the cooperative's name goes into the page footer, so it is quoted here, never pasted. */
function cssString(text: string): string {
  return `"${Array.from(text)
    .map((ch) => (/[A-Za-z0-9 .,'’()-]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join('')}"`;
}

/**
 * The stylesheet inlined in the HTML minutes: an A4 page on screen, the same page on paper, with
 * "page n/N" at each page's foot. Nothing depends on colour: the document must survive a
 * black-and-white office printer. Headings never end a page (break-after: avoid), a resolution
 * never splits, and `.closing` — the last resolution, the digest and the signatures — prints on
 * one page.
 */
export function minutesCss(lang: Lang, cooperative: string): string {
  const page = lang === 'fr' ? 'page' : 'page';
  return `
@page {
  size: A4;
  margin: 14mm 15mm 16mm;
  @bottom-left { content: ${cssString(cooperative)}; font: 7.5pt Helvetica, Arial, sans-serif; color: #333; }
  @bottom-right { content: "${page} " counter(page) "/" counter(pages); font: 8pt Helvetica, Arial, sans-serif; }
}
* { box-sizing: border-box; }
html { background: #e9e9e6; }
body { margin: 0; padding: 24px 0; color: #111; font: 9pt/1.35 Georgia, "DejaVu Serif", "Times New Roman", serif; }
.page { max-width: 190mm; margin: 0 auto; padding: 16mm 15mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
h1, h2, h3 { font-family: Helvetica, Arial, "DejaVu Sans", sans-serif; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 13pt; margin: 6px 0 2px; }
h2 { font-size: 10pt; margin: 10px 0 4px; padding-bottom: 2px; border-bottom: 1.2px solid #111; text-transform: uppercase; letter-spacing: .04em; }
h2.minor { font-size: 9.5pt; border-bottom: none; margin: 8px 0 2px; }
h3 { font-size: 9.5pt; margin: 0 0 4px; }
h3 .kind { font-weight: normal; }
.coop { font: bold 13pt Helvetica, Arial, "DejaVu Sans", sans-serif; margin: 0; }
.mentions { margin: 2px 0 6px; font-size: 8.5pt; }
.subheading { margin: 0 0 6px; font-style: italic; }
.preamble p { margin: 2px 0; }
p.bureau { margin: 4px 0 0; }
p.bureau .role { font-weight: bold; }
p.bureau .sep { padding: 0 6px; }
.blank { display: inline-block; min-width: 38mm; border-bottom: 1px dotted #111; height: 1em; }
ol.agenda { margin: 2px 0 0; padding-left: 18px; }
.draft { border: 3px double #111; padding: 6px 10px; margin: 0 0 10px; font: bold 10pt Helvetica, Arial, sans-serif; text-align: center; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: bold 90pt Helvetica, Arial, sans-serif; color: rgba(0,0,0,.07); transform: rotate(-28deg); pointer-events: none; z-index: 0; }
code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 7.5pt; word-break: break-all; }
pre.command { margin: 4px 0; padding: 4px 6px; border: 1px solid #777; white-space: pre-wrap; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 6px; font-size: 8.5pt; }
th, td { border: 1px solid #555; padding: 1px 5px; text-align: left; vertical-align: top; }
th { background: #eeeeee; font-family: Helvetica, Arial, "DejaVu Sans", sans-serif; font-size: 7.5pt; text-transform: uppercase; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.tally td.note { font-size: 7.5pt; }
tr.dropped td { color: #444; font-style: italic; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section, .quorum { break-inside: avoid-page; }
#resolutions { break-inside: auto; }
.quorum p { margin: 2px 0; }
.verdict { font-weight: bold; }
.counting { margin: 2px 0 6px; font-size: 8.5pt; }
.resolution { border: 1px solid #999; padding: 6px 9px 8px; margin: 0 0 8px; break-inside: avoid; page-break-inside: avoid; }
blockquote.text { margin: 2px 0 4px; padding: 2px 0 2px 8px; border-left: 2.5px solid #111; }
blockquote.text p { margin: 0 0 2px; }
.resolution .meta { margin: 0 0 2px; color: #222; }
ul.notes { margin: 2px 0 3px; padding-left: 16px; font-size: 8pt; line-height: 1.3; }
ul.notes li { margin: 0; }
.chart { display: block; width: 100%; max-width: 104mm; height: auto; margin: 0 0 2px; }
.outcome { display: inline-block; margin: 2px 0 0; padding: 3px 10px; font: bold 9.5pt Helvetica, Arial, "DejaVu Sans", sans-serif; }
.outcome.adopted { border: 2.5px solid #111; }
.outcome.rejected { border: 2.5px dashed #111; }
.outcome.not-voted { border: 1.5px dotted #111; font-weight: normal; font-style: italic; }
.resolution.pending { border-style: dashed; }
.adjournment { border: 1.5px solid #111; padding: 4px 8px; font-weight: bold; }
.digest p { margin: 2px 0; font-size: 8.5pt; }
.closing, .keep { break-inside: avoid; page-break-inside: avoid; }
.signatures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin-top: 4px; }
.signature { border: 1px solid #999; padding: 5px 8px; min-height: 30mm; }
.signature .role { font-weight: bold; margin: 0; font-size: 8.5pt; }
.signature .name { margin: 2px 0 0; }
.signature .line { margin: 12mm 0 0; border-top: 1px dotted #111; padding-top: 1px; font-size: 7.5pt; color: #333; }
@media print {
  html, body { background: #fff; padding: 0; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { color: inherit; text-decoration: none; }
}
`;
}
