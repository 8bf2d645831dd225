import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProjectionEngine } from '@ledger/projections';
import { createLedgerApp } from '../apps/ledger-api/src/app.factory';
import { TokenService } from '../apps/ledger-api/src/auth/token.service';
import { loadConfig } from '../apps/ledger-api/src/config/config';
import { benchConfigEnv, benchStoreLine, dropBenchStore } from './bench-store';
import { bulkLoad } from './bulk-load';
import { COOP_ID, statuts, Workload } from './workload';

/**
 * Issue 10's export jobs on a large year: the ledger of bench/fiscal-year.bench.ts (one SCIC,
 * 10,000 associates, 100,000 capital events, movements from 2018-01-01 to mid-2020, written
 * without HTTP), then through the real app over HTTP, jobs inline. Each export as a job — POST,
 * then GET /v1/jobs polled every 50 ms until the file is written (in brackets the job's own
 * createdAt → finishedAt, which includes the inline runner's poll of up to 250 ms) — run cold (the
 * journal not yet built) and again; then its download; then the synchronous GET it stands for.
 * For each: seconds, bytes, and the process's peak RSS during the step above what it held just
 * before (sampled every 5 ms, garbage collected before each step). The server, the job and this
 * client share the process; the client reads each answer as it arrives (hashed, never held
 * whole), so the figures are the server's. The files' sha256 are compared.
 *
 *   npm run bench:exports
 *   BENCH_SCALE=0.1 npm run bench:exports
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ASSOCIATES = Math.round(10_000 * SCALE);
const MOVEMENTS = Math.round(90_000 * SCALE);
const MiB = 1024 * 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const gc = (globalThis as { gc?: () => void }).gc;

/** Runs `work`, sampling the resident set; the peak is taken above the RSS at the start. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; rssMiB: number; peakMiB: number }> {
  gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, seconds: (performance.now() - started) / 1000, rssMiB: before / MiB, peakMiB: (peak - before) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  if (!gc) console.log('(run with node --expose-gc for steadier RSS figures)');
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-exports-'));
  try {
    Object.assign(statuts, { siren: '732829320' });
    const bulk = await bulkLoad(dataDir, new Workload(ASSOCIATES, MOVEMENTS), ASSOCIATES, MOVEMENTS);
    console.log(`Scenario: one SCIC, ${fmt(ASSOCIATES)} associates, ${fmt(ASSOCIATES + MOVEMENTS)} capital events (${fmt(bulk.events)} events written in ${fmt(bulk.seconds, 1)} s without HTTP).`);
    console.log(benchStoreLine());
    const app = await createLedgerApp(loadConfig(benchConfigEnv(dataDir)), { logger: false });
    try {
      await app.listen(0, '127.0.0.1');
      await app.get(ProjectionEngine).ready();
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
      const token = app.get(TokenService).sign({ sub: 'bench', role: 'accountant', coops: ['*'] });
      const headers = { Authorization: `Bearer ${token}` };
      const coop = `${base}/v1/cooperatives/${COOP_ID}`;
      // Read as it arrives, hashed and counted, never held whole: the client's memory stays out of the figures.
      const download = async (url: string) => {
        const res = await fetch(url, { headers });
        if (res.status !== 200) throw new Error(`GET ${url} → ${res.status}: ${(await res.text()).slice(0, 300)}`);
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          hash.update(chunk);
          bytes += chunk.length;
        }
        return { bytes, sha256: hash.digest('hex') };
      };
      /** POST, then GET /v1/jobs polled until the file is written: the download's URL and the job's own createdAt → finishedAt. */
      const exported = async (body: object) => {
        const started = await fetch(`${coop}/exports`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        if (started.status !== 202) throw new Error(`POST exports → ${started.status}: ${await started.text()}`);
        const location = started.headers.get('location')!;
        for (;;) {
          const job = (await (await fetch(`${base}${location}`, { headers })).json()) as { state: string; error?: string; result?: { download: string }; createdAt: string; finishedAt?: string };
          if (job.state === 'failed') throw new Error(`export failed: ${job.error}`);
          if (job.state === 'completed') return { url: `${base}${job.result!.download}`, written: (Date.parse(job.finishedAt!) - Date.parse(job.createdAt)) / 1000 };
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };

      const load = await measured(() => download(`${coop}/cap-table?format=csv`));
      console.log(`First read (loads the cooperative's ${fmt(bulk.events)} events): ${fmt(load.seconds, 1)} s, RSS then ${fmt(load.rssMiB + load.peakMiB)} MiB.`);
      console.log('');
      console.log('| export | bytes | job, first: s to written (job alone), peak MiB | job again: s (job alone), peak MiB | download: s, peak MiB | synchronous GET: s, peak MiB | same sha256 |');
      console.log('|---|---:|---:|---:|---:|---:|---|');
      const cases: Array<[string, object, string]> = [
        ['FEC 2019 (kind fec)', { kind: 'fec', year: 2019 }, `${coop}/journal?year=2019&format=fec`],
        ['journal 2019, JSON', { kind: 'journal', year: 2019 }, `${coop}/journal?year=2019`],
        ['register of movements, CSV', { kind: 'capital-movements', format: 'csv' }, `${coop}/capital-movements?format=csv`],
        ['register of movements, JSON', { kind: 'capital-movements' }, `${coop}/capital-movements`],
        ['cap table, CSV', { kind: 'cap-table', asOf: '2020-12-31', format: 'csv' }, `${coop}/cap-table?asOf=2020-12-31&format=csv`],
      ];
      for (const [label, body, url] of cases) {
        const job = await measured(() => exported(body));
        const again = await measured(() => exported(body));
        const file = await measured(() => download(again.value.url));
        const sync = await measured(() => download(url));
        const same = (await download(job.value.url)).sha256 === sync.value.sha256 && file.value.sha256 === sync.value.sha256;
        console.log(
          `| ${label} | ${fmt(file.value.bytes)} | ${fmt(job.seconds, 2)} (${fmt(job.value.written, 2)}), ${fmt(job.peakMiB)} | ${fmt(again.seconds, 2)} (${fmt(again.value.written, 2)}), ${fmt(again.peakMiB)} | ${fmt(file.seconds, 2)}, ${fmt(file.peakMiB)} | ${fmt(sync.seconds, 2)}, ${fmt(sync.peakMiB)} | ${same ? 'yes' : 'NO'} |`,
        );
      }
      console.log(`Peak RSS of the process over the run: ${fmt(process.resourceUsage().maxRSS / 1024)} MiB.`);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await dropBenchStore();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
