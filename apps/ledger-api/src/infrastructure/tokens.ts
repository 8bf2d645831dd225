/** Injection tokens for the ports (interfaces have no runtime value). */
export const EVENT_STORE = Symbol('EventStore');
export const LEDGER_CONFIG = Symbol('LedgerConfig');
export const SNAPSHOT_STORE = Symbol('SnapshotStore');
