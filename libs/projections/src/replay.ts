import { EventStore, RecordedEvent } from '@ledger/event-store/event-store.port';
import { Projection } from './projection';

/**
 * A projection threw on an event. Its state can no longer be trusted and skipping the event
 * would break the promise that a rebuild equals the live state: the engine stops there.
 */
export class ProjectionApplyError extends Error {
  constructor(
    readonly projection: string,
    readonly event: RecordedEvent,
    override readonly cause: unknown,
  ) {
    super(`Projection ${projection} failed on event ${event.position} (${event.streamId}@${event.revision} ${event.type}): ${String(cause)}`);
    this.name = 'ProjectionApplyError';
  }
}

/** One projection with the state it holds and the position it has folded up to. */
export interface ProjectionSlot<S = unknown> {
  readonly projection: Projection<S>;
  state: S;
  /** Global position of the last event applied; undefined before the first. */
  position: bigint | undefined;
  /** Events applied since the last snapshot. */
  unsaved: number;
}

export function freshSlot<S>(projection: Projection<S>): ProjectionSlot<S> {
  return { projection, state: projection.init(), position: undefined, unsaved: 0 };
}

/**
 * Applies one event to every slot that has not seen it yet. Replay and live projection both
 * go through here, so a rebuild from zero folds exactly what the live engine folded; the
 * position check is what makes a duplicate delivery (catch-up racing the subscription)
 * harmless. Returns true when at least one slot applied the event.
 */
export function applyToSlots(slots: readonly ProjectionSlot<unknown>[], event: RecordedEvent): boolean {
  let applied = false;
  for (const slot of slots) {
    if (slot.position !== undefined && event.position <= slot.position) continue;
    try {
      slot.state = slot.projection.apply(slot.state, event);
    } catch (error) {
      throw new ProjectionApplyError(slot.projection.name, event, error);
    }
    slot.position = event.position;
    slot.unsaved++;
    applied = true;
  }
  return applied;
}

/** The position every slot has reached: the lowest, or undefined when one has seen nothing. */
export function lowestPosition(slots: readonly ProjectionSlot<unknown>[]): bigint | undefined {
  let lowest: bigint | undefined;
  for (const slot of slots) {
    if (slot.position === undefined) return undefined;
    if (lowest === undefined || slot.position < lowest) lowest = slot.position;
  }
  return lowest;
}

/** Let timers and I/O run during a long replay, without costing a tick per event. */
const YIELD_EVERY = 5000;

/**
 * Folds the log after the lowest slot position into the slots, in global order. Returns how
 * many events were applied to at least one slot.
 */
export async function replayInto(slots: readonly ProjectionSlot<unknown>[], store: EventStore, options: { until?: bigint } = {}): Promise<number> {
  let applied = 0;
  let sinceYield = 0;
  for await (const page of store.readAllPages({ after: lowestPosition(slots), lazyData: true })) {
    for (const event of page) {
      if (options.until !== undefined && event.position > options.until) return applied;
      if (applyToSlots(slots, event)) applied++;
    }
    sinceYield += page.length;
    if (sinceYield >= YIELD_EVERY) {
      sinceYield = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return applied;
}

/**
 * A projection rebuilt from position 0 into a fresh state: what the audit replay compares
 * with the live engine's state (they must be deep-equal).
 */
export async function rebuild<S>(projection: Projection<S>, store: EventStore, options: { until?: bigint } = {}): Promise<{ state: S; position: bigint | undefined; events: number }> {
  const slot = freshSlot(projection);
  const events = await replayInto([slot], store, options);
  return { state: slot.state, position: slot.position, events };
}
