import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The growth table across scales (issue 13): each figure of bench/latest/scale-<s>.json (written
 * by `BENCH_SCALE=<s> npm run bench`) beside the number of events, and how much faster than the
 * work it grew from the smallest scale to the largest — above 1 grows faster than the work.
 *
 *   node -r ./apps/ledger-api/register-paths.js dist/bench/growth.js 0.1 1 3 10
 */
interface Figures {
  scale: number;
  events: number;
  rebuildEventsPerSecond: number;
  startEventsPerSecond: number;
  healthMs: number;
  capTablePageMs: number;
  membersPageMs: number;
  movementsPageMs: number;
  capTableMs: number;
  restartedMiB: number;
  commandMs: number;
  commandMiB: number;
}

const ROWS: Array<[label: string, pick: (f: Figures) => number, kind: 'rate' | 'cost']> = [
  ['rebuild, events/s', (f) => f.rebuildEventsPerSecond, 'rate'],
  ['engine start without snapshot, events/s', (f) => f.startEventsPerSecond, 'rate'],
  ['spawn → /health with a snapshot, ms', (f) => f.healthMs, 'cost'],
  ['first cap-table page after start, ms', (f) => f.capTablePageMs, 'cost'],
  ['then first member register page, ms', (f) => f.membersPageMs, 'cost'],
  ['then first capital-movements page, ms', (f) => f.movementsPageMs, 'cost'],
  ['then whole cap table, ms', (f) => f.capTableMs, 'cost'],
  ['restarted server RSS after the queries, MiB', (f) => f.restartedMiB, 'cost'],
  ['first command after start, ms', (f) => f.commandMs, 'cost'],
  ['RSS after it, MiB', (f) => f.commandMiB, 'cost'],
];

const root = resolve(__dirname, '..', '..');
const scales = process.argv.slice(2);
const runs = scales
  .map((s) => join(root, 'bench', 'latest', `scale-${s}.json`))
  .filter((file) => existsSync(file))
  .map((file) => JSON.parse(readFileSync(file, 'utf8')) as Figures);
if (runs.length < 2) throw new Error(`Need the figures of two scales at least in bench/latest/ (found ${runs.length})`);
const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n.toFixed(1));
const [first, last] = [runs[0], runs[runs.length - 1]];
const work = last.events / first.events;
console.log(`| figure | ${runs.map((r) => `scale ${r.scale} (${fmt(r.events)} events)`).join(' | ')} | growth ÷ work, ${first.scale} → ${last.scale} |`);
console.log(`|---|${runs.map(() => '---:').join('|')}|---:|`);
for (const [label, pick, kind] of ROWS) {
  // A rate that holds does not grow the cost per event: its cost grows as 1/rate × events.
  const growth = kind === 'rate' ? pick(first) / pick(last) : pick(last) / pick(first) / work;
  console.log(`| ${label} | ${runs.map((r) => fmt(pick(r))).join(' | ')} | ${growth.toFixed(2)} |`);
}
// What the events add to a server that holds about 150 MiB with none: the RSS above the smallest run's.
const perHundredThousand = runs.slice(1).map((r) => `${fmt(((r.restartedMiB - first.restartedMiB) / (r.events - first.events)) * 100_000)} at scale ${r.scale}`);
console.log(`\nRestarted server RSS above the smallest run's, per 100,000 events: ${perHundredThousand.join(', ')} MiB (the smallest: ${fmt(first.restartedMiB)} MiB).`);
