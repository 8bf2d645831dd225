import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { minutesHtml } from '@ledger/projections';
import { ALPHA, R2_TEXT, readmeAgCommands, viewOf } from './support/minutes-example';

/**
 * The procès-verbal printed by a real browser: Debian's `chromium` renders the HTML minutes of
 * the README's three-associate AG to an A4 PDF, and poppler's `pdfinfo`/`pdftotext` read it back.
 * CI installs both (.ci/run); elsewhere, without them, this file says so in one line and checks
 * nothing — never a silent pass in CI, where a missing browser fails the run.
 * Rendered files go to test/output/minutes/ (ignored by git): one PDF and one PNG per fixture.
 */
const OUT = path.join(__dirname, 'output', 'minutes');

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const tools = ['chromium', 'pdfinfo', 'pdftotext', 'pdftoppm'];
const missing = tools.filter((t) => !has(t));
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`CI must print the minutes in a real browser; missing: ${missing.join(', ')} (.ci/run installs them)`);
const describeIfBrowser = missing.length === 0 ? describe : describe.skip;
if (missing.length > 0) console.log(`minutes print check skipped: ${missing.join(', ')} not installed (apt-get install -y chromium poppler-utils)`);

/** HTML → PDF in headless Chromium, as a gérant's "Print to PDF" would. */
function printToPdf(name: string, html: string): string {
  fs.mkdirSync(OUT, { recursive: true });
  const htmlFile = path.join(OUT, `${name}.html`);
  const pdf = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(htmlFile, html);
  fs.rmSync(pdf, { force: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'minutes-chromium-'));
  try {
    execFileSync(
      'chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--user-data-dir=${profile}`,
        `--print-to-pdf=${pdf}`,
        `file://${htmlFile}`,
      ],
      { stdio: 'pipe', timeout: 60_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(OUT, name)]);
  return pdf;
}

function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

function pageSizeMm(pdf: string): [number, number] {
  const info = execFileSync('pdfinfo', [pdf]).toString();
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
  return [Math.round((Number(w) * 25.4) / 72), Math.round((Number(h) * 25.4) / 72)];
}

/** The text of each page, whitespace folded so that a sentence broken across lines still matches. */
function pages(pdf: string): string[] {
  return Array.from({ length: pageCount(pdf) }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'])
      .toString()
      .replace(/\s+/g, ' '),
  );
}

const pageOf = (texts: string[], needle: string) => texts.findIndex((t) => t.includes(needle)) + 1;
/** The agenda names every resolution on page 1: a resolution's own heading says "(kind, agréée…) —". */
const headingPage = (texts: string[], ordinal: string) => texts.findIndex((t) => new RegExp(`${ordinal} résolution \\((ordinaire|extraordinaire), agréée`).test(t)) + 1;

describeIfBrowser('the procès-verbal printed by Chromium on A4', () => {
  jest.setTimeout(120_000);

  describe('the README’s three-associate AG, in French', () => {
    let pdf: string;
    let texts: string[];
    beforeAll(() => {
      pdf = printToPdf('readme-ag-fr', minutesHtml(viewOf(readmeAgCommands()), ALPHA, 'fr'));
      texts = pages(pdf);
    });

    it('prints on A4, in two pages at most, each numbered "page n/N"', () => {
      expect(pageSizeMm(pdf)).toEqual([210, 297]);
      const n = pageCount(pdf);
      expect(n).toBeLessThanOrEqual(2);
      texts.forEach((t, i) => expect(t).toContain(`page ${i + 1}/${n}`));
    });

    it('prints the signature block on the page of the last resolution, never alone', () => {
      const signatures = pageOf(texts, 'SIGNATURES');
      expect(signatures).toBeGreaterThan(0);
      expect(headingPage(texts, 'Deuxième')).toBe(signatures);
      expect(texts[signatures - 1]).toContain(R2_TEXT.slice(-40).replace(/\s+/g, ' '));
    });

    it('prints every collège name whole under the chart, none cut short', () => {
      const all = texts.join(' ');
      for (const name of ['Salariés', 'Usagers', 'Partenaires', 'Collectivités']) expect(all).toContain(name);
      expect(all).not.toContain('…ai');
      expect(all).not.toMatch(/Partenai…/);
    });

    it('never leaves a heading alone at the foot of a page', () => {
      for (const t of texts.slice(0, -1)) {
        const tail = t
          .trim()
          .replace(/page \d+\/\d+$/, '')
          .trim();
        expect(tail).not.toMatch(/(FEUILLE DE PRÉSENCE|QUORUM|DÉLIBÉRATIONS|EMPREINTE DU REGISTRE|SIGNATURES|Ordre du jour)\s*(Alpha SCIC)?\s*$/);
      }
    });

    it('prints the legal header, the dates in French, the quorum of each part and the auditor’s command', () => {
      const all = texts.join(' ');
      expect(all).toContain('à capital variable');
      expect(all).toContain('assemblée générale mixte du 5 juin 2025');
      expect(all).toContain('Quorum de la partie extraordinaire');
      expect(all).toContain('verification?at=17');
    });
  });

  it('an AG of twelve resolutions still keeps its signatures with its last resolution', () => {
    const commands = readmeAgCommands();
    const convene = commands[0] as Extract<(typeof commands)[number], { type: 'ConveneAssembly' }>;
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `r${i + 1}`, title: `Résolution ${i + 1}`, text: `Texte ${i + 1}. ${R2_TEXT}`, kind: 'ordinary' as const, boardApproved: true }));
    const rest = commands.slice(1).filter((c) => c.type !== 'CastBallot' && c.type !== 'CloseResolution' && c.type !== 'CloseAssembly');
    const votes = many.flatMap((r) => [
      ...['ana', 'bruno', 'commune'].map((associateId) => ({ type: 'CastBallot' as const, resolutionId: r.id, associateId, choice: 'for' as const })),
      { type: 'CloseResolution' as const, resolutionId: r.id },
    ]);
    const pdf = printToPdf('twelve-resolutions-fr', minutesHtml(viewOf([{ ...convene, resolutions: many }, ...rest, ...votes, commands[commands.length - 1]]), ALPHA, 'fr'));
    const texts = pages(pdf);
    expect(texts.length).toBeGreaterThan(2);
    expect(headingPage(texts, 'Douzième')).toBe(pageOf(texts, 'SIGNATURES'));
  });
});
