import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './reliability/support/server-process';

const ROOT = path.resolve(__dirname, '..');
const REGISTER_TS = path.join(__dirname, 'reliability/support/register-ts.js');

/**
 * One process of the ledger — an API replica or the worker — run from the sources as `npm start`
 * and `npm run start:worker` run the build, with the environment a deployment gives it.
 */
export class LedgerProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  private output = '';
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-scale-'));
  port = 0;

  constructor(
    readonly kind: 'api' | 'worker',
    private readonly env: Record<string, string>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 90_000): Promise<void> {
    if (this.kind === 'api') this.port = await freePort();
    const main = this.kind === 'api' ? 'apps/ledger-api/src/main.ts' : 'apps/ledger-worker/src/main.ts';
    const child = spawn(process.execPath, ['-r', REGISTER_TS, path.join(ROOT, main)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env, LEDGER_DATA_DIR: this.dataDir, PORT: String(this.port), HOST: '127.0.0.1', LOG_LEVEL: 'log' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-8000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The ${this.kind} exited with ${child.exitCode}: ${this.output}`);
      if (await this.ready()) return;
      if (Date.now() > deadline) throw new Error(`The ${this.kind} was not ready within ${timeoutMs} ms: ${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async ready(): Promise<boolean> {
    if (this.kind === 'worker') return this.output.includes('Worker ready');
    try {
      return (await fetch(`${this.base}/health`)).status === 200;
    } catch {
      return false;
    }
  }

  /** What the process printed last (for a failing test's message). */
  log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exited;
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
