import { RecordedEvent } from '@ledger/event-store/event-store.port';

/**
 * A read model as a pure reducer over the global log. `apply` may mutate its own state in
 * place and return it: copying a read model of 100,000 events on every event would make a
 * replay quadratic. The state must stay plain JSON (records and arrays, no Map, no bigint)
 * because the engine snapshots it as JSON.
 *
 * Bumping `version` tells the engine that old snapshots no longer fit: it rebuilds from 0.
 */
export interface Projection<S> {
  readonly name: string;
  readonly version: number;
  init(): S;
  apply(state: S, event: RecordedEvent): S;
  /** A read model too large for one JSON document: snapshotted as a small head and parts read when first needed. */
  readonly parts?: ProjectionParts<S>;
}

/**
 * How a projection's snapshot splits into a head, read at start, and parts, read when the state
 * first needs them (synchronously, through `load`). A save writes the head and the parts `split`
 * names — the ones that changed since the last save — in one transaction, then calls `saved`.
 */
export interface ProjectionParts<S> {
  split(state: S): { head: unknown; parts: Array<[key: string, part: unknown]>; saved(): void };
  join(head: unknown, load: (key: string) => unknown): S;
  /**
   * The snapshot was just saved (or read at start): its parts can be read back through `load`,
   * so what the state holds in memory can be given back and read again — kept within
   * `memoryBudgetBytes` when the engine has one (see read-model-budget.ts).
   */
  attach?(state: S, load: (key: string) => unknown, memoryBudgetBytes: number | undefined): void;
  /**
   * Whether the state holds parts derived since the last save that a save would write though no
   * event arrived (a fold or an index a query made, or read in an older saved form): a stop then
   * saves them, so that the next start reads them instead of deriving them again.
   */
  unsaved?(state: S): boolean;
}
