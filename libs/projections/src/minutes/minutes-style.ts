/**
 * The stylesheet inlined in the HTML minutes: an A4 page on screen, the same page on paper.
 * Nothing depends on colour: the document must survive a black-and-white office printer.
 */
export const MINUTES_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { background: #e9e9e6; }
body { margin: 0; padding: 24px 0; color: #111; font: 10.5pt/1.45 Georgia, "Times New Roman", serif; }
.page { max-width: 190mm; margin: 0 auto; padding: 18mm 16mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
h1, h2, h3 { font-family: Helvetica, Arial, sans-serif; line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 19pt; margin: 0 0 2px; }
h2 { font-size: 12.5pt; margin: 22px 0 8px; padding-bottom: 3px; border-bottom: 1.5px solid #111; text-transform: uppercase; letter-spacing: .04em; }
h3 { font-size: 11pt; margin: 0 0 6px; }
.en { font-weight: normal; color: #444; }
.coop { font: bold 15pt Helvetica, Arial, sans-serif; margin: 0 0 12px; letter-spacing: .01em; }
.coop .form { font-weight: normal; color: #333; }
.kind { font-size: 12pt; margin: 4px 0 2px; }
.assembly-title { font-style: italic; margin: 0 0 12px; }
.draft { border: 3px double #111; padding: 8px 12px; margin: 0 0 16px; font: bold 12pt Helvetica, Arial, sans-serif; text-transform: uppercase; text-align: center; letter-spacing: .06em; }
.watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font: bold 90pt Helvetica, Arial, sans-serif; color: rgba(0,0,0,.07); transform: rotate(-28deg); pointer-events: none; z-index: 0; }
.draft span { display: block; font-size: 9.5pt; font-weight: normal; text-transform: none; letter-spacing: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 8.5pt; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 9.5pt; }
th, td { border: 1px solid #555; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #eeeeee; font-family: Helvetica, Arial, sans-serif; font-size: 8.5pt; text-transform: uppercase; letter-spacing: .03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
table.tally th { letter-spacing: 0; }
table.tally td:first-child { min-width: 8.5em; }
table.tally td.note { white-space: nowrap; font-size: 8.5pt; }
tr.dropped td { color: #555; font-style: italic; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.quorum p { margin: 2px 0; }
.verdict { font-weight: bold; }
.resolution { border: 1px solid #999; padding: 10px 12px 12px; margin: 0 0 14px; break-inside: avoid; page-break-inside: avoid; }
.resolution .meta { margin: 0 0 6px; color: #333; }
.resolution ul { margin: 4px 0 8px; padding-left: 18px; }
.resolution li { margin: 1px 0; }
.chart { display: block; width: 100%; height: auto; margin: 4px 0 8px; }
.outcome { display: inline-block; margin-top: 4px; padding: 4px 12px; font: bold 11pt Helvetica, Arial, sans-serif; letter-spacing: .05em; }
.outcome.adopted { border: 2.5px solid #111; }
.outcome.rejected { border: 2.5px dashed #111; }
.outcome .fr { font-weight: normal; letter-spacing: 0; }
.resolution.pending { border-style: dashed; }
.resolution.pending .meta { font-style: italic; }
.digest p { margin: 4px 0; }
.signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 28px; margin-top: 10px; break-inside: avoid; page-break-inside: avoid; }
.signature { border: 1px solid #999; padding: 8px 10px; min-height: 46mm; }
.signature .role { font-weight: bold; margin: 0; }
.signature .line { margin: 9mm 0 0; border-top: 1px dotted #111; padding-top: 2px; font-size: 8.5pt; color: #444; }
@media print {
  html, body { background: #fff; padding: 0; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .resolution { border-color: #777; }
  a { color: inherit; text-decoration: none; }
}
`;
