import { IsoDate } from '../shared/dates';
import { effectiveDateOf } from './effective-order';
import { CooperativeEvent } from './events';
import { evolve } from './evolve';
import { CooperativeState, initialState } from './state';

/**
 * What the cooperative decider keeps of its stream: the cooperative as of the last date in
 * effect (a CooperativeState: the fold of every event in effective order), every event in that
 * order, and checkpoints of the fold. An act is judged as of its own date on the history it
 * enters (decide-in-history.ts), so the decider needs the cooperative as it stood on any date,
 * and the acts dated after it.
 *
 * Appending an event dated on or after the last one costs one `evolve` (and, every
 * CHECKPOINT_EVERY events, a checkpoint). A back-dated event is spliced in and the fold is
 * redone from the last checkpoint before it.
 */
export interface CooperativeHistory extends CooperativeState {
  /** Every event recorded, in effective order; recording order within a date. */
  readonly timeline: CooperativeEvent[];
  /** Folds of the first `length` events of the timeline, by ascending length. */
  checkpoints: Array<{ readonly length: number; readonly state: CooperativeState }>;
}

export const CHECKPOINT_EVERY = 2048;

export function initialHistory(): CooperativeHistory {
  return { ...initialState(), timeline: [], checkpoints: [] };
}

/** The date of the last act in effect, null on an empty stream. */
export function lastDateOf(history: CooperativeHistory): IsoDate | null {
  const { timeline } = history;
  return timeline.length === 0 ? null : effectiveDateOf(timeline[timeline.length - 1]);
}

/** Where an act dated `date` enters the timeline: after every event dated on or before it. */
export function insertionIndex(history: CooperativeHistory, date: IsoDate): number {
  const { timeline } = history;
  let lo = 0;
  let hi = timeline.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (effectiveDateOf(timeline[mid]) <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Folds one recorded event in place (the write path calls it once the append has succeeded). */
export function evolveHistory(history: CooperativeHistory, event: CooperativeEvent): CooperativeHistory {
  const last = lastDateOf(history);
  if (last === null || effectiveDateOf(event) >= last) {
    history.timeline.push(event);
    evolve(history, event);
    if (history.timeline.length % CHECKPOINT_EVERY === 0) addCheckpoint(history, history.timeline.length, history);
    return history;
  }
  const at = insertionIndex(history, effectiveDateOf(event));
  history.timeline.splice(at, 0, event);
  history.checkpoints = history.checkpoints.filter((c) => c.length <= at);
  const from = history.checkpoints[history.checkpoints.length - 1];
  const state = from ? copyState(from.state) : initialState();
  for (let i = from ? from.length : 0; i < history.timeline.length; i++) {
    evolve(state, history.timeline[i]);
    if ((i + 1) % CHECKPOINT_EVERY === 0) addCheckpoint(history, i + 1, state);
  }
  return Object.assign(history, state);
}

/** The cooperative after the first `length` events of the timeline: a fresh state, free to fold on. */
export function foldPrefix(history: CooperativeHistory, length: number): CooperativeState {
  if (length === history.timeline.length) return copyState(history);
  let from: { length: number; state: CooperativeState } | undefined;
  for (const c of history.checkpoints) if (c.length <= length) from = c;
  const state = from ? copyState(from.state) : initialState();
  for (let i = from ? from.length : 0; i < length; i++) evolve(state, history.timeline[i]);
  return state;
}

/**
 * Keeps checkpoints dense near the end of the timeline, where back-dated acts usually land, and
 * sparser further back (about two per power of two of distance), so that their number grows
 * with the logarithm of the history, not with its length.
 *
 * `state` goes on being folded: its records of associates and movements are sealed here (the
 * checkpoint keeps them, never written again) and `state` folds on into new layers over them.
 */
function addCheckpoint(history: CooperativeHistory, length: number, state: CooperativeState): void {
  const associates = sealed(state.associates);
  const movements = sealed(state.movements);
  state.associates = layerOver(associates);
  state.movements = layerOver(movements);
  history.checkpoints.push({ length, state: { ...copyState(state), associates, movements } });
  history.checkpoints = history.checkpoints.filter((c) => {
    const distance = (length - c.length) / CHECKPOINT_EVERY;
    const spacing = CHECKPOINT_EVERY * 2 ** Math.floor(Math.log2(distance / 2 + 1));
    return c.length % spacing === 0;
  });
}

/**
 * A copy that `evolve` may fold on without touching the original (nor a history's timeline),
 * in time that does not grow with the register: the records of associates (10,000) and
 * movements (100,000 on a large register: 100 ms to copy) are not copied. The copy writes into
 * new, empty layers whose prototypes are the original's records and reads through them; evolve
 * copies an associate into the copy's layer before changing it (ownAssociate), and never
 * changes a movement in place (a cancellation replaces it). So the original must not be written
 * while the copy is in use — true of a checkpoint (sealed, see addCheckpoint) and of the latest
 * fold during one decision. A new mutable part of the state must be copied here too.
 */
export function copyState(state: CooperativeState): CooperativeState {
  const { timeline: _timeline, checkpoints: _checkpoints, ...fold } = state as Partial<CooperativeHistory> & CooperativeState;
  return {
    ...fold,
    statutsHistory: fold.statutsHistory.slice(),
    associates: layerOver(fold.associates),
    associateOrder: fold.associateOrder.slice(),
    movements: layerOver(fold.movements),
    movementOrder: fold.movementOrder.slice(),
    totals: { ...fold.totals },
    exitQueue: fold.exitQueue.slice(),
    picture: { ...fold.picture },
  };
}

/** A sealed record deeper than this many layers is flattened into one: reads stay a few look-ups deep. */
const MAX_LAYERS = 16;

function layerOver<T>(record: Record<string, T>): Record<string, T> {
  return Object.create(record) as Record<string, T>;
}

/**
 * The record a checkpoint keeps: as it is, or flattened into one layer when its chain has grown
 * deep (one copy every MAX_LAYERS checkpoints, amortised over MAX_LAYERS × CHECKPOINT_EVERY events).
 */
function sealed<T>(record: Record<string, T>): Record<string, T> {
  let depth = 0;
  for (let layer = Object.getPrototypeOf(record) as object | null; layer !== null; layer = Object.getPrototypeOf(layer) as object | null) depth++;
  if (depth < MAX_LAYERS) return record;
  const flat = Object.create(null) as Record<string, T>;
  // for…in walks the whole chain; a key shadowed by a nearer layer is visited once, nearest first.
  for (const id in record) flat[id] = record[id];
  return flat;
}
