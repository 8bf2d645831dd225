import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CooperativeEvent, cooperativeDecider } from '@ledger/domain';
import { NewEvent } from '@ledger/event-store';
import { toNewEvent } from '../apps/ledger-api/src/write/command-metadata';
import { openBenchStore } from './bench-store';
import { commandOf } from './bulk-load';
import { memoryOf, msSince, summarize } from './stats';
import { statuts, Workload } from './workload';

/**
 * A federation's server: COOPS cooperatives of about EVENTS events each (issue 10, "Memory
 * bounded by a budget, not by history"), then random reads across them on a server restarted
 * with LEDGER_READ_MODEL_BUDGET_MB. Each read is a cooperative's cap table of today (its fold,
 * read from the snapshot) or as of a past date (its events), so reads load events and the
 * budget has to give some back. Prints the peak RSS of the server and the latency of a read of
 * a cooperative not read before in that process (cold) and of one read before (warm).
 *
 *   npm run bench:federation                  # 1,000 × 1,000, budget 256 MiB, 4,000 reads
 *   FEDERATION_COOPS=100 npm run bench:federation
 */
const COOPS = Number(process.env.FEDERATION_COOPS ?? 1000);
const ASSOCIATES = 100;
const MOVEMENTS = 799; // with the statuts and two events an admission: 1,000 events a cooperative
const BUDGET_MB = Number(process.env.LEDGER_READ_MODEL_BUDGET_MB ?? 256);
const READS = Number(process.env.FEDERATION_READS ?? 4000);
const ROOT = resolve(__dirname, '..', '..');
const METADATA = { actor: { sub: 'bench', role: 'gerant' }, correlationId: 'bench-federation' };

async function writeFederation(dataDir: string): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const store = openBenchStore(dataDir);
  let events = 0;
  const recordedAt = new Date().toISOString();
  try {
    for (let c = 0; c < COOPS; c++) {
      const coopId = coopIdOf(c);
      const workload = new Workload(ASSOCIATES, MOVEMENTS);
      const history = cooperativeDecider.initialState();
      const pending: NewEvent[] = [];
      const send = (command: Parameters<typeof cooperativeDecider.decide>[0]) => {
        const decided: CooperativeEvent[] = cooperativeDecider.decide(command, history);
        for (const event of decided) {
          cooperativeDecider.evolve(history, event);
          pending.push(toNewEvent(event, cooperativeDecider.eventIdOf?.(event), coopId, METADATA, recordedAt));
        }
      };
      send({ type: 'AdoptStatuts', coopId, statuts: { ...statuts, id: coopId, name: `Coopérative ${c}` } as never });
      for (let i = 0; i < ASSOCIATES; i++) send(commandOf(workload.admission(i)));
      for (let j = 0; j < MOVEMENTS; j++) send(commandOf(workload.movement(j)));
      await store.append(cooperativeDecider.streamId(coopId), pending, 'no_stream');
      events += pending.length;
    }
  } finally {
    await store.close();
  }
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function coopIdOf(c: number): string {
  return `coop-${String(c).padStart(4, '0')}`;
}

interface Server {
  child: ChildProcess;
  base: string;
  token: string;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['-r', './apps/ledger-api/register-paths.js', 'dist/apps/ledger-api/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', LEDGER_READ_MODEL_BUDGET_MB: String(BUDGET_MB) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    const answer = await fetch(`${base}/health`).catch(() => undefined);
    if (answer?.status === 200) break;
    await new Promise((wait) => setTimeout(wait, 20));
  }
  const token = (JSON.parse(readFileSync(join(dataDir, 'dev-tokens.json'), 'utf8')) as Record<string, string>).gerant;
  return {
    child,
    base,
    token,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function timedGet(server: Server, path: string): Promise<number> {
  const sent = process.hrtime.bigint();
  const answer = await fetch(`${server.base}${path}`, { headers: { authorization: `Bearer ${server.token}` } });
  await answer.arrayBuffer();
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  return msSince(sent);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-federation-'));
  const lines: string[] = [];
  const log = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    log(
      `Machine: ${cpus().length} CPU; Node ${process.version}; load at the start ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}.`,
    );
    const written = await writeFederation(dataDir);
    log(`Written without HTTP: ${COOPS.toLocaleString('en')} cooperatives, ${written.events.toLocaleString('en')} events in ${written.seconds.toFixed(0)} s.`);

    // First start: the projections fold the whole log (no snapshot yet), then save it in parts.
    let server = await startServer(dataDir, 3700 + (process.pid % 200));
    const firstStarted = process.hrtime.bigint();
    await timedGet(server, `/v1/cooperatives/${coopIdOf(0)}/cap-table?limit=10`);
    const firstReadyMs = msSince(firstStarted);
    const firstPeak = memoryOf(server.child.pid!)?.peakMiB ?? NaN;
    await server.stop();

    server = await startServer(dataDir, 3700 + (process.pid % 200) + 1);
    const seen = new Set<number>();
    const cold: number[] = [];
    const warm: number[] = [];
    // xorshift32: the same reads on every run, spread over every cooperative.
    let random = 2463534242;
    const next = () => {
      random ^= random << 13;
      random ^= random >>> 17;
      random ^= random << 5;
      return (random >>> 0) % 2 ** 31;
    };
    for (let i = 0; i < READS; i++) {
      const c = next() % COOPS;
      const path = i % 2 === 0 ? `/v1/cooperatives/${coopIdOf(c)}/cap-table?limit=10` : `/v1/cooperatives/${coopIdOf(c)}/cap-table?limit=10&asOf=2016-06-30`;
      const ms = await timedGet(server, path);
      (seen.has(c * 2 + (i % 2)) ? warm : cold).push(ms);
      seen.add(c * 2 + (i % 2));
    }
    const memory = memoryOf(server.child.pid!) ?? { peakMiB: NaN, rssMiB: NaN };
    await server.stop();
    const fmt = (ms: number) => ms.toFixed(1);
    const [c, w] = [summarize(cold), summarize(warm)];
    log();
    log(
      `| LEDGER_READ_MODEL_BUDGET_MB | reads | cold reads | cold p50 / p99 ms | warm reads | warm p50 / p99 ms | peak RSS, restarted, MiB | RSS at the end MiB | peak RSS of the first start (fold of the whole log) MiB |`,
    );
    log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    log(
      `| ${BUDGET_MB} | ${READS.toLocaleString('en')} | ${cold.length} | ${fmt(c.p50)} / ${fmt(c.p99)} | ${warm.length} | ${fmt(w.p50)} / ${fmt(w.p99)} | ${memory.peakMiB.toFixed(0)} | ${memory.rssMiB.toFixed(0)} | ${firstPeak.toFixed(0)} (ready in ${(firstReadyMs / 1000).toFixed(1)} s) |`,
    );
    mkdirSync(join(ROOT, 'bench', 'latest'), { recursive: true });
    writeFileSync(join(ROOT, 'bench', 'latest', `federation-${COOPS}-${BUDGET_MB}.md`), `${lines.join('\n')}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
