/**
 * Benchmark of issue 3 (not a test): an AG of 100,000 voters in 5 collèges, one ballot each.
 * 1. Through the decider (no HTTP): attendance, ballots, and closing the resolution.
 * 2. Through the real HTTP app: the ballot rate on a smaller AG (2,000 voters).
 * Run: npm run build && node -r ./apps/ledger-api/register-paths.js dist/bench/assembly.bench.js
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { AssemblyCommand, AssemblyRules, BALLOT_CHOICES, Voter, assemblyDecider } from '@ledger/domain';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { loadConfig } from '../apps/ledger-api/src/config/config';
import { fmt, median, memoryOf, msSince, summarize } from './stats';

const COLLEGES = ['c1', 'c2', 'c3', 'c4', 'c5'];

function deciderRun(voterCount: number): Record<string, number> {
  const voters: Voter[] = Array.from({ length: voterCount }, (_, i) => ({ associateId: `a${i}`, name: `Associate ${i}`, collegeCode: COLLEGES[i % 5], employee: true, weight: { numerator: '1', denominator: '1' } }));
  const rules: AssemblyRules = {
    legalForm: 'SCIC',
    companyForm: 'SAS',
    colleges: COLLEGES.map((code) => ({ code, name: code, weightBp: 2000 })),
    collegeCounting: 'proportional',
    quorumRequiredBp: { ordinary: 0, extraordinary: 0 },
    majority: { ordinary: { numerator: 1, denominator: 2, strict: true }, extraordinary: { numerator: 2, denominator: 3, strict: false } },
    blankProxyVotesWithBoard: true,
    noticeDays: 15,
  };
  const state = assemblyDecider.initialState();
  const run = (command: AssemblyCommand) => {
    for (const e of assemblyDecider.decide(command, state)) assemblyDecider.evolve(state, e);
  };
  run({
    type: 'ConveneAssembly',
    coopId: 'bench',
    assemblyId: 'ag',
    kind: 'ordinary',
    title: 'AG',
    convenedOn: '2025-05-01',
    heldOn: '2025-06-01',
    place: 'Siège social',
    call: 1,
    recordDate: '2025-05-01',
    reconvenes: null,
    resolutions: [{ id: 'r1', title: 'R1', text: 'Texte de la résolution r1 : R1.', kind: 'ordinary', boardApproved: true }],
    voters,
    votersHash: 'x'.repeat(64),
    rules,
  });
  let start = process.hrtime.bigint();
  for (const v of voters) run({ type: 'RecordAttendance', associateId: v.associateId, mode: 'present' });
  run({ type: 'OpenAssembly' });
  const attendanceMs = msSince(start);
  start = process.hrtime.bigint();
  voters.forEach((v, i) => run({ type: 'CastBallot', resolutionId: 'r1', associateId: v.associateId, choice: BALLOT_CHOICES[i % 3] }));
  const ballotsMs = msSince(start);
  const closings: number[] = [];
  for (let i = 0; i < 21; i++) {
    start = process.hrtime.bigint();
    assemblyDecider.decide({ type: 'CloseResolution', resolutionId: 'r1' }, state);
    closings.push(msSince(start));
  }
  return { voters: voterCount, attendanceMs, ballotsMs, ballotsPerSecond: voterCount / (ballotsMs / 1000), closeMedianMs: median(closings), closeMaxMs: Math.max(...closings) };
}

function post(agent: http.Agent, port: number, token: string, pathname: string, body: unknown): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: '127.0.0.1', port, method: 'POST', path: pathname, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function inParallel(count: number, concurrency: number, send: (i: number) => Promise<number>): Promise<{ seconds: number; latencies: number[]; failures: number }> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const sent = process.hrtime.bigint();
        if ((await send(i)) !== 201) failures++;
        latencies.push(msSince(sent));
      }
    }),
  );
  return { seconds: msSince(started) / 1000, latencies, failures };
}

async function httpRun(voterCount: number, concurrency: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-ag-'));
  const app = await createLedgerApp(loadConfig({ LEDGER_DATA_DIR: dataDir, LOG_LEVEL: 'error' }), { logger: false });
  try {
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as { port: number }).port;
    const token = app.get(TokenService).sign({ sub: 'bench', role: 'gerant', coops: ['*'] });
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    const coop = '/v1/cooperatives/bench';
    const colleges = COLLEGES.map((code) => ({ code, name: code, weightBp: 2000 }));
    await post(agent, port, token, '/v1/cooperatives', { id: 'bench', name: 'Bench SCIC', legalForm: 'SCIC', companyForm: 'SAS', registeredOn: '2024-01-02', shareValueCents: 1000, colleges });
    const categories = ['employee', 'beneficiary', 'supporter', 'volunteer', 'producer'];
    await inParallel(voterCount, concurrency, (i) =>
      post(agent, port, token, `${coop}/associates`, { id: `a${i}`, name: `Associate ${i}`, personType: 'natural', category: categories[i % 5], collegeCode: COLLEGES[i % 5], admittedOn: '2024-02-01', shares: 1 }),
    );
    await post(agent, port, token, `${coop}/assemblies`, {
      id: 'ag',
      kind: 'ordinary',
      title: 'AG',
      convenedOn: '2025-05-01',
      heldOn: '2025-06-01',
      place: 'Siège social',
      call: 1,
      resolutions: [{ id: 'r1', title: 'R1', text: 'Texte de la résolution r1 : R1.', kind: 'ordinary' }],
    });
    const attendance = await inParallel(voterCount, concurrency, (i) => post(agent, port, token, `${coop}/assemblies/ag/attendance`, { associateId: `a${i}`, mode: 'present' }));
    await post(agent, port, token, `${coop}/assemblies/ag/opening`, {});
    const ballots = await inParallel(voterCount, concurrency, (i) => post(agent, port, token, `${coop}/assemblies/ag/resolutions/r1/ballots`, { associateId: `a${i}`, choice: BALLOT_CHOICES[i % 3] }));
    const start = process.hrtime.bigint();
    const closed = await post(agent, port, token, `${coop}/assemblies/ag/resolutions/r1/closing`, {});
    const closeMs = msSince(start);
    agent.destroy();
    const summary = summarize(ballots.latencies);
    return {
      voters: voterCount,
      concurrency,
      attendancePerSecond: voterCount / attendance.seconds,
      ballotsPerSecond: voterCount / ballots.seconds,
      p50: summary.p50,
      p99: summary.p99,
      failures: ballots.failures + attendance.failures,
      closeStatus: closed,
      closeMs,
    };
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${os.cpus().length} cores`);
  const decider = deciderRun(100_000);
  console.log(
    `decider, 100,000 voters in 5 collèges: attendance ${fmt(decider.attendanceMs)} ms, ballots ${fmt(decider.ballotsMs)} ms (${fmt(decider.ballotsPerSecond)} ballots/s), close a resolution median ${fmt(decider.closeMedianMs, 3)} ms, max ${fmt(decider.closeMaxMs, 3)} ms`,
  );
  for (const concurrency of [1, 8]) {
    const result = await httpRun(2_000, concurrency);
    console.log(
      `HTTP, 2,000 voters, concurrency ${concurrency}: ${fmt(result.ballotsPerSecond)} ballots/s (p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms), attendance ${fmt(result.attendancePerSecond)}/s, failures ${result.failures}, close ${result.closeStatus} in ${fmt(result.closeMs, 1)} ms`,
    );
  }
  console.log(`peak RSS ${fmt(memoryOf()?.peakMiB ?? NaN)} MiB`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
