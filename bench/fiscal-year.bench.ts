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
import { median } from './stats';
import { COOP_ID, statuts, Workload } from './workload';

/**
 * Issue 9's bar: closing and allocating a year for a cooperative of 10,000 associates and
 * 100,000 capital events — the proposal, the interest per associate and the year's journal/FEC
 * each under 1 s. The ledger is written without HTTP (bench/bulk-load.ts: the cooperative
 * decider decides, the event store appends): 10,000 admissions from 2015 to 2017, 90,000
 * movements from 2018-01-01 to mid-2020. Then, through the real app over HTTP: 2019 closed, its
 * proposal for an AG of 15 June 2020, an AG of 10,000 voters that adopts it, the allocation, and
 * the reads, each timed cold (first call) and warm (median of the next ones).
 *
 *   npm run bench:fiscal-year
 *   BENCH_SCALE=0.1 npm run bench:fiscal-year
 */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ASSOCIATES = Math.round(10_000 * SCALE);
const MOVEMENTS = Math.round(90_000 * SCALE);
const WARM_RUNS = 5;
const YEAR = 2019;
const HELD_ON = '2020-06-15';
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-fy-'));
  try {
    // The FEC is named after the SIREN: the workload's statuts get one (a valid Luhn key) for this run.
    Object.assign(statuts, { siren: '732829320' });
    const bulk = await bulkLoad(dataDir, new Workload(ASSOCIATES, MOVEMENTS), ASSOCIATES, MOVEMENTS);
    console.log(`Scenario: one SCIC, ${fmt(ASSOCIATES)} associates, ${fmt(ASSOCIATES + MOVEMENTS)} capital events (${fmt(bulk.events)} events written in ${fmt(bulk.seconds, 1)} s without HTTP).`);
    console.log(benchStoreLine());

    const app = await createLedgerApp(loadConfig(benchConfigEnv(dataDir)), { logger: false });
    try {
      await app.listen(0, '127.0.0.1');
      await app.get(ProjectionEngine).ready();
      const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/v1`;
      const tokens = app.get(TokenService);
      const gerant = tokens.sign({ sub: 'bench', role: 'gerant', coops: ['*'] });
      const admin = tokens.sign({ sub: 'bench', role: 'admin', coops: ['*'] });
      const coop = `${base}/cooperatives/${COOP_ID}`;

      const call = async (method: string, url: string, body?: unknown, token = gerant): Promise<{ ms: number; status: number; bytes: number; json: () => unknown }> => {
        const t0 = performance.now();
        const res = await fetch(url, {
          method,
          headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const buffer = Buffer.from(await res.arrayBuffer());
        const ms = performance.now() - t0;
        if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status}: ${buffer.toString('utf8').slice(0, 500)}`);
        return { ms, status: res.status, bytes: buffer.length, json: () => JSON.parse(buffer.toString('utf8')) };
      };
      const rows: string[] = [];
      const timed = async (label: string, url: string) => {
        const cold = await call('GET', url);
        const warm: number[] = [];
        for (let i = 0; i < WARM_RUNS; i++) warm.push((await call('GET', url)).ms);
        rows.push(`| ${label} | ${fmt(cold.bytes / 1024)} KiB | ${fmt(cold.ms)} | ${fmt(median(warm))} |`);
        return cold;
      };
      const once = async (label: string, method: string, url: string, body: unknown, token = gerant) => {
        const answer = await call(method, url, body, token);
        rows.push(`| ${label} | — | ${fmt(answer.ms)} | — |`);
        return answer;
      };

      // The TMO of 2017 and 2018 is not shipped: an AG of 2020 needs it (bench values, not the published ones, chosen so that
      // the cap is a terminating decimal: (4 × 0.79 + 0.62 + 0.12) ÷ 6 + 2 = 2.65 %).
      const rates = [2017, 2018].flatMap((year) => [1, 2].map((half) => ({ year, half, rate: '0.79', source: 'bench value' })));
      await call('PUT', `${base}/reference/tmo`, { rates }, admin);

      await once(`POST …/fiscal-years/${YEAR}/closing`, 'POST', `${coop}/fiscal-years/${YEAR}/closing`, { closedOn: '2020-03-31', netResultCents: 50_000_000 });
      const proposal = (
        await timed(`GET …/fiscal-years/${YEAR}/allocation-proposal (proposal, interest at the cap over ${fmt(ASSOCIATES)} associates)`, `${coop}/fiscal-years/${YEAR}/allocation-proposal?heldOn=${HELD_ON}`)
      ).json() as {
        minimums: { legalReserveCents: number };
        maxima: { shareInterestRate: string };
        draftResolution: string;
      };
      await timed(`GET …/fiscal-years/${YEAR}/share-interest?rate= (preview per associate)`, `${coop}/fiscal-years/${YEAR}/share-interest?rate=${proposal.maxima.shareInterestRate}`);

      const ag = `${coop}/assemblies/ago-2020`;
      await once(`POST …/assemblies (${fmt(ASSOCIATES)} voters)`, 'POST', `${coop}/assemblies`, {
        id: 'ago-2020',
        kind: 'ordinary',
        title: 'AGO 2020',
        convenedOn: '2020-05-20',
        heldOn: HELD_ON,
        place: 'Siège',
        call: 1,
        resolutions: [{ id: 'r1', title: `Affectation du résultat ${YEAR}`, text: proposal.draftResolution, kind: 'ordinary' }],
      });
      await call('POST', `${ag}/attendance`, { associateId: 'a0', mode: 'present' });
      await call('POST', `${ag}/opening`, {});
      await call('POST', `${ag}/resolutions/r1/ballots`, { associateId: 'a0', choice: 'for' });
      await call('POST', `${ag}/resolutions/r1/closing`, {});
      await call('POST', `${ag}/closing`, {});

      const allocation = { resolution: { assemblyId: 'ago-2020', resolutionId: 'r1' }, legalReserveCents: proposal.minimums.legalReserveCents, shareInterestRate: proposal.maxima.shareInterestRate };
      await once(`POST …/fiscal-years/${YEAR}/allocation`, 'POST', `${coop}/fiscal-years/${YEAR}/allocation`, allocation);
      await timed(`GET …/fiscal-years/${YEAR} (the allocation as recorded, every row)`, `${coop}/fiscal-years/${YEAR}`);
      const interest = (await timed(`GET …/fiscal-years/${YEAR}/share-interest (interest per associate, as allocated)`, `${coop}/fiscal-years/${YEAR}/share-interest`)).json() as { rows: unknown[]; totalCents: number };
      await timed('GET …/reserves', `${coop}/reserves`);
      const journal = (await timed(`GET …/journal?year=${YEAR} (JSON)`, `${coop}/journal?year=${YEAR}`)).json() as { entries: unknown[] };
      await timed(`GET …/journal?year=${YEAR}&format=fec`, `${coop}/journal?year=${YEAR}&format=fec`);
      const next = (await timed(`GET …/journal?year=${YEAR + 1} (JSON: the allocation, 457 per associate)`, `${coop}/journal?year=${YEAR + 1}`)).json() as { entries: unknown[] };
      await timed(`GET …/journal?year=${YEAR + 1}&format=fec`, `${coop}/journal?year=${YEAR + 1}&format=fec`);

      console.log(
        `${YEAR}: ${fmt(interest.rows.length)} interest rows at ${proposal.maxima.shareInterestRate} % (${fmt(interest.totalCents)} cents); journal ${YEAR}: ${fmt(journal.entries.length)} entries, ${YEAR + 1}: ${fmt(next.entries.length)} entries.`,
      );
      console.log('');
      console.log(`| operation (HTTP, server in-process) | body | first call ms | median of next ${WARM_RUNS} ms |`);
      console.log('|---|---:|---:|---:|');
      for (const row of rows) console.log(row);
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
