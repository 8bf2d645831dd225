/**
 * RFC 8785 (JSON Canonicalization Scheme): the one byte sequence an event is hashed from,
 * so that the hash does not depend on key order or on how a writer spaced its JSON.
 *
 * - object members sorted by their names' UTF-16 code units (what `Array.prototype.sort`
 *   does on strings by default), no whitespace;
 * - numbers as ECMAScript's Number-to-string (RFC 8785 §3.2.2.3 adopts it); NaN and
 *   ±Infinity have no JSON form and are refused;
 * - strings as `JSON.stringify` writes them.
 *
 * Values are plain JSON. A member whose value is `undefined` is left out, as
 * `JSON.stringify` leaves it out, because an optional metadata field (`idempotencyKey`)
 * is often present-but-undefined in memory and absent once stored: both must hash alike.
 * Anything else with no faithful JSON form (bigint, Date and other `toJSON` objects,
 * functions, `undefined` in an array) is refused rather than silently coerced: a value that
 * reads back differently from what was hashed would look like tampering forever after.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, []);
}

/** The canonical JSON written member by member, without the shortcut through JSON.stringify (canonical-json.spec.ts checks both agree). */
export function canonicalJsonBySerializer(value: unknown): string {
  return serialize(value, [], false);
}

/**
 * Whether `JSON.stringify(value)` is the canonical JSON of `value`: every object's members in
 * sorted order and none with a `toJSON`, every number finite, nothing `JSON.stringify` would
 * drop or coerce but an object member that is `undefined` (left out by both). Anything else
 * goes to `serialize`, which writes it or refuses it.
 */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (value[i] === undefined || !inCanonicalOrder(value[i])) return false;
        return true;
      }
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        if (i > 0 && !(keys[i - 1] < keys[i])) return false;
        const member = (value as Record<string, unknown>)[keys[i]];
        if (member !== undefined && !inCanonicalOrder(member)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

export class NotCanonicalJsonError extends TypeError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`Cannot write canonical JSON at ${path}: ${reason}`);
    this.name = 'NotCanonicalJsonError';
  }
}

/**
 * `at` is the way down to `value` (member names and array indexes), kept as a stack and turned
 * into a path only for an error: building a path string for every value cost a third of the
 * offline verifier's time.
 */
function serialize(value: unknown, at: Array<string | number>, shortcut = true): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notCanonical(at, `${value} is not a JSON number`);
      // String(-0) is "0", as RFC 8785 requires.
      return String(value);
    case 'object':
      if (value === null) return 'null';
      // Most values are already in canonical order (parsed from canonical text, or built with
      // their members sorted): then `JSON.stringify` writes the same bytes, three times faster.
      if (shortcut && inCanonicalOrder(value)) return JSON.stringify(value);
      if (Array.isArray(value)) return serializeArray(value, at, shortcut);
      return serializeObject(value as Record<string, unknown>, at, shortcut);
    default:
      throw notCanonical(at, `a ${typeof value} is not JSON (convert it before appending)`);
  }
}

function serializeArray(items: readonly unknown[], at: Array<string | number>, shortcut: boolean): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    at.push(i);
    if (items[i] === undefined) throw notCanonical(at, 'undefined in an array');
    out += (i === 0 ? '' : ',') + serialize(items[i], at, shortcut);
    at.pop();
  }
  return `${out}]`;
}

function serializeObject(object: Record<string, unknown>, at: Array<string | number>, shortcut: boolean): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    throw notCanonical(at, 'an object with toJSON (a Date?) must be converted to plain JSON first');
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    at.push(key);
    out += `${first ? '' : ','}${JSON.stringify(key)}:${serialize(member, at, shortcut)}`;
    at.pop();
    first = false;
  }
  return `${out}}`;
}

function notCanonical(at: ReadonlyArray<string | number>, reason: string): NotCanonicalJsonError {
  return new NotCanonicalJsonError(
    at.reduce<string>((path, step) => (typeof step === 'number' ? `${path}[${step}]` : `${path}.${step}`), '$'),
    reason,
  );
}
