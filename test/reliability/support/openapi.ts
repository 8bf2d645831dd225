/** The parts of /openapi.json the reliability suite reads: operations, their bodies' schemas, examples. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  pattern?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  oneOf?: Schema[];
}

export interface OpenApi {
  paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; requestBody?: { content?: { 'application/json'?: { schema?: Schema } } } }>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: 'get' | 'post';
  /** `/v1/cooperatives/{coopId}/…` as documented. */
  path: string;
  pathParams: string[];
  body?: Schema;
}

/** The fixtures' AG: ag-2025 with resolution r1, convened with a long notice, a place and a text (whatever the examples leave out). */
export const CONVOCATION = {
  id: 'ag-2025',
  kind: 'ordinary',
  convenedOn: '2025-04-01',
  heldOn: '2025-06-10',
  recordDate: '2025-03-31',
  place: 'Siège social',
  resolutions: [{ id: 'r1', title: 'Approbation des comptes 2024', text: 'L’assemblée approuve les comptes 2024.', kind: 'ordinary' }],
};

export const ID_PATTERN_SOURCE = '^[a-z0-9][a-z0-9-]{0,62}$';

export function operationsOf(doc: OpenApi): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (method !== 'get' && method !== 'post') continue;
      ops.push({ method, path, pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name), body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return ops;
}

/** A schema with its $ref and single allOf followed. */
export function resolve(doc: OpenApi, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf?.length === 1) return { ...resolve(doc, schema.allOf[0]), ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'allOf')) };
  return schema;
}

/** The body the documentation's examples make (required fields, and optional ones with an example). */
export function exampleOf(doc: OpenApi, raw: Schema): unknown {
  const schema = resolve(doc, raw);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum) return schema.enum[0];
  if (schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [name, prop] of Object.entries(schema.properties)) {
      const resolved = resolve(doc, prop);
      if (!(schema.required ?? []).includes(name) && resolved.example === undefined) continue;
      out[name] = exampleOf(doc, prop);
    }
    return out;
  }
  switch (schema.type) {
    case 'array':
      return schema.items ? [exampleOf(doc, schema.items)] : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'string':
      return schema.format === 'date' ? '2025-01-15' : schema.pattern === ID_PATTERN_SOURCE ? 'x1' : 'text';
    default:
      return {};
  }
}

/** Paths (as arrays of keys) to every id field of a body schema, nested objects and arrays included (index 0). */
export function idFieldsOf(doc: OpenApi, raw: Schema, at: Array<string | number> = [], depth = 0): Array<Array<string | number>> {
  const schema = resolve(doc, raw);
  if (depth > 6) return [];
  if (schema.pattern === ID_PATTERN_SOURCE) return [at];
  if (schema.type === 'array' && schema.items) return idFieldsOf(doc, schema.items, [...at, 0], depth + 1);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => idFieldsOf(doc, prop, [...at, name], depth + 1));
}

/** A copy of `body` with `value` at `path` (created along the way). */
export function withValueAt(body: unknown, path: Array<string | number>, value: unknown): unknown {
  const copy = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = typeof key === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

/** The path with each `{param}` replaced. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? 'x1'));
}
