import { EventStore, NewEvent, RecordedEvent, verifyEvents, VerificationReport } from '@ledger/event-store';

export interface CopyReport {
  events: number;
  streams: number;
  /** The source's verification, then the target's: the same digest when the chain came across intact. */
  source: VerificationReport;
  target: VerificationReport;
  /** The first event whose hash differs between the two ledgers, if any. */
  firstMismatch?: { streamId: string; revision: bigint; sourceHash: string; targetHash: string };
  /** True when the target verifies, holds every event and every hash is the source's. */
  intact: boolean;
}

/**
 * Copies a whole ledger into an empty store, in global order, then checks it. The target
 * recomputes every hash in its own append (the hash covers stream, revision, type, data and
 * metadata, never the global position), so an intact copy has exactly the source's hashes and
 * the same digest of stream heads; positions are the target's own.
 *
 * Consecutive events of one stream go in one append with the exact expected revision, so a
 * concurrent writer on the target (there must be none) would make the copy fail, not fork.
 */
export async function copyLedger(from: EventStore, to: EventStore, onProgress: (copied: number) => void = () => undefined): Promise<CopyReport> {
  if ((await to.headPosition()) !== undefined) throw new Error('The target ledger is not empty: a copy goes into an empty store only');
  let copied = 0;
  for await (const page of from.readAllPages()) {
    for (const run of runsOfOneStream(page)) {
      const first = run[0];
      await to.append(first.streamId, run.map(asNewEvent), first.revision === 0n ? 'no_stream' : first.revision - 1n);
      copied += run.length;
    }
    onProgress(copied);
  }
  const source = await verifyEvents(from.readAll());
  const target = await verifyEvents(to.readAll());
  const firstMismatch = await firstHashMismatch(from, to);
  const intact = source.valid && target.valid && source.events === target.events && source.digest === target.digest && firstMismatch === undefined;
  return { events: copied, streams: target.streams, source, target, firstMismatch, intact };
}

function runsOfOneStream(page: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

/** The event as its writer gave it: the target links it into its own chain. */
function asNewEvent(event: RecordedEvent): NewEvent {
  const { prevHash: _prevHash, hash: _hash, ...metadata } = event.metadata;
  return { type: event.type, data: event.data, metadata };
}

/** Walks both logs side by side, in each one's global order (the same order, position apart). */
async function firstHashMismatch(from: EventStore, to: EventStore): Promise<CopyReport['firstMismatch']> {
  const target = to.readAll()[Symbol.asyncIterator]();
  for await (const event of from.readAll()) {
    const next = await target.next();
    const copy: RecordedEvent | undefined = next.done ? undefined : next.value;
    if (!copy || copy.streamId !== event.streamId || copy.revision !== event.revision || copy.metadata.hash !== event.metadata.hash) {
      await target.return?.();
      return { streamId: event.streamId, revision: event.revision, sourceHash: event.metadata.hash, targetHash: copy?.metadata.hash ?? '(missing)' };
    }
  }
  return undefined;
}
