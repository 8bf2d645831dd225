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
  checkpoints: Checkpoint[];
  /**
   * The fold of every event dated before the last date in effect: where an act dated a day or so
   * back — the usual back-dated act, or requests racing across midnight — enters the timeline,
   * so that it refolds only the last date's events.
   */
  recent: Checkpoint | null;
  /**
   * Restored from a snapshot (history-snapshot.ts): `length` events dated on or before `lastDate`
   * are folded into the first checkpoint but are not in the timeline, which begins after them.
   */
  base?: { readonly length: number; readonly lastDate: IsoDate };
}

/**
 * The fold of the first `length` events of the timeline, never written again. Its records are
 * sealed layers (see sealed) and its orders are prefixes of arrays the fold goes on appending
 * to (`associates` and `movements` ids long): a checkpoint costs no copy of the register.
 */
export interface Checkpoint {
  readonly length: number;
  readonly state: CooperativeState;
  readonly associates: number;
  readonly movements: number;
}

/** Dense enough that a back-dated act refolds a few hundred events, not thousands. */
export const CHECKPOINT_EVERY = 256;

export function initialHistory(): CooperativeHistory {
  return { ...initialState(), timeline: [], checkpoints: [], recent: null };
}

/**
 * A history whose first `length` events, dated on or before `lastDate`, are known only by their
 * fold: the timeline begins after them, and its first checkpoint is that fold.
 */
export function baseHistory(fold: CooperativeState, length: number, lastDate: IsoDate): CooperativeHistory {
  const history: CooperativeHistory = { ...fold, timeline: [], checkpoints: [], recent: null, base: { length, lastDate } };
  addCheckpoint(history, 0, history);
  return history;
}

/** The date of the last act in effect, null on an empty stream. */
export function lastDateOf(history: CooperativeHistory): IsoDate | null {
  const { timeline } = history;
  return timeline.length === 0 ? (history.base?.lastDate ?? null) : effectiveDateOf(timeline[timeline.length - 1]);
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
    if (last !== null && effectiveDateOf(event) > last) history.recent = checkpointOf(history, history.timeline.length);
    history.timeline.push(event);
    evolve(history, event);
    if (history.timeline.length % CHECKPOINT_EVERY === 0) addCheckpoint(history, history.timeline.length, history);
    return history;
  }
  const at = insertionIndex(history, effectiveDateOf(event));
  history.timeline.splice(at, 0, event);
  history.checkpoints = history.checkpoints.filter((c) => c.length <= at);
  if (history.recent && history.recent.length > at) history.recent = null;
  const from = nearestBefore(history, at);
  const state = from ? resume(from) : initialState();
  for (let i = from ? from.length : 0; i < history.timeline.length; i++) {
    evolve(state, history.timeline[i]);
    if ((i + 1) % CHECKPOINT_EVERY === 0) addCheckpoint(history, i + 1, state);
  }
  return Object.assign(history, state);
}

/** The cooperative after the first `length` events of the timeline: a fresh state, free to fold on. */
export function foldPrefix(history: CooperativeHistory, length: number): CooperativeState {
  if (length === history.timeline.length) return copyState(history);
  const from = nearestBefore(history, length);
  const state = from ? resume(from) : initialState();
  for (let i = from ? from.length : 0; i < length; i++) evolve(state, history.timeline[i]);
  return state;
}

/** The checkpoint (or the recent fold) closest before `length`. */
function nearestBefore(history: CooperativeHistory, length: number): Checkpoint | undefined {
  let from: Checkpoint | undefined;
  for (const c of history.checkpoints) if (c.length <= length) from = c;
  const recent = history.recent;
  return recent && recent.length <= length && recent.length >= (from?.length ?? 0) ? recent : from;
}

/**
 * Keeps checkpoints dense near the end of the timeline, where back-dated acts usually land, and
 * sparser further back (about two per power of two of distance), so that their number grows
 * with the logarithm of the history, not with its length.
 */
function addCheckpoint(history: CooperativeHistory, length: number, state: CooperativeState): void {
  history.checkpoints.push(checkpointOf(state, length));
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
export function copyState(state: CooperativeState, orders?: { associates: number; movements: number }): CooperativeState {
  const { timeline: _timeline, checkpoints: _checkpoints, recent: _recent, base: _base, ...fold } = state as Partial<CooperativeHistory> & CooperativeState;
  return {
    ...fold,
    statutsHistory: fold.statutsHistory.slice(),
    associates: layerOver(fold.associates),
    associateOrder: fold.associateOrder.fork(orders?.associates),
    movements: layerOver(fold.movements),
    movementOrder: fold.movementOrder.fork(orders?.movements),
    totals: { ...fold.totals },
    exitQueue: fold.exitQueue.slice(),
    picture: { ...fold.picture },
  };
}

/**
 * `state`, the fold of the first `length` events, kept as a checkpoint. `state` goes on being
 * folded: its records of associates and movements are sealed (the checkpoint keeps them, never
 * written again) and `state` folds on into new layers over them.
 */
function checkpointOf(state: CooperativeState, length: number): Checkpoint {
  const associates = sealed(state.associates);
  const movements = sealed(state.movements);
  state.associates = layerOver(associates);
  state.movements = layerOver(movements);
  const { timeline: _timeline, checkpoints: _checkpoints, recent: _recent, base: _base, ...fold } = state as Partial<CooperativeHistory> & CooperativeState;
  const kept: CooperativeState = { ...fold, statutsHistory: fold.statutsHistory.slice(), associates, movements, totals: { ...fold.totals }, exitQueue: fold.exitQueue.slice(), picture: { ...fold.picture } };
  return { length, state: kept, associates: fold.associateOrder.length, movements: fold.movementOrder.length };
}

/** A fold resumed from a checkpoint: a copy, with the orders cut to the checkpoint's prefixes. */
function resume(checkpoint: Checkpoint): CooperativeState {
  return copyState(checkpoint.state, checkpoint);
}

/**
 * A new, empty layer over `record`. It is put in dictionary mode at once (two properties added,
 * then deleted): a layer takes hundreds of ids, and in V8's default mode each new id would add a
 * hidden class to a transition tree shared by every layer over the same record (17 µs an id
 * after a few hundred back-dated acts, against under 1 µs).
 */
function layerOver<T>(record: Record<string, T>): Record<string, T> {
  const layer = Object.create(record) as Record<string, unknown>;
  layer['\u0000a'] = 0;
  layer['\u0000b'] = 0;
  delete layer['\u0000a'];
  delete layer['\u0000b'];
  return layer as Record<string, T>;
}

/** Entries written in each sealed layer, counted once. */
const layerSizes = new WeakMap<object, number>();

function ownSize(layer: object): number {
  let size = layerSizes.get(layer);
  if (size === undefined) layerSizes.set(layer, (size = Object.keys(layer).length));
  return size;
}

/**
 * The record a checkpoint keeps: the layer written since the last checkpoint, merged into the
 * layers below it while they are no more than twice its size (as a log-structured merge does).
 * Layer sizes then grow geometrically, so a look-up reads a logarithmic number of layers and
 * each entry is copied a logarithmic number of times over the whole history. The layers merged
 * are left as they were, for the checkpoints that hold them.
 */
function sealed<T>(record: Record<string, T>): Record<string, T> {
  let top = record;
  for (let below = Object.getPrototypeOf(top) as Record<string, T> | null; below !== null && ownSize(below) <= 2 * ownSize(top); below = Object.getPrototypeOf(top) as Record<string, T> | null) {
    const merged = layerOver(Object.getPrototypeOf(below) as Record<string, T>);
    for (const id of Object.keys(below)) merged[id] = below[id];
    for (const id of Object.keys(top)) merged[id] = top[id];
    top = merged;
  }
  return top;
}
