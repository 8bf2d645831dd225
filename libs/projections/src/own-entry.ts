/**
 * Read models are keyed by ids that reach them from clients (`GET /v1/cooperatives/constructor`).
 * A plain object answers such a key with what its prototype holds (`constructor`, `toString`,
 * `__proto__`), and a snapshot read back by JSON.parse is a plain object again, whatever it was
 * built as. So entries are read as own properties only, and added with defineProperty, which a
 * key like `__proto__` cannot turn into a prototype change. New records start prototype-free.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function addEntry<T>(record: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** An empty record with no prototype, for keys a client chose. It serialises as `{}`. */
export function dictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const LAST = Symbol('the last key looked up, and what was found');

interface Remembered {
  [LAST]?: { key: string; value: unknown };
}

/**
 * `find(key)`, remembering on the read model's state the last key and what it found: a replay
 * reads a stream's events in runs, so most events skip the lookup. Kept out of sight of a deep
 * comparison or a snapshot (not enumerable), so that it goes when the state goes. A key found
 * nothing for (undefined) is looked up again.
 */
export function lastFound<T>(state: object, key: string, find: (key: string) => T | undefined): T | undefined {
  const last = (state as Remembered)[LAST];
  if (last !== undefined && last.key === key) return last.value as T;
  const value = find(key);
  if (value === undefined) return undefined;
  if (last !== undefined) Object.assign(last, { key, value });
  else Object.defineProperty(state, LAST, { value: { key, value }, writable: true });
  return value;
}
