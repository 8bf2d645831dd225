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
