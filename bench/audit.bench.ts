import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { CooperativeCommand, CooperativeEvent, cooperativeDecider } from '@ledger/domain';
import { canonicalJson, chainEvents, GENESIS_HASH, RecordedEvent } from '@ledger/event-store';
import { AuditBundleWriter, bundleFileLines, CooperativeReplayer, verifyBundle } from '@ledger/projections';

/**
 * The auditor's tools at scale (issue 11): one SCIC, 1,000 associates, then payments and
 * subscriptions up to EVENTS events (default 1,000,000; `AUDIT_BENCH_EVENTS=100000` on a busy
 * machine), all hashed and chained as the store does it. Measures
 *   - the replay: the events folded through the live projections, then the cap table and the
 *     compliance report as of the last date (events/s);
 *   - the offline verification of the audit bundle written from them: every line parsed, every
 *     hash recomputed, every chain, the digest and the file's sha256 (events/s);
 * and the process's peak memory after each.
 *
 *   npm run bench:audit
 */
const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const ASSOCIATES = 1000;
const COOP = 'audit-bench';

function history(): RecordedEvent[] {
  let state = cooperativeDecider.initialState();
  const decided: CooperativeEvent[] = [];
  const run = (command: CooperativeCommand) => {
    for (const event of cooperativeDecider.decide(command, state) as CooperativeEvent[]) {
      state = cooperativeDecider.evolve(state, event);
      decided.push(event);
    }
  };
  run({ type: 'AdoptStatuts', coopId: COOP, statuts: { name: 'Audit bench', legalForm: 'SCIC', companyForm: 'SA', registeredOn: '2015-01-05', shareValueCents: 100 } });
  for (let i = 0; i < ASSOCIATES; i++)
    run({ type: 'AdmitAssociate', associateId: `a${i}`, name: `Associate ${i}`, personType: 'natural', category: i % 2 ? 'employee' : 'beneficiary', admittedOn: '2015-02-01', shares: 10, movementId: `adm-${i}` });
  // Then, day after day, an associate subscribes 100 shares paid a quarter and pays the rest the next event.
  let day = Date.parse('2015-03-01T00:00:00Z');
  for (let n = 0; decided.length < EVENTS; n++) {
    const associateId = `a${n % ASSOCIATES}`;
    const effectiveDate = new Date(day).toISOString().slice(0, 10);
    if (n % ASSOCIATES === ASSOCIATES - 1) day += 86_400_000;
    decided.push({ type: 'SharesSubscribed', data: { associateId, shares: 100, amountCents: 10_000, paidCents: 2500, effectiveDate, movementId: `s-${n}` } } as unknown as CooperativeEvent);
    if (decided.length < EVENTS) decided.push({ type: 'SharesPaidUp', data: { associateId, amountCents: 7500, effectiveDate, movementId: `p-${n}` } } as unknown as CooperativeEvent);
  }
  const streamId = `cooperative-${COOP}`;
  const chained = chainEvents(
    streamId,
    0n,
    GENESIS_HASH,
    decided.map((e, i) => ({
      type: e.type,
      data: e.data as unknown as RecordedEvent['data'],
      metadata: {
        eventId: `ev-${i}`,
        coopId: COOP,
        actor: { sub: 'bench', role: 'gerant' },
        correlationId: `c-${i}`,
        causationId: `c-${i}`,
        recordedAt: new Date(Date.parse('2015-01-05T09:00:00Z') + i * 1000).toISOString(),
        schemaVersion: 1,
      },
    })),
  );
  // As a store reads them back: data and metadata parsed from the canonical text it keeps (members
  // in canonical order), which is what a server's bundle writes.
  const storedForm = <T>(value: T) => JSON.parse(canonicalJson(value)) as T;
  return chained.map((e, i) => ({ streamId, position: BigInt(i + 1), ...e, data: storedForm(e.data), metadata: storedForm(e.metadata) }));
}

const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms).toLocaleString('en-US');

/**
 * The replay and its read models, in a function of their own: the 2 GB they hold at a million
 * events is garbage once it returns, and the verification timed next (an auditor's `ledger
 * verify`, a process of its own) does not run beside it (30 s there against 10 s alone).
 */
function replay(events: RecordedEvent[], lastDate: string): ReturnType<CooperativeReplayer['reached']> {
  const started = Date.now();
  const replayer = new CooperativeReplayer(COOP);
  for (const event of events) replayer.add(event);
  const folded = Date.now() - started;
  const reached = replayer.reached();
  const models = replayer.readModels(lastDate);
  const replayMs = Date.now() - started;
  console.log(
    `replay: ${reached.events.toLocaleString('en-US')} events folded in ${folded} ms (${rate(reached.events, folded)} events/s); with the read models as of ${lastDate} (cap table ${models.capTable!.totals.shares.toLocaleString('en-US')} shares, compliance ${models.compliance!.status}) ${replayMs} ms (${rate(reached.events, replayMs)} events/s); peak ${peakMiB()} MiB`,
  );
  return reached;
}

async function main(): Promise<void> {
  const started = Date.now();
  const events = history();
  const lastDate = (events[events.length - 1].data as { effectiveDate: string }).effectiveDate;
  console.log(`history: ${events.length.toLocaleString('en-US')} events generated and chained in ${Date.now() - started} ms (peak ${peakMiB()} MiB)`);

  const reached = replay(events, lastDate);

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'audit-bench-')), 'bundle.ndjson');
  const out = fs.openSync(file, 'w');
  const writer = new AuditBundleWriter();
  fs.writeSync(out, writer.manifest({ coopId: COOP, generatedAt: new Date().toISOString(), position: reached.position, streams: reached.streams, events: reached.events, heads: reached.heads, digest: reached.digest }));
  let chunk = '';
  for (const event of events) {
    chunk += writer.event(event);
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk + writer.end());
  fs.closeSync(out);
  events.length = 0;
  console.log(`bundle: ${(fs.statSync(file).size / 1048576).toFixed(0)} MiB written`);

  // In a process of its own, as an auditor runs `ledger verify`: timed in this one, beside the
  // gigabytes the history and the replay left, it took three times as long.
  const verified = JSON.parse(execFileSync(process.execPath, [...process.execArgv, __filename, 'verify', file], { encoding: 'utf8' })) as { events: number; ms: number; peakMiB: number };
  console.log(
    `verify (a process of its own): ${verified.events.toLocaleString('en-US')} events, every hash, chain, the digest and the file hash, in ${verified.ms} ms (${rate(verified.events, verified.ms)} events/s); peak ${verified.peakMiB} MiB`,
  );
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

/** The offline verification of one bundle file; prints its figures as JSON. */
async function verify(file: string): Promise<void> {
  const started = Date.now();
  const report = await verifyBundle(bundleFileLines(file));
  const ms = Date.now() - started;
  if (!report.valid) throw new Error(`the bench's own bundle does not verify: ${JSON.stringify(report)}`);
  console.log(JSON.stringify({ events: report.events, ms, peakMiB: peakMiB() }));
}

(process.argv[2] === 'verify' ? verify(process.argv[3]) : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
