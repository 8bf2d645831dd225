import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { ASSEMBLY_EVENT_TYPES, COOPERATIVE_EVENT_TYPES, FISCAL_YEAR_EVENT_TYPES, RULES, TMO_EVENT_TYPES } from '@ledger/domain';

/**
 * The docs in docs/ stay true to the code: every event type and data field of the domain is in
 * docs/events.md, every rule id in docs/rules.md, and no doc cites a file that is gone or the
 * design notes a clone of the repository does not have. Event types and fields are read from
 * the TypeScript types themselves, so a new event or field cannot be forgotten here either.
 */
const ROOT = join(__dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const DOCS = readdirSync(join(ROOT, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

const EVENTS_FILE = 'libs/domain/src/cooperative/events.ts';
const ASSEMBLY_EVENTS_FILE = 'libs/domain/src/assembly/assembly-events.ts';
const PORT_FILE = 'libs/event-store/src/event-store.port.ts';
const STATUTS_FILE = 'libs/domain/src/cooperative/statuts.ts';

interface EventShape {
  type: string;
  fields: string[];
}

/** The compiler's view of the domain's event unions, the statuts and the store's metadata. */
function readTypes() {
  const files = [EVENTS_FILE, ASSEMBLY_EVENTS_FILE, PORT_FILE, STATUTS_FILE].map((file) => join(ROOT, file));
  const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, types: [], target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const declaration = (file: string, name: string): ts.Node => {
    const source = program.getSourceFile(join(ROOT, file));
    const found = source?.statements.find((s) => (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) && s.name.text === name);
    if (!found || !(ts.isTypeAliasDeclaration(found) || ts.isInterfaceDeclaration(found))) throw new Error(`${name} is no longer declared in ${file}`);
    return found.name;
  };
  const union = (file: string, name: string): EventShape[] => {
    const at = declaration(file, name);
    const type = checker.getTypeAtLocation(at);
    return (type.isUnion() ? type.types : [type]).map((member) => {
      const literal = checker.getTypeOfSymbolAtLocation(member.getProperty('type')!, at);
      const data = checker.getTypeOfSymbolAtLocation(member.getProperty('data')!, at);
      return { type: String((literal as ts.LiteralType).value), fields: data.getProperties().map((p) => p.name) };
    });
  };
  const keys = (file: string, name: string) =>
    checker
      .getTypeAtLocation(declaration(file, name))
      .getProperties()
      .map((p) => p.name);
  return {
    cooperative: union(EVENTS_FILE, 'CooperativeEvent'),
    assembly: union(ASSEMBLY_EVENTS_FILE, 'AssemblyEvent'),
    metadata: keys(PORT_FILE, 'EventMetadata'),
    statuts: keys(STATUTS_FILE, 'Statuts'),
  };
}

/** Whether a row names a field: `field`, or `field {…}` / `field[…]` for a nested shape. */
function names(row: string, field: string): boolean {
  return new RegExp(`\`${field}(\`|[ [{])`).test(row);
}

/** The text of a stream's section outside its table. */
function proseOf(doc: string, heading: string): string {
  const from = doc.indexOf(heading);
  if (from < 0) return '';
  const to = doc.indexOf('\n## ', from + 1);
  return doc
    .slice(from, to < 0 ? undefined : to)
    .split('\n')
    .filter((line) => !line.startsWith('|'))
    .join('\n');
}

/** The table row of docs/events.md that documents an event type. */
function rowOf(doc: string, type: string): string | undefined {
  return doc.split('\n').find((line) => line.startsWith(`| \`${type}\` |`));
}

describe('docs/events.md', () => {
  const doc = read('docs/events.md');
  const types = readTypes();

  it('lists the event types the domain exports, which are every member of its unions', () => {
    expect([...COOPERATIVE_EVENT_TYPES].sort()).toEqual(types.cooperative.map((e) => e.type).sort());
    expect([...ASSEMBLY_EVENT_TYPES].sort()).toEqual(types.assembly.map((e) => e.type).sort());
    const missing = [...COOPERATIVE_EVENT_TYPES, ...ASSEMBLY_EVENT_TYPES, ...FISCAL_YEAR_EVENT_TYPES, ...TMO_EVENT_TYPES].filter((type) => !rowOf(doc, type));
    expect(missing).toEqual([]);
  });

  it('documents no event type the code does not have', () => {
    const known = new Set<string>([...COOPERATIVE_EVENT_TYPES, ...ASSEMBLY_EVENT_TYPES, ...FISCAL_YEAR_EVENT_TYPES, ...TMO_EVENT_TYPES]);
    const documented = [...doc.matchAll(/^\| `([A-Z][A-Za-z]+)` \|/gm)].map((m) => m[1]);
    expect(documented.filter((type) => !known.has(type))).toEqual([]);
  });

  it('names every data field of every event, as in the TypeScript types', () => {
    const missing: string[] = [];
    const streams = [
      { events: types.cooperative, prose: proseOf(doc, '## `cooperative-') },
      { events: types.assembly, prose: proseOf(doc, '## `assembly-') },
    ];
    // A field of the event's row, or one the stream's prose names for several events at once.
    for (const { events, prose } of streams) {
      for (const event of events) {
        const row = rowOf(doc, event.type) ?? '';
        for (const field of event.fields) if (!names(row, field) && !names(prose, field)) missing.push(`${event.type}.${field}`);
      }
    }
    const adopted = rowOf(doc, 'StatutsAdopted') ?? '';
    for (const field of types.statuts) if (!names(adopted, field)) missing.push(`StatutsAdopted.statuts.${field}`);
    expect(missing).toEqual([]);
  });

  it('names every metadata field of the event store port', () => {
    const section = doc.slice(doc.indexOf('## Metadata'), doc.indexOf('\n## ', doc.indexOf('## Metadata') + 1));
    const documented = [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...types.metadata].sort());
  });
});

describe('docs/rules.md', () => {
  it('lists every rule id of the catalogue', () => {
    const doc = read('docs/rules.md');
    expect(Object.keys(RULES).filter((id) => !doc.includes(`| ${id} |`))).toEqual([]);
  });
});

describe('docs cite what a clone of the repository has', () => {
  /** Repository paths a doc cites: `libs/…`, `apps/…`, `test/…`, `bench/…`, `docs/…`. */
  const cited = (text: string) => [...text.matchAll(/(?<![\w./-])((?:apps|libs|test|bench|docs)\/[\w./-]*\w)/g)].map((m) => m[1]);

  it.each(DOCS)('every file path %s cites exists', (path) => {
    const dead = [...new Set(cited(read(path)))].filter((cite) => !existsSync(join(ROOT, cite)));
    expect(dead).toEqual([]);
  });

  it.each([...DOCS, 'README.md'])('%s cites no design note outside the repository', (path) => {
    const outside = read(path)
      .split('\n')
      .map((line, index) => `${index + 1}: ${line}`)
      .filter((line) => /shared\/(design|domain|hooks)\/|\b(API|RULES|ARCHITECTURE|STYLE)\.md\b/.test(line));
    expect(outside).toEqual([]);
  });
});
