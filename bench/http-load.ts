import * as http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { summarize, LatencySummary } from './stats';
import { BenchRequest, statuts, Workload } from './workload';

/**
 * The load client. It runs in a worker thread so that building requests and parsing answers do
 * not share the server's event loop: the server is in-process (the main thread), the client on
 * the machine's other core. Each phase sends its commands over `concurrency` keep-alive
 * connections, each connection sending its next command as soon as the previous one answered.
 */
export interface LoadPhase {
  name: string;
  kind: 'admissions' | 'movements';
  count: number;
  concurrency: number;
}

export interface LoadOptions {
  baseUrl: string;
  token: string;
  associates: number;
  /** Movements in the whole scenario (their dates are spread over it). */
  movements: number;
  /** Already in the log (bench/bulk-load.ts), the cooperative included: generated again, not sent. */
  bulk?: { admissions: number; movements: number };
  phases: LoadPhase[];
}

export interface PhaseResult extends LoadPhase {
  seconds: number;
  commandsPerSecond: number;
  latency: LatencySummary;
  failures: number;
  firstFailures: string[];
}

export type LoadMessage = { phase: PhaseResult } | { done: true } | { error: string };

function post(agent: http.Agent, url: URL, token: string, request: BenchRequest): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify(request.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function runPhase(options: LoadOptions, workload: Workload, phase: LoadPhase, offset: number): Promise<PhaseResult> {
  const url = new URL(options.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: phase.concurrency });
  const latencies = new Float64Array(phase.count);
  const firstFailures: string[] = [];
  let failures = 0;
  let next = 0;
  const started = process.hrtime.bigint();
  const connection = async () => {
    while (next < phase.count) {
      const i = next++;
      // Generated in the order sent: the workload's view of the holdings follows the log.
      const request = phase.kind === 'admissions' ? workload.admission(offset + i) : workload.movement(offset + i);
      const sent = process.hrtime.bigint();
      const answer = await post(agent, url, options.token, request);
      latencies[i] = Number(process.hrtime.bigint() - sent) / 1e6;
      if (answer.status !== 201) {
        failures++;
        if (firstFailures.length < 5) firstFailures.push(`${answer.status} ${request.path} ${JSON.stringify(request.body)} → ${answer.body.slice(0, 300)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: phase.concurrency }, connection));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { ...phase, seconds, commandsPerSecond: phase.count / seconds, latency: summarize(latencies), failures, firstFailures };
}

async function main(options: LoadOptions): Promise<void> {
  const workload = new Workload(options.associates, options.movements);
  const offsets = { admissions: 0, movements: 0 };
  if (options.bulk) {
    // The generator's view of the holdings must follow the log: replay what the bulk load wrote.
    for (let i = 0; i < options.bulk.admissions; i++) workload.admission(i);
    for (let j = 0; j < options.bulk.movements; j++) workload.movement(j);
    offsets.admissions = options.bulk.admissions;
    offsets.movements = options.bulk.movements;
  } else {
    const setup = new http.Agent({ keepAlive: false });
    const created = await post(setup, new URL(options.baseUrl), options.token, { path: '/v1/cooperatives', body: statuts });
    if (created.status !== 201) throw new Error(`Creating the cooperative answered ${created.status}: ${created.body}`);
  }
  for (const phase of options.phases) {
    const result = await runPhase(options, workload, phase, offsets[phase.kind]);
    offsets[phase.kind] += phase.count;
    parentPort!.postMessage({ phase: result } satisfies LoadMessage);
  }
  parentPort!.postMessage({ done: true } satisfies LoadMessage);
}

if (parentPort && workerData) {
  main(workerData as LoadOptions).catch((error: unknown) => parentPort!.postMessage({ error: String((error as Error)?.stack ?? error) } satisfies LoadMessage));
}
