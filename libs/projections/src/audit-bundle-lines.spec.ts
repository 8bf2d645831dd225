import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bundleFileLines } from './audit-bundle';

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const all: string[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

describe('a bundle file read line by line (bundleFileLines, libs/projections/src/audit-bundle.ts)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-bundle-lines-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string]> = [
    ['ASCII lines ending in "\\n"', '{"kind":"manifest"}\n{"a":1}\n{"kind":"end"}\n'],
    ['no "\\n" after the last line, and an empty line', 'one\n\ntwo'],
    ['"\\r\\n" line ends', 'one\r\ntwo\r\n'],
    ['characters of two, three and four bytes', '{"name":"Société"}\n{"sign":"€ 😀"}\n{"x":"é"}\n'],
    ['nothing', ''],
  ];

  it.each(cases)('reads %s as readline does, whatever the chunk size cuts through', async (_name, content) => {
    const file = join(dir, 'bundle.ndjson');
    writeFileSync(file, content, 'utf8');
    const expected = await collect(createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity }));
    for (const chunkBytes of [1, 2, 3, 5, 7, 64, 1 << 20]) expect(await collect(bundleFileLines(file, chunkBytes))).toEqual(expected);
  });
});
