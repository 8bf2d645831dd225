/**
 * An event of a cooperative stream as a replay keeps it, with its data as the stored text until
 * something reads it (see rawDataOf in libs/event-store/src/stored-rows.ts): a replay of a
 * million events keeps strings, which the collector does not trace, instead of a million parsed
 * objects. `data` is an own, enumerable property (a deep comparison reads it); the first read
 * parses the text once and keeps the object.
 *
 * A class, its text in a private field and one accessor defined with one shared descriptor: the
 * same object built from a literal and two `defineProperty` took a second backing store per
 * event, a quarter more time to build, and more for the collector to copy.
 */
export class StoredTextEvent {
  #stored: string | undefined;
  declare readonly data: unknown;

  static readonly #data: PropertyDescriptor = {
    get(this: StoredTextEvent) {
      return this.#parseAndKeep();
    },
    enumerable: true,
    configurable: true,
  };

  constructor(
    public position: string,
    public revision: number,
    public eventId: string,
    public recordedAt: string,
    public type: string,
    stored: string,
  ) {
    this.#stored = stored;
    Object.defineProperty(this, 'data', StoredTextEvent.#data);
  }

  #parseAndKeep(): unknown {
    const data = JSON.parse(this.#stored!) as unknown;
    Object.defineProperty(this, 'data', { value: data, writable: true, enumerable: true, configurable: true });
    this.#stored = undefined;
    return data;
  }

  /** The stored text of the event's data while it was not parsed, else undefined. */
  static storedText(event: object): string | undefined {
    return #stored in event ? event.#stored : undefined;
  }
}

/** The event's data to write elsewhere (a snapshot part) without keeping it parsed in the read model. */
export function dataToCopy(event: { data: unknown }): unknown {
  const stored = StoredTextEvent.storedText(event);
  return stored !== undefined ? JSON.parse(stored) : event.data;
}

/** The event's data as JSON text: the stored text while it was not parsed, else the object serialized (the same text: the stored one is canonical). */
export function dataText(event: { data: unknown }): string {
  const stored = StoredTextEvent.storedText(event);
  return stored !== undefined ? stored : JSON.stringify(event.data);
}
