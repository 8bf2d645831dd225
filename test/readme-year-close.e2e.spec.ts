import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { bearer, removeDir, startTestApp, TestApp } from './support/test-app';

/*
 * The README's walkthrough as a newcomer runs it on a fresh `npm start`: every `curl` of its `sh`
 * blocks from "Five minutes with curl" on — Alpha's registration, its first AG, the back-dated
 * payment, then the year's close and its allocation — read from README.md itself and sent, in
 * order and with the same bodies, to the real app. A command the README expects to be refused
 * is followed by a comment `#    → 4xx`; every other one must succeed. Blocks that call the CLI
 * (`npx ledger`) or are not `sh` (the SCOP story, played by test/scop-story.e2e.spec.ts) are
 * left out. `$(…)` captures run as the shell would (a curl piped to `node -pe` runs that node), and
 * a `for` loop repeats its commands.
 */

interface Step {
  line: number;
  command: string;
  capture?: string;
  method: string;
  url: string;
  body?: string;
  auth: string;
  pipe?: string;
  expectedStatus?: number;
}

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');

/** The `sh` blocks the walkthrough runs, with the line each starts on. */
function walkthroughBlocks(): Array<{ start: number; lines: string[] }> {
  const lines = README.split('\n');
  const from = lines.findIndex((l) => l.startsWith('## Five minutes with curl'));
  const to = lines.findIndex((l, i) => i > from && /^## /.test(l));
  const blocks: Array<{ start: number; lines: string[] }> = [];
  for (let i = from; i < to; i++) {
    if (lines[i] !== '```sh') continue;
    const end = lines.findIndex((l, j) => j > i && l === '```');
    const body = lines.slice(i + 1, end);
    if (!body.some((l) => /^\s*[^#]*npx ledger/.test(l))) blocks.push({ start: i + 2, lines: body });
    i = end;
  }
  return blocks;
}

const ESCAPED_DOLLAR = '\u0001';

/** Shell words as bash splits them: '…' literal, "…" with \" and $VAR, bare words with $VAR. */
function words(text: string, vars: Record<string, string>): string[] {
  const out: string[] = [];
  let word: string | null = null;
  const expand = (s: string) => s.replace(/\$\{H\[@\]\}/g, '\u0000H').replace(/\$\{?(\w+)\}?/g, (_m, name: string) => vars[name] ?? `\u0000undefined:${name}`);
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (/\s/.test(c)) {
      if (word !== null) out.push(word);
      word = null;
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (text[j] !== '"') {
        if (text[j] === '\\' && '"\\$'.includes(text[j + 1])) {
          s += text[j + 1] === '$' ? ESCAPED_DOLLAR : text[j + 1];
          j += 2;
        } else s += text[j++];
      }
      word = (word ?? '') + expand(s).split(ESCAPED_DOLLAR).join('$');
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s'"]/.test(text[j])) j++;
      word = (word ?? '') + expand(text.slice(i, j));
      i = j;
    }
  }
  if (word !== null) out.push(word);
  return out;
}

/** One curl command line (after its capture and pipe are taken off) as a request. */
function curlStep(text: string, vars: Record<string, string>, line: number): Omit<Step, 'command' | 'line'> {
  const args = words(text, vars);
  if (args[0] !== 'curl') throw new Error(`README line ${line}: not a curl command: ${text}`);
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  let auth = '';
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '-s') continue;
    if (a === '>') i++;
    else if (a === '\u0000H') auth = vars.TOKEN;
    else if (a === '-X') method = args[++i];
    else if (a === '-d') body = args[++i];
    else if (a === '-H') {
      const header = args[++i];
      const token = /^Authorization: Bearer (.+)$/.exec(header);
      if (token) auth = token[1];
    } else if (a.startsWith('/v1')) url = a;
    else throw new Error(`README line ${line}: an argument this test does not know: ${a}`);
  }
  if (!url) throw new Error(`README line ${line}: no URL under $API in ${text}`);
  if (url.includes('\u0000')) throw new Error(`README line ${line}: a variable the README never set: ${url}`);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, body, auth };
}

interface Command {
  line: number;
  text: string;
  expectedStatus?: number;
  /** A `for` loop's variable for this pass. */
  bind?: Record<string, string>;
}

/** The commands of a block: a command goes on while a quote is open; `for x in a b; do … done` repeats its commands with x bound. */
function commandsOf(block: { start: number; lines: string[] }): Command[] {
  const commands: Command[] = [];
  let current: Command | null = null;
  let loop: { name: string; values: string[]; body: Command[] } | null = null;
  const push = (command: Command) => (loop ? loop.body : commands).push(command);
  const endLoop = () => {
    for (const value of loop!.values) for (const c of loop!.body) commands.push({ ...c, bind: { [loop!.name]: value } });
    loop = null;
  };
  block.lines.forEach((raw, k) => {
    if (current) {
      current.text += '\n' + raw;
    } else {
      const list = loop ? loop.body : commands;
      const expected = /^#\s+→ (\d{3})\b/.exec(raw);
      if (expected && list.length > 0) list[list.length - 1].expectedStatus = Number(expected[1]);
      if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
      const forLoop = /^\s*for (\w+) in ([^;]+); do\s*$/.exec(raw);
      if (forLoop) {
        loop = { name: forLoop[1], values: forLoop[2].trim().split(/\s+/), body: [] };
        return;
      }
      if (loop && raw.trim() === 'done') return endLoop();
      if (/^\s*(for|while|if|until)\b/.test(raw)) throw new Error(`README line ${block.start + k}: a construct this test does not play: ${raw}`);
      current = { line: block.start + k, text: raw.trim() };
    }
    if ((current.text.replace(/"(\\.|[^"\\])*"/g, '').match(/'/g) ?? []).length % 2 === 0) {
      const closesLoop = loop && /;\s*done\s*$/.test(current.text);
      push({ ...current, text: current.text.replace(/;\s*done\s*$/, '') });
      current = null;
      if (closesLoop) endLoop();
    }
  });
  if (loop || current) throw new Error('README: a loop or a quote left open at the end of a block');
  return commands;
}

describe('the README walkthrough, year close included, on a fresh ledger', () => {
  let t: TestApp;
  const steps: Array<Step & { status: number; response: string }> = [];
  const byUrl = (method: string, url: string) => {
    const step = steps.find((s) => s.method === method && s.url === url);
    if (!step) throw new Error(`the README sends no ${method} ${url}`);
    return JSON.parse(step.response);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const vars: Record<string, string> = { API: '/v1', TOKEN: t.token('gerant'), AUDITOR: t.token('auditor') };
    for (const block of walkthroughBlocks()) {
      for (const { line, text, expectedStatus, bind } of commandsOf(block)) {
        Object.assign(vars, bind);
        const assignment = /^(\w+)=(?:\$\((.*)\)|(.*))$/s.exec(text);
        if (assignment && !assignment[2]?.startsWith('curl')) {
          const [, name, inner] = assignment;
          if (name in vars || name === 'H') continue; // the tokens and headers this test sets itself
          const run = spawnSync('bash', ['-c', inner ?? assignment[3]], { encoding: 'utf8' });
          vars[name] = run.stdout.trim();
          continue;
        }
        const [capture, command] = assignment ? [assignment[1], assignment[2]] : [undefined, text];
        const pipe = /^(.*?) \| (node -pe .*)$/s.exec(command);
        const step: Step = { line, command: text, capture, pipe: pipe?.[2], expectedStatus, ...curlStep(pipe ? pipe[1] : command, vars, line) };
        const http = t.http();
        let req = http[step.method.toLowerCase() as 'get' | 'post' | 'put'](step.url).set(bearer(step.auth));
        if (step.body !== undefined) req = req.set('Content-Type', 'application/json').send(step.body);
        const res = await req;
        const response = res.text;
        steps.push({ ...step, status: res.status, response });
        if (capture) {
          const piped = pipe ? spawnSync('node', ['-pe', words(pipe[2], vars)[2]], { input: response, encoding: 'utf8' }).stdout : response;
          vars[capture] = piped.trim();
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await t.close();
    removeDir(t.dataDir);
  });

  it('answers every command as the README says: 2xx, or the refusal its comment names', () => {
    expect(steps.length).toBeGreaterThan(40);
    for (const s of steps) {
      const ok = s.expectedStatus === undefined ? s.status >= 200 && s.status < 300 : s.status === s.expectedStatus;
      expect([s.line, s.method, s.url, ok ? 'as the README says' : s.response]).toEqual([s.line, s.method, s.url, 'as the README says']);
    }
  });

  it('closes 2024 and proposes what the README shows: the minimums, the published cap of 2025, a French draft', () => {
    const proposal = byUrl('GET', '/v1/cooperatives/alpha/fiscal-years/2024/allocation-proposal?heldOn=2025-06-30');
    expect(proposal.minimums).toMatchObject({ legalReserveCents: 120_000, statutoryReserveCents: 340_000 });
    expect(proposal.maxima).toEqual({ shareInterestCents: 10_560, shareInterestRate: '4.8' });
    expect(proposal.capRate).toEqual({ rate: '4.80', from: 'published', years: [2025] });
    expect(proposal.draftResolution).toContain(
      '– à la réserve légale : 1 200,00 € ;\n– à la réserve statutaire impartageable : 6 694,40 € ;\n– aux intérêts aux parts sociales : 105,60 € (taux de 4,8 % du capital libéré, dans la limite de 4,80 %) ;',
    );
  });

  it('convenes the AG with the draft, word for word, as the text of its resolution', async () => {
    const proposal = byUrl('GET', '/v1/cooperatives/alpha/fiscal-years/2024/allocation-proposal?heldOn=2025-06-30');
    const ag = await t
      .http()
      .get('/v1/cooperatives/alpha/assemblies/ago-2025')
      .set(bearer(t.token('gerant')))
      .expect(200);
    expect(ag.body.resolutions[0]).toMatchObject({ id: 'r1', text: proposal.draftResolution, outcome: 'adopted' });
  });

  it('allocates 2024 as voted, and the year, the interest and the reserves read as the README shows', () => {
    const year = byUrl('GET', '/v1/cooperatives/alpha/fiscal-years/2024');
    expect(year).toMatchObject({ year: 2024, status: 'allocated', allocation: { legalReserveCents: 120_000, statutoryReserveCents: 669_440, shareInterestCents: 10_560, shareInterestRate: '4.8' } });
    const interest = byUrl('GET', '/v1/cooperatives/alpha/fiscal-years/2024/share-interest');
    expect(interest.totalCents).toBe(10_560);
    expect(interest.rows.map((r: { associateId: string }) => r.associateId).sort()).toEqual(['ana', 'bruno', 'commune']);
    const reserves = byUrl('GET', '/v1/cooperatives/alpha/reserves');
    expect(reserves.rows).toEqual([expect.objectContaining({ year: 2024, legalReserveCents: 120_000, statutoryReserveCents: 669_440 })]);
  });
});
