import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { CooperativeCommand, CooperativeEvent, cooperativeDecider } from '@ledger/domain';
import { NewEvent } from '@ledger/event-store';
import { toNewEvent } from '../apps/ledger-api/src/write/command-metadata';
import { StreamSnapshots } from '../apps/ledger-api/src/write/stream-snapshots';
import { openBenchSnapshots, openBenchStore } from './bench-store';
import { BenchRequest, COOP_ID, statuts, Workload } from './workload';

/**
 * The first part of the scenario written without HTTP: each command decided by the cooperative
 * decider on the history it enters (as the write path does), its events appended through the
 * event store (hash chain, canonical JSON, one transaction per 1,000 commands). What the store
 * holds is what the HTTP path would have written, but for recordedAt and the actor; building
 * 1,000,000 events this way takes a minute instead of ten. The write path's snapshot of the
 * cooperative is saved at the end, as a server saves it at its stop: the HTTP phases then measure
 * commands on a running ledger, not a first command folding the million events loaded here.
 */
export interface BulkLoadResult {
  commands: number;
  events: number;
  seconds: number;
}

const BATCH = 1000;
const METADATA = { actor: { sub: 'bench', role: 'gerant' }, correlationId: 'bench-bulk-load' };

/** The command the HTTP API would build from one of the workload's requests. */
export function commandOf(request: BenchRequest): CooperativeCommand {
  const body = request.body as Record<string, never>;
  const movementId = randomUUID();
  const path = request.path.split('/');
  const last = path[path.length - 1];
  if (last === 'associates') {
    return {
      type: 'AdmitAssociate',
      associateId: body.id,
      name: body.name,
      personType: body.personType,
      category: body.category,
      collegeCode: body.collegeCode ?? null,
      admittedOn: body.admittedOn,
      shares: body.shares,
      paidCents: body.paidCents,
      movementId,
    };
  }
  if (last === 'payments') return { type: 'PayUpShares', associateId: path[path.length - 2], amountCents: body.amountCents, effectiveDate: body.effectiveDate, movementId };
  if (last === 'subscriptions') return { type: 'SubscribeShares', associateId: path[path.length - 2], shares: body.shares, paidCents: body.paidCents, effectiveDate: body.effectiveDate, movementId };
  if (last === 'share-transfers') return { type: 'TransferShares', ...(body as object), movementId } as CooperativeCommand;
  throw new Error(`No command for ${request.path}`);
}

/**
 * Creates the cooperative, then appends `admissions` admissions and `movements` movements of
 * `workload` (which is left where the HTTP phases go on from).
 */
export async function bulkLoad(dataDir: string, workload: Workload, admissions: number, movements: number): Promise<BulkLoadResult> {
  const started = process.hrtime.bigint();
  mkdirSync(dataDir, { recursive: true });
  const store = openBenchStore(dataDir);
  const streamId = cooperativeDecider.streamId(COOP_ID);
  let history = cooperativeDecider.initialState();
  let revision: bigint | 'no_stream' = 'no_stream';
  let lastEventId = '';
  let pending: NewEvent[] = [];
  let decided: CooperativeEvent[] = [];
  let commands = 0;
  let events = 0;
  const recordedAt = new Date().toISOString();
  const flush = async () => {
    if (pending.length === 0) return;
    const appended = await store.append(streamId, pending, revision);
    revision = appended.nextExpectedRevision;
    lastEventId = pending[pending.length - 1].metadata.eventId;
    for (const event of decided) history = cooperativeDecider.evolve(history, event);
    events += pending.length;
    pending = [];
    decided = [];
  };
  const send = async (command: CooperativeCommand) => {
    // Each command is decided on the state the previous ones leave: fold what is pending first.
    for (const event of decided) history = cooperativeDecider.evolve(history, event);
    decided = [];
    const out = cooperativeDecider.decide(command, history);
    for (const event of out) pending.push(toNewEvent(event, cooperativeDecider.eventIdOf?.(event), COOP_ID, METADATA, recordedAt));
    decided = out;
    commands++;
    if (commands % BATCH === 0) await flushKeepingFold();
  };
  // The events decided before the last command are folded already; append them all, fold the last.
  const flushKeepingFold = async () => {
    const last = decided;
    decided = [];
    const appended = await store.append(streamId, pending, revision);
    revision = appended.nextExpectedRevision;
    lastEventId = pending[pending.length - 1].metadata.eventId;
    events += pending.length;
    pending = [];
    for (const event of last) history = cooperativeDecider.evolve(history, event);
  };
  try {
    await send({ type: 'AdoptStatuts', coopId: COOP_ID, statuts: statuts as never });
    for (let i = 0; i < admissions; i++) await send(commandOf(workload.admission(i)));
    for (let j = 0; j < movements; j++) await send(commandOf(workload.movement(j)));
    await flush();
    const snapshots = openBenchSnapshots(dataDir);
    try {
      if (revision !== 'no_stream') await new StreamSnapshots(snapshots, store, cooperativeDecider.snapshots!).save(streamId, history, revision, lastEventId);
    } finally {
      await snapshots.close?.();
    }
  } finally {
    await store.close();
  }
  return { commands, events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** `node -r ./apps/ledger-api/register-paths.js dist/bench/bulk-load.js <dataDir> [scale]`: a data folder to experiment on. */
if (require.main === module) {
  const scale = Number(process.argv[3] ?? 1);
  const associates = Math.round(10_000 * scale);
  const movements = Math.round(90_000 * scale);
  bulkLoad(process.argv[2], new Workload(associates, movements), associates, movements)
    .then((result) => console.log(JSON.stringify(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
