import { InMemorySnapshotStore, LEDGER_PROJECTIONS, ProjectionEngine, cooperativeLedgerProjection, rebuild } from '@ledger/projections';
import { openBenchStore } from './bench-store';
import { msSince } from './stats';

/**
 * The projections from zero over a data folder, in a process of its own (as a restart without a
 * snapshot, or an audit replay, starts from a fresh heap): `rebuild` of the cooperative ledger,
 * or the engine's `start()` with no snapshot, running the projections a server runs. Each in a
 * process of its own (`what`): a start timed after a rebuild in the same process began with the
 * rebuild's half-gigabyte of garbage in its heap, which no restart has. Prints one JSON line for
 * capital.bench.ts.
 *
 *   node -r ./apps/ledger-api/register-paths.js dist/bench/rebuild.bench.js <dataDir> [runs, default 3] [rebuild|start|both, default both]
 */
export interface RebuildResult {
  events: number;
  rebuildMs: number[];
  startMs: number[];
}

async function main(dataDir: string, runs: number, what: string): Promise<void> {
  const store = openBenchStore(dataDir);
  const result: RebuildResult = { events: 0, rebuildMs: [], startMs: [] };
  try {
    for (let i = 0; what !== 'start' && i < runs; i++) {
      const started = process.hrtime.bigint();
      result.events = (await rebuild(cooperativeLedgerProjection, store)).events;
      result.rebuildMs.push(msSince(started));
    }
    for (let i = 0; what !== 'rebuild' && i < runs; i++) {
      const engine = new ProjectionEngine(store, new InMemorySnapshotStore(), [...LEDGER_PROJECTIONS]);
      const started = process.hrtime.bigint();
      await engine.start();
      result.startMs.push(msSince(started));
      result.events = engine.eventsApplied;
      await engine.stop();
    }
  } finally {
    await store.close();
  }
  console.log(JSON.stringify(result));
}

main(process.argv[2], Number(process.argv[3] ?? 3), process.argv[4] ?? 'both').catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
