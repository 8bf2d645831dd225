import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { testAppEnv } from '../../support/test-app';

const ROOT = path.resolve(__dirname, '../../..');

/** A free TCP port on the loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The real service in a process of its own (apps/ledger-api/src/main.ts), as `npm start` runs it, minus the build. */
export class ServerProcess {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly base: string;

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ['-r', path.join(__dirname, 'register-ts.js'), path.join(ROOT, 'apps/ledger-api/src/main.ts')], {
      cwd: ROOT,
      // No AUTH_JWT_SECRET: the embedded mode keeps its secret in the data folder and writes dev tokens there.
      // The store (and Redis) a test app over this folder would have: PostgreSQL under LEDGER_STORE=postgres.
      env: {
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'AUTH_JWT_SECRET')),
        LEDGER_DATA_DIR: this.dataDir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        ...testAppEnv(this.dataDir),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}: ${stderr}`);
      try {
        const res = await fetch(`${this.base}/health`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The server did not answer /health within ${timeoutMs} ms: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** kill -9, and wait until the process is gone (reaped: its pid no longer answers). */
  async crash(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    await this.exited;
  }

  tokens(): Record<string, string> {
    return JSON.parse(fs.readFileSync(path.join(this.dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>;
  }
}
