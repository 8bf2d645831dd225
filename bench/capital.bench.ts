import 'reflect-metadata';
import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { loadConfig } from '../apps/ledger-api/src/config/config';
import { ProjectionEngine } from '@ledger/projections';
import { benchConfigEnv, benchStoreLine, dropBenchStore, snapshotFileOf } from './bench-store';
import { LoadMessage, LoadOptions, LoadPhase, PhaseResult } from './http-load';
import { bulkLoad, BulkLoadResult } from './bulk-load';
import type { RebuildResult } from './rebuild.bench';
import { fmt, median, memoryOf, msSince, summarize, untilIdle } from './stats';
import { COOP_ID, Workload } from './workload';

/**
 * Issue 2's benchmark: one SCIC, 10,000 associates, 100,000 capital movements, through the
 * real HTTP app, then the read side over it. Not a test: it asserts nothing, it measures. The
 * figures go to stdout and to bench/latest/capital.md (untracked); bench/RESULTS.md, which is
 * committed, changes only when asked (between the markers; the analysis around them is kept),
 * so a run on a busy laptop does not overwrite the reference figures by accident.
 *
 *   npm run bench                       # stdout + bench/latest/capital.md
 *   npm run bench -- --update           # also bench/RESULTS.md (or BENCH_UPDATE=1 npm run bench)
 *   BENCH_SCALE=0.1 npm run bench       # a tenth of the scenario, for a quick look
 */
const ROOT = resolve(__dirname, '../..');
const RESULTS = join(ROOT, 'bench/RESULTS.md');
const LATEST = join(ROOT, 'bench/latest/capital.md');
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const UPDATE_RESULTS = process.argv.includes('--update') || ['1', 'true'].includes(process.env.BENCH_UPDATE ?? '');
const ASSOCIATES = Math.round(10_000 * SCALE);
const MOVEMENTS = Math.round(90_000 * SCALE);
/**
 * Above scale 1 the log is first written without HTTP (bench/bulk-load.ts: the domain decides,
 * the store appends), all but the last BENCH_HTTP_COMMANDS movements (20,000 by default), which
 * go through HTTP as below: a million commands through HTTP would take a quarter of an hour and
 * measure nothing the sample does not.
 */
const HTTP_MOVEMENTS = Math.min(MOVEMENTS, Number(process.env.BENCH_HTTP_COMMANDS ?? (SCALE <= 1 ? MOVEMENTS : 20_000)));
const BULK = HTTP_MOVEMENTS < MOVEMENTS ? { admissions: ASSOCIATES, movements: MOVEMENTS - HTTP_MOVEMENTS } : undefined;
const BARS = { commandsPerSecond: 1_000, rebuildEventsPerSecond: 200_000, startMs: 2_000, firstPageMs: 200, rssMiB: 500 };

const PHASES: LoadPhase[] = [
  ...(BULK ? [] : [{ name: 'admissions', kind: 'admissions', count: ASSOCIATES, concurrency: 8 } satisfies LoadPhase]),
  { name: 'movements, 1 connection', kind: 'movements', count: Math.round(HTTP_MOVEMENTS * 0.1), concurrency: 1 },
  { name: 'movements, 8 connections', kind: 'movements', count: Math.round(HTTP_MOVEMENTS * 0.3), concurrency: 8 },
  { name: 'movements, 32 connections', kind: 'movements', count: HTTP_MOVEMENTS - Math.round(HTTP_MOVEMENTS * 0.1) - Math.round(HTTP_MOVEMENTS * 0.3), concurrency: 32 },
];

interface QueryTiming {
  name: string;
  firstMs: number;
  warmMs: number;
  bytes: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const children = new Set<ChildProcess>();
  const lines: string[] = [];
  const log = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  try {
    log(`Machine: ${cpus().length} CPU (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}; Node ${process.version}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    log(`Scenario: one SCIC, ${fmt(ASSOCIATES)} admissions then ${fmt(MOVEMENTS)} movements (scale ${SCALE}); data in a temporary folder, removed at the end.`);
    log(benchStoreLine());
    log(`Command: \`${SCALE === 1 ? '' : `BENCH_SCALE=${SCALE} `}npm run bench\` (= \`npm run build && node -r ./apps/ledger-api/register-paths.js dist/bench/capital.bench.js\`)`);
    log(
      `Load on the machine at the start (1, 5, 15 min): ${loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')} on ${cpus().length} CPUs.`,
    );
    log();

    let bulk: BulkLoadResult | undefined;
    if (BULK) {
      bulk = await bulkLoad(dataDir, new Workload(ASSOCIATES, MOVEMENTS), BULK.admissions, BULK.movements);
      log(`### 0. The log written without HTTP`);
      log();
      log(
        `${fmt(bulk.commands)} commands (the cooperative, ${fmt(BULK.admissions)} admissions, ${fmt(BULK.movements)} movements) decided by the cooperative decider and appended through the event store (1,000 commands a transaction): ${fmt(bulk.events)} events in ${fmt(bulk.seconds, 1)} s. The last ${fmt(HTTP_MOVEMENTS)} movements go through HTTP below.`,
      );
      log();
    }

    // 0. What one durable commit costs on this disk: the floor under a command that waits alone.
    const commit = durableCommitLatency(join(dataDir, 'fsync-probe.sqlite'));

    // 1. Commands through the HTTP API, server in-process, client in a worker thread.
    const app = await createLedgerApp(loadConfig(benchConfigEnv(dataDir)), { logger: false });
    await app.listen(0, '127.0.0.1');
    // The projections start in the background (a server answers /health at once): the load
    // phases measure commands, not that start.
    await app.get(ProjectionEngine).ready();
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const token = app.get(TokenService).sign({ sub: 'bench', role: 'gerant', coops: ['*'] });
    const baseUrl = `http://127.0.0.1:${port}`;
    const phases = await runLoad({ baseUrl, token, associates: ASSOCIATES, movements: MOVEMENTS, bulk: BULK, phases: PHASES });
    const loadMemory = memoryOf();
    log('### 1. Commands through the HTTP API');
    log();
    log('| phase | commands | events | connections | seconds | commands/s | p50 ms | p99 ms | max ms | refused |');
    log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const p of phases) {
      const events = p.kind === 'admissions' ? 2 * p.count : p.count;
      log(
        `| ${p.name} | ${fmt(p.count)} | ${fmt(events)} | ${p.concurrency} | ${fmt(p.seconds, 1)} | **${fmt(p.commandsPerSecond)}** | ${fmt(p.latency.p50, 2)} | ${fmt(p.latency.p99, 2)} | ${fmt(p.latency.max, 1)} | ${p.failures} |`,
      );
      for (const failure of p.firstFailures) log(`  - refused: ${failure}`);
    }
    const total = phases.reduce((sum, p) => ({ count: sum.count + p.count, seconds: sum.seconds + p.seconds }), { count: 0, seconds: 0 });
    log();
    log(`One durable commit on this disk (SQLite WAL, synchronous=FULL, one small row, 500 commits): p50 ${fmt(commit.p50 * 1000)} µs, p99 ${fmt(commit.p99 * 1000)} µs.`);
    log(
      `All ${fmt(total.count)} HTTP commands: ${fmt(total.count / total.seconds)} commands/s (bar ≥ ${fmt(BARS.commandsPerSecond)}). Peak RSS of the process (server + client worker) during the load: ${fmt(loadMemory?.peakMiB ?? NaN)} MiB.`,
    );
    log();

    // 2. Queries over the 100,000-movement cooperative, through HTTP (first answer, then warm).
    const queries: QueryTiming[] = [];
    const query = async (name: string, path: string) => {
      const times: number[] = [];
      let bytes = 0;
      // Above scale 1, a whole register is hundreds of megabytes: its first answer and one more.
      for (let i = 0; i < (SCALE > 1 ? 2 : 6); i++) {
        const started = process.hrtime.bigint();
        const answer = await get(`${baseUrl}${path}`, token);
        times.push(msSince(started));
        if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
        bytes = answer.bytes;
      }
      queries.push({ name, firstMs: times[0], warmMs: median(times.slice(1)), bytes });
    };
    await query('cap table (today), first page of 100', `/v1/cooperatives/${COOP_ID}/cap-table?limit=100`);
    await query('cap table (today)', `/v1/cooperatives/${COOP_ID}/cap-table`);
    await query('cap table as of 2016-06-30', `/v1/cooperatives/${COOP_ID}/cap-table?asOf=2016-06-30`);
    await query('compliance report (today)', `/v1/cooperatives/${COOP_ID}/compliance`);
    // Above scale 1 the whole register is asked for as NDJSON only (hundreds of megabytes at scale
    // 10: the benchmark's client holds each answer whole to count it).
    if (SCALE <= 1) {
      await query('capital-movements register (JSON)', `/v1/cooperatives/${COOP_ID}/capital-movements`);
      await query('capital-movements register (CSV)', `/v1/cooperatives/${COOP_ID}/capital-movements?format=csv`);
    }
    // Streamed a thousand rows at a time whatever the register's size (the server holds no whole register).
    await query('capital-movements register (NDJSON, streamed)', `/v1/cooperatives/${COOP_ID}/capital-movements?format=ndjson`);
    await query('capital-movements register, first page of 100', `/v1/cooperatives/${COOP_ID}/capital-movements?limit=100`);
    await query('member register, first page', `/v1/cooperatives/${COOP_ID}/associates?limit=100`);
    log('### 2. Queries on the cooperative (HTTP, in-process server)');
    log();
    log(`| query | first answer ms | then (median of ${SCALE > 1 ? 1 : 5}) ms | size |`);
    log('|---|---:|---:|---:|');
    for (const q of queries) log(`| ${q.name} | ${fmt(q.firstMs, 1)} | ${fmt(q.warmMs, 1)} | ${fmt(q.bytes / 1024)} KiB |`);
    log();
    log(`Peak RSS of the process after the queries: ${fmt(memoryOf()?.peakMiB ?? NaN)} MiB.`);
    log();
    await app.close();

    // 3. Projections from zero over the log just written, in a fresh process.
    const file = snapshotFileOf(dataDir);
    // What this process does meanwhile takes CPU from the timed one: it waits until idle, and says
    // what it used meanwhile beside the figures.
    const idleAfterMs = await untilIdle();
    const parentCpu = process.cpuUsage();
    const replay = async (what: 'rebuild' | 'start') => JSON.parse(await runNode(['dist/bench/rebuild.bench.js', dataDir, String(SCALE > 1 ? 1 : 3), what])) as RebuildResult;
    const [rebuilt, started] = [await replay('rebuild'), await replay('start')];
    rebuilt.startMs = started.startMs;
    const parentCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(parentCpu));
    const rebuildMs = median(rebuilt.rebuildMs);
    const startMs = median(rebuilt.startMs);
    log('### 3. Projections from zero');
    log();
    log(`| what | events | ms (median of ${rebuilt.rebuildMs.length}) | events/s |`);
    log('|---|---:|---:|---:|');
    log(`| \`rebuild(cooperativeLedgerProjection, store)\` | ${fmt(rebuilt.events)} | ${fmt(rebuildMs)} | **${fmt(rebuilt.events / (rebuildMs / 1000))}** |`);
    log(`| \`ProjectionEngine.start()\`, no snapshot (the four projections a server runs) | ${fmt(rebuilt.events)} | ${fmt(startMs)} | **${fmt(rebuilt.events / (startMs / 1000))}** |`);
    log();
    log(
      `Bar: ≥ ${fmt(BARS.rebuildEventsPerSecond)} events/s. This benchmark's own process waited ${fmt(idleAfterMs)} ms to be idle after closing its server, then used ${fmt(parentCpuMs)} ms of CPU meanwhile. Runs (\`node -r ./apps/ledger-api/register-paths.js dist/bench/rebuild.bench.js <dataDir> <runs> rebuild|start\`, each in a process of its own): rebuild ${rebuilt.rebuildMs.map((ms) => fmt(ms)).join(', ')} ms; start ${rebuilt.startMs.map((ms) => fmt(ms)).join(', ')} ms.`,
    );
    log();

    // 4. The real server process started over the data folder (snapshot present).
    log('### 4. Starting the server process over the data folder');
    log();
    log(
      '| run | snapshot | spawn → /health 200 ms | first cap-table page ms | then first member register page ms | then first capital-movements page ms | then whole cap table ms | RSS after the queries MiB | first command ms | RSS after it MiB |',
    );
    log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const startRuns: StartRun[] = [];
    const row = (label: string, snapshot: string, run: StartRun) =>
      log(
        `| ${label} | ${snapshot} | ${fmt(run.healthMs)} | ${fmt(run.capTablePageMs)} | ${fmt(run.membersPageMs)} | ${fmt(run.movementsPageMs)} | ${fmt(run.capTableMs)} | ${fmt(run.queriedMiB)} | ${fmt(run.commandMs)} | ${fmt(run.commandMiB)} |`,
      );
    const workload = new Workload(ASSOCIATES, MOVEMENTS);
    for (let i = 1; i <= (SCALE > 1 ? 2 : 3); i++) {
      const run = await startServer(dataDir, token, children, workload, i);
      startRuns.push(run);
      row(String(i), 'yes', run);
    }
    const snapshotRows = dropSnapshots(file);
    const cold = await startServer(dataDir, token, children, workload, 4);
    row(`without snapshot (${snapshotRows} rows dropped)`, 'no', cold);
    log();
    const restarted = median(startRuns.map((r) => r.queriedMiB));
    log(
      `Bars: < ${fmt(BARS.startMs)} ms to /health (median with a snapshot ${fmt(median(startRuns.map((r) => r.healthMs)))} ms); first page of each register < ${fmt(BARS.firstPageMs)} ms; restarted server < ${fmt(BARS.rssMiB)} MiB RSS (median ${fmt(restarted)} MiB after the queries; the growth table across scales gives the MiB per 100,000 events). The first command after a start reads the write path's snapshot of the cooperative's fold, not the whole stream (apps/ledger-api/src/write/stream-snapshots.ts). Command per run: \`node -r ./apps/ledger-api/register-paths.js dist/apps/ledger-api/src/main.js\` with LEDGER_DATA_DIR, PORT, LOG_LEVEL=error.`,
    );
    writeFigures({
      scale: SCALE,
      events: 2 * ASSOCIATES + MOVEMENTS + 1,
      httpCommandsPerSecond: total.count / total.seconds,
      queries: Object.fromEntries(queries.map((q) => [q.name, { firstMs: q.firstMs, warmMs: q.warmMs, bytes: q.bytes }])),
      rebuildEventsPerSecond: rebuilt.events / (rebuildMs / 1000),
      startEventsPerSecond: rebuilt.events / (startMs / 1000),
      healthMs: median(startRuns.map((r) => r.healthMs)),
      capTablePageMs: median(startRuns.map((r) => r.capTablePageMs)),
      membersPageMs: median(startRuns.map((r) => r.membersPageMs)),
      movementsPageMs: median(startRuns.map((r) => r.movementsPageMs)),
      capTableMs: median(startRuns.map((r) => r.capTableMs)),
      restartedMiB: restarted,
      commandMs: median(startRuns.map((r) => r.commandMs)),
      commandMiB: median(startRuns.map((r) => r.commandMiB)),
      cold,
      bulkSeconds: bulk?.seconds,
    });

    writeLatest(lines);
    if (!UPDATE_RESULTS) console.error('bench/RESULTS.md left as it was (npm run bench -- --update, or BENCH_UPDATE=1, rewrites it).');
    else writeResults(lines);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await dropBenchStore();
  }
}

function runLoad(options: LoadOptions): Promise<PhaseResult[]> {
  return new Promise((resolvePhases, reject) => {
    const results: PhaseResult[] = [];
    const worker = new Worker(join(__dirname, 'http-load.js'), { workerData: options });
    worker.on('message', (message: LoadMessage) => {
      if ('phase' in message) {
        results.push(message.phase);
        console.error(`  ${message.phase.name}: ${fmt(message.phase.commandsPerSecond)} commands/s, p99 ${fmt(message.phase.latency.p99, 1)} ms, ${message.phase.failures} refused`);
      } else if ('error' in message) reject(new Error(message.error));
      else resolvePhases(results);
    });
    worker.on('error', reject);
  });
}

/** Runs a compiled script of this repository in a node process of its own; resolves its stdout. */
function runNode(args: string[]): Promise<string> {
  return new Promise((resolveOutput, reject) => {
    execFile(process.execPath, ['-r', './apps/ledger-api/register-paths.js', ...args], { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${args.join(' ')} failed: ${stderr || error.message}`));
      else resolveOutput(stdout);
    });
  });
}

function get(url: string, token: string): Promise<{ status: number; body: string; bytes: number }> {
  return new Promise((resolveAnswer, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolveAnswer({ status: res.statusCode ?? 0, body: body.toString('utf8'), bytes: body.length });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  await new Promise((closed) => server.close(closed));
  return port;
}

interface StartRun {
  healthMs: number;
  capTablePageMs: number;
  membersPageMs: number;
  movementsPageMs: number;
  capTableMs: number;
  queriedMiB: number;
  commandMs: number;
  commandMiB: number;
}

/**
 * Spawns main.js and times /health, then the first page of each register, the whole cap table,
 * and one command (a subscription of one share, dated after everything: lawful on any run); reads
 * its RSS after the queries and after the command, stops it.
 */
async function startServer(dataDir: string, token: string, children: Set<ChildProcess>, workload: Workload, run: number): Promise<StartRun> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['-r', './apps/ledger-api/register-paths.js', 'dist/apps/ledger-api/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, LEDGER_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before answering /health`);
      const answer = await get(`${base}/health`, token).catch(() => undefined);
      if (answer?.status === 200) break;
      await new Promise((wait) => setTimeout(wait, 5));
    }
    const healthMs = msSince(started);
    const timed = async (path: string) => {
      const sent = process.hrtime.bigint();
      const answer = await get(`${base}${path}`, token);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
      return msSince(sent);
    };
    const coop = `/v1/cooperatives/${COOP_ID}`;
    // The first page of each register, in turn, then the whole cap table.
    const capTablePageMs = await timed(`${coop}/cap-table?limit=100`);
    const membersPageMs = await timed(`${coop}/associates?limit=100`);
    const movementsPageMs = await timed(`${coop}/capital-movements?limit=100`);
    const capTableMs = await timed(`${coop}/cap-table`);
    const queriedMiB = memoryOf(child.pid!)?.peakMiB ?? NaN;
    const sent = process.hrtime.bigint();
    const command = await post(`${base}${coop}/associates/${Workload.associateId(run)}/subscriptions`, token, { shares: 1, effectiveDate: '2020-12-31' });
    const commandMs = msSince(sent);
    if (command.status !== 201) throw new Error(`The first command answered ${command.status}: ${command.body.slice(0, 300)}`);
    void workload;
    return { healthMs, capTablePageMs, membersPageMs, movementsPageMs, capTableMs, queriedMiB, commandMs, commandMiB: memoryOf(child.pid!)?.peakMiB ?? NaN };
  } finally {
    child.kill('SIGTERM');
    await exited;
    children.delete(child);
  }
}

function post(url: string, token: string, body: unknown): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(body);
  return new Promise((resolveAnswer, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** This run's figures as JSON (bench/latest/scale-<scale>.json), for the growth table across scales. */
function writeFigures(figures: Record<string, unknown>): void {
  mkdirSync(dirname(LATEST), { recursive: true });
  writeFileSync(join(dirname(LATEST), `scale-${SCALE}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

/** Milliseconds per single-row commit with the event store's durability settings. */
function durableCommitLatency(file: string) {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE probe (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO probe (body) VALUES (?)');
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const started = process.hrtime.bigint();
      insert.run('x'.repeat(600));
      times.push(msSince(started));
    }
    return summarize(times);
  } finally {
    db.close();
  }
}

function dropSnapshots(file: string): number {
  const db = new Database(file);
  try {
    const parts = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'projection_parts'").get() ? db.prepare('DELETE FROM projection_parts').run().changes : 0;
    return db.prepare('DELETE FROM projection_snapshots').run().changes + parts;
  } finally {
    db.close();
  }
}

const BEGIN = '<!-- bench:begin (written by bench/capital.bench.ts; edit outside the markers) -->';
const END = '<!-- bench:end -->';

/** The latest run's figures, whatever its scale: untracked, overwritten by the next run. */
function writeLatest(lines: string[]): void {
  mkdirSync(dirname(LATEST), { recursive: true });
  writeFileSync(LATEST, `# Latest capital benchmark (bench/capital.bench.ts)\n\n${lines.join('\n')}\n`);
  console.error(`Figures written to ${LATEST}`);
}

function writeResults(lines: string[]): void {
  const block = `${BEGIN}\n${lines.join('\n')}\n${END}`;
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : `# Benchmark results\n\n${BEGIN}\n${END}\n`;
  const from = current.indexOf(BEGIN);
  const to = current.indexOf(END);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + END.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
  console.error(`Results written to ${RESULTS}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
