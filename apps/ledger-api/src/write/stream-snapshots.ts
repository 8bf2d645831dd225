import { DomainEvent, StateSnapshots } from '@ledger/domain';
import { EventStore } from '@ledger/event-store';
import { SnapshotStore } from '@ledger/projections';

/** A state as saved: the revision and id of the last event it folded (so that it is never read over another log). */
interface SavedHead {
  revision: string;
  lastEventId: string;
  state: unknown;
}

export interface RestoredState<S> {
  state: S;
  revision: bigint;
  lastEventId: string;
}

/**
 * The write path's snapshots of large stream states, in the snapshot store beside the
 * projections' (SQLite, or PostgreSQL shared by every replica), one snapshot per stream named
 * `stream:<streamId>`. A snapshot is only a cache: one that cannot be read, of another version,
 * or whose last event the store does not hold under the same id (a data folder restored from an
 * older backup, another log) is ignored, and the stream is folded from the store.
 *
 * A store that saves parts writes the head and the parts that are not full yet; a full part is
 * written once. A store without parts (PostgreSQL) gets the whole state in one document.
 */
export class StreamSnapshots<S> {
  /** Full parts already written, per stream. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly snapshots: SnapshotStore,
    private readonly events: EventStore,
    private readonly form: StateSnapshots<unknown, DomainEvent, S>,
  ) {}

  async load(streamId: string): Promise<RestoredState<S> | undefined> {
    const name = nameOf(streamId);
    let head: SavedHead | undefined;
    let partOf: (index: number) => unknown;
    let position: bigint;
    if (this.snapshots.loadParts) {
      const saved = await this.snapshots.loadParts(name, this.form.version);
      if (!saved) return undefined;
      head = saved.head as SavedHead;
      position = saved.position;
      partOf = (index) => saved.part(String(index)) ?? missingPart(streamId, index);
    } else {
      const saved = await this.snapshots.load<{ head: SavedHead; parts: unknown[] }>(name);
      if (!saved || saved.version !== this.form.version) return undefined;
      head = saved.state.head;
      position = saved.position;
      partOf = (index) => saved.state.parts[index] ?? missingPart(streamId, index);
    }
    const revision = BigInt(head.revision);
    if (revision !== position || !(await this.holds(streamId, revision, head.lastEventId))) return undefined;
    const state = this.form.restore(head.state, partOf);
    this.written.set(streamId, this.form.fullParts(state));
    return { state, revision, lastEventId: head.lastEventId };
  }

  /** Saves `state` (folded up to `revision`, whose event is `lastEventId`); the parts are taken before the first await. */
  async save(streamId: string, state: S, revision: bigint, lastEventId: string): Promise<void> {
    const head: SavedHead = { revision: revision.toString(), lastEventId, state: this.form.head(state) };
    const count = this.form.partCount(state);
    const full = this.form.fullParts(state);
    if (this.snapshots.saveParts) {
      const parts: Array<[string, unknown]> = [];
      for (let index = this.written.get(streamId) ?? 0; index < count; index++) parts.push([String(index), this.form.part(state, index)]);
      await this.snapshots.saveParts(nameOf(streamId), this.form.version, revision, head, parts);
    } else {
      const parts: unknown[] = [];
      for (let index = 0; index < count; index++) parts.push(this.form.part(state, index));
      await this.snapshots.save(nameOf(streamId), this.form.version, revision, { head, parts });
    }
    this.written.set(streamId, full);
  }

  /** Whether the store holds event `revision` of the stream under `eventId`. */
  private async holds(streamId: string, revision: bigint, eventId: string): Promise<boolean> {
    for await (const event of this.events.readStream(streamId, revision)) return event.revision === revision && event.metadata.eventId === eventId;
    return false;
  }
}

function nameOf(streamId: string): string {
  return `stream:${streamId}`;
}

function missingPart(streamId: string, index: number): never {
  throw new Error(`The snapshot of stream ${streamId} lacks its part ${index}`);
}
