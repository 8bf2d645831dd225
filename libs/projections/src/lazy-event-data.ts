/**
 * An event kept by a read model with its data as the stored text until something reads it (see
 * rawDataOf in libs/event-store/src/stored-rows.ts): a replay of a million events keeps strings,
 * which the collector does not trace, instead of a million parsed objects. `data` is an own,
 * enumerable property (a deep comparison reads it); the first read parses the text once and
 * keeps the object.
 */
const STORED = Symbol('the stored text of the data, until it is parsed');

interface WithStoredData {
  [STORED]?: string;
  data: unknown;
}

export function withStoredData<T extends object>(target: T, stored: string): T & { data: unknown } {
  Object.defineProperty(target, STORED, { value: stored, writable: true, configurable: true });
  Object.defineProperty(target, 'data', { get: parseAndKeep, enumerable: true, configurable: true });
  return target as T & { data: unknown };
}

function parseAndKeep(this: WithStoredData): unknown {
  const data = JSON.parse(this[STORED]!) as unknown;
  Object.defineProperty(this, 'data', { value: data, writable: true, enumerable: true, configurable: true });
  this[STORED] = undefined;
  return data;
}

/** The event's data to write elsewhere (a snapshot part) without keeping it parsed in the read model. */
export function dataToCopy(event: { data: unknown }): unknown {
  const stored = (event as WithStoredData)[STORED];
  return stored !== undefined ? JSON.parse(stored) : event.data;
}

/** The event's data as JSON text: the stored text while it was not parsed, else the object serialized (the same text: the stored one is canonical). */
export function dataText(event: { data: unknown }): string {
  const stored = (event as WithStoredData)[STORED];
  return stored !== undefined ? stored : JSON.stringify(event.data);
}
