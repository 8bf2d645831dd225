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
function serialize(value: unknown, at: Array<string | number>): string {
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
      if (Array.isArray(value)) return serializeArray(value, at);
      return serializeObject(value as Record<string, unknown>, at);
    default:
      throw notCanonical(at, `a ${typeof value} is not JSON (convert it before appending)`);
  }
}

function serializeArray(items: readonly unknown[], at: Array<string | number>): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    at.push(i);
    if (items[i] === undefined) throw notCanonical(at, 'undefined in an array');
    out += (i === 0 ? '' : ',') + serialize(items[i], at);
    at.pop();
  }
  return `${out}]`;
}

function serializeObject(object: Record<string, unknown>, at: Array<string | number>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    throw notCanonical(at, 'an object with toJSON (a Date?) must be converted to plain JSON first');
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(object).sort()) {
    const member = object[key];
    if (member === undefined) continue;
    at.push(key);
    out += `${first ? '' : ','}${JSON.stringify(key)}:${serialize(member, at)}`;
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
