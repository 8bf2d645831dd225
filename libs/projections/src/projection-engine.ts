import { EventStore, RecordedEvent, Subscription } from '@ledger/event-store/event-store.port';
import { Projection } from './projection';
import { applyToSlots, freshSlot, lowestPosition, ProjectionApplyError, ProjectionSlot, replayInto } from './replay';
import { SnapshotStore } from './snapshot-store';

export interface ProjectionEngineOptions {
  /** Save a projection's snapshot once this many events have been applied since the last. */
  snapshotEvery?: number;
  /**
   * A snapshot serializes and writes the whole read model on the event loop: never more often
   * than this, nor more than 1/20 of the time (a save that took 1 s waits 19 s for the next).
   */
  snapshotMinIntervalMs?: number;
  /** Where a snapshot that failed to load or save is reported (the engine goes on: it is only a cache). */
  onSnapshotError?: (error: unknown, projection: string) => void;
  /**
   * The memory the read models saved in parts may keep of what queries read (ProjectionParts.attach):
   * past it, the least recently read cooperatives give their events back to the snapshot.
   */
  memoryBudgetBytes?: number;
}

/** waitFor gave up: the read models had not reached the position in time. */
export class ProjectionWaitTimeoutError extends Error {
  constructor(
    readonly position: bigint,
    readonly reached: bigint | undefined,
    readonly timeoutMs: number,
  ) {
    super(`Projections did not reach position ${position} within ${timeoutMs} ms (reached ${reached ?? 'nothing'})`);
    this.name = 'ProjectionWaitTimeoutError';
  }
}

interface Waiter {
  position: bigint;
  resolve(): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
  nudge: NodeJS.Timeout;
}

/** How long waitFor leaves the live subscription to deliver before reading the log itself. */
const NUDGE_AFTER_MS = 20;

/**
 * Runs every projection over the global log: snapshot, catch-up, then live. Every change to
 * the read models goes through one queue, so a catch-up and the live subscription never
 * interleave their events; each slot's position check then makes a duplicate harmless.
 */
export class ProjectionEngine {
  private readonly slots: ProjectionSlot<unknown>[];
  private readonly byName = new Map<string, ProjectionSlot<unknown>>();
  private readonly snapshotEvery: number;
  private readonly snapshotMinIntervalMs: number;
  private readonly onSnapshotError: (error: unknown, projection: string) => void;
  private readonly memoryBudgetBytes?: number;
  private queue: Promise<unknown> = Promise.resolve();
  private queuedCatchUp?: Promise<bigint | undefined>;
  private starting?: Promise<void>;
  private stopping = false;
  private subscription?: Subscription;
  private waiters: Waiter[] = [];
  private snapshotTimer?: NodeJS.Timeout;
  private nextSnapshotAt = 0;
  private failure?: unknown;
  private applied = 0;

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: SnapshotStore,
    projections: Projection<unknown>[],
    options: ProjectionEngineOptions = {},
  ) {
    this.slots = projections.map((projection) => freshSlot(projection));
    for (const slot of this.slots) {
      if (this.byName.has(slot.projection.name)) throw new Error(`Two projections are named ${slot.projection.name}`);
      this.byName.set(slot.projection.name, slot);
    }
    this.snapshotEvery = options.snapshotEvery ?? 10_000;
    this.snapshotMinIntervalMs = options.snapshotMinIntervalMs ?? 5_000;
    this.onSnapshotError = options.onSnapshotError ?? ((error, name) => console.error(`Snapshot of projection ${name} failed`, error));
    this.memoryBudgetBytes = options.memoryBudgetBytes;
  }

  /** Loads the snapshots that still fit, catches up with the log, then follows it live. */
  start(): Promise<void> {
    this.stopping = false;
    this.starting ??= this.loadAndFollow();
    return this.starting;
  }

  private async loadAndFollow(): Promise<void> {
    const head = await this.store.headPosition();
    for (const slot of this.slots) {
      if (slot.projection.parts && this.snapshots.loadParts) {
        await this.loadParts(slot, head);
        continue;
      }
      const snapshot = await this.snapshots.load(slot.projection.name).catch((error: unknown) => {
        // A snapshot is only a cache: one that cannot be read costs a replay, not the start.
        this.onSnapshotError(error, slot.projection.name);
        return undefined;
      });
      // Another version folded events differently: its state is no base to build on. A
      // snapshot ahead of the log belongs to another log (a data folder restored from backup).
      if (!snapshot || snapshot.version !== slot.projection.version) continue;
      if (head === undefined || snapshot.position > head) continue;
      slot.state = snapshot.state;
      slot.position = snapshot.position;
    }
    await this.readBeyondCheckpoint();
    this.subscription = this.store.subscribeAll(this.checkpoint, (event) => this.enqueue(() => this.applyLive(event)));
  }

  /** Resolves once start() has loaded the snapshots and caught up (at once when not started). */
  async ready(): Promise<void> {
    if (this.starting && !this.subscription) await this.starting;
  }

  /** A snapshot in parts: the head now, each part when the state first reads it. */
  private async loadParts(slot: ProjectionSlot<unknown>, head: bigint | undefined): Promise<void> {
    const { name, version, parts } = slot.projection;
    try {
      const snapshot = await this.snapshots.loadParts!(name, version);
      if (!snapshot || head === undefined || snapshot.position > head) return;
      const load = (key: string) => snapshot.part(key);
      slot.state = parts!.join(snapshot.head, load);
      parts!.attach?.(slot.state, load, this.memoryBudgetBytes);
      slot.position = snapshot.position;
    } catch (error) {
      this.onSnapshotError(error, name);
    }
  }

  /**
   * Reads whatever the log holds beyond the checkpoint now. Queries call it first, which is
   * how a second process over the same data folder sees the first one's appends; when the
   * log has nothing new it costs one look at the head position.
   */
  async catchUp(): Promise<bigint | undefined> {
    this.throwIfFailed();
    // Started in the background (the server answers /health before the read models are
    // loaded): a query waits for the start, never replays beside it.
    if (this.starting && !this.subscription) await this.starting;
    return this.readBeyondCheckpoint();
  }

  /** The catch-up itself; the start calls it directly (waiting for the start there would wait for itself). */
  private async readBeyondCheckpoint(): Promise<bigint | undefined> {
    const head = await this.store.headPosition();
    if (head === undefined || this.reached(head)) return this.checkpoint;
    // A catch-up still waiting in the queue will read everything there is when it starts.
    if (this.queuedCatchUp) return this.queuedCatchUp;
    const run = this.enqueue(async () => {
      this.queuedCatchUp = undefined;
      const applied = await replayInto(this.slots, this.store);
      this.applied += applied;
      this.afterApplying();
      return this.checkpoint;
    });
    this.queuedCatchUp = run;
    return run;
  }

  /**
   * Resolves once every projection has applied `position` (read-your-writes: a command
   * answers only when its own event shows in the queries).
   */
  waitFor(position: bigint, timeoutMs = 5000): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.reached(position)) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          clearTimeout(waiter.nudge);
          reject(new ProjectionWaitTimeoutError(position, this.checkpoint, timeoutMs));
        }, timeoutMs),
        // The subscription delivers this process's appends at once; another connection's
        // only when it next polls, and none at all before start(): then read the log now.
        nudge: setTimeout(() => this.catchUp().catch(() => undefined), this.subscription ? NUDGE_AFTER_MS : 0),
      };
      this.waiters.push(waiter);
    });
  }

  /** The position every projection has applied (the lowest of them). */
  get checkpoint(): bigint | undefined {
    return lowestPosition(this.slots);
  }

  /** Events applied since this engine was created (each counted once, whatever the projections). */
  get eventsApplied(): number {
    return this.applied;
  }

  /** The read model of a projection, to hand to its query functions. Do not mutate it. */
  state<S>(name: string): S {
    const slot = this.byName.get(name);
    if (!slot) throw new Error(`No projection named ${name}`);
    return slot.state as S;
  }

  /** Stops following the log and saves every projection that moved since its last snapshot. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.starting?.catch(() => undefined);
    this.starting = undefined;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    await this.queue;
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    await this.saveSnapshots(0);
    this.rejectWaiters(new Error('Projection engine stopped'));
  }

  private applyLive(event: RecordedEvent): void {
    if (applyToSlots(this.slots, event)) this.applied++;
    this.afterApplying();
  }

  private enqueue<T>(task: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    // A failed task must not wedge the queue; its caller sees the error through `run`. A
    // read that failed can be tried again; a projection that failed on an event cannot.
    this.queue = run.catch((error: unknown) => {
      if (error instanceof ProjectionApplyError) this.fail(error);
    });
    return run;
  }

  private afterApplying(): void {
    if (this.waiters.length > 0) {
      const reached = this.waiters.filter((w) => this.reached(w.position));
      if (reached.length > 0) {
        this.waiters = this.waiters.filter((w) => !reached.includes(w));
        for (const waiter of reached) {
          clearTimeout(waiter.timer);
          clearTimeout(waiter.nudge);
          waiter.resolve();
        }
      }
    }
    this.scheduleSnapshots();
  }

  private reached(position: bigint): boolean {
    const checkpoint = this.checkpoint;
    return checkpoint !== undefined && checkpoint >= position;
  }

  /** Off the apply path, on a timer: an append or a query never waits for a snapshot. */
  private scheduleSnapshots(): void {
    if (this.stopping || this.snapshotTimer || !this.slots.some((slot) => slot.unsaved >= this.snapshotEvery)) return;
    const delay = Math.max(0, this.nextSnapshotAt - Date.now());
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void this.saveSnapshots(this.snapshotEvery);
    }, delay);
    this.snapshotTimer.unref();
  }

  private async saveSnapshots(minimumUnsaved: number): Promise<void> {
    const started = Date.now();
    for (const slot of this.slots) {
      if (slot.position === undefined || slot.unsaved < minimumUnsaved) continue;
      // At a stop, what queries derived is saved too, though no event arrived: in parts only (a
      // store of whole documents keeps the one it has for that position, and would serialize the
      // whole state for nothing).
      if (slot.unsaved === 0 && !(minimumUnsaved === 0 && this.snapshots.saveParts && slot.projection.parts?.unsaved?.(slot.state))) continue;
      const { name, version } = slot.projection;
      const unsaved = slot.unsaved;
      try {
        // The store serializes synchronously: state and position are taken at the same instant.
        const parts = slot.projection.parts;
        if (parts && this.snapshots.saveParts) {
          const split = parts.split(slot.state);
          await this.snapshots.saveParts(name, version, slot.position, split.head, split.parts);
          split.saved();
          await this.attachSaved(slot);
        } else await this.snapshots.save(name, version, slot.position, slot.state);
        slot.unsaved -= unsaved;
      } catch (error) {
        this.onSnapshotError(error, name);
      }
    }
    const ended = Date.now();
    this.nextSnapshotAt = ended + Math.max(this.snapshotMinIntervalMs, 19 * (ended - started));
  }

  /** What the snapshot just saved holds can be read back from it: the state may give it back (ProjectionParts.attach). */
  private async attachSaved(slot: ProjectionSlot<unknown>): Promise<void> {
    const { name, version, parts } = slot.projection;
    if (!parts?.attach || !this.snapshots.loadParts) return;
    const saved = await this.snapshots.loadParts(name, version);
    if (saved) parts.attach(slot.state, (key) => saved.part(key), this.memoryBudgetBytes);
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.rejectWaiters(error);
  }

  private rejectWaiters(error: unknown): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      clearTimeout(waiter.nudge);
      waiter.reject(error);
    }
    this.waiters = [];
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
