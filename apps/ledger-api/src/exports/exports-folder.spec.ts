import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ExportFile } from './export-files';
import { ExportSpec } from './export-spec';
import { ExportsFolder } from './exports-folder';

/** The exports folder on a real file system: what a worker writes and any replica reads. */
describe('ExportsFolder', () => {
  let dir: string;
  const spec: ExportSpec = { coopId: 'ex', kind: 'cap-table', format: 'csv', asOf: '2024-12-31', dialect: 'rfc4180' };
  const details = { position: '42', createdAt: '2025-01-15T10:00:00.000Z' };
  const fileOf = (parts: Array<string | Buffer>): ExportFile => ({ name: 'ex-cap-table-2024-12-31.csv', contentType: 'text/csv', parts: parts.length, content: parts });

  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-exports-spec-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the parts in order, counts and hashes them, reports each share written, and publishes the export under its id', async () => {
    const folder = new ExportsFolder(path.join(dir, 'exports'));
    const shares: number[] = [];
    const manifest = await folder.write('export-1', spec, fileOf(['a,b\r\n', Buffer.from('é,1\r\n'), '']), details, async (share) => void shares.push(share));
    const bytes = Buffer.from('a,b\r\né,1\r\n');
    expect(manifest).toEqual({
      ...spec,
      exportId: 'export-1',
      ...details,
      file: { name: 'ex-cap-table-2024-12-31.csv', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), contentType: 'text/csv' },
    });
    expect(fs.readFileSync(folder.filePath(manifest)).equals(bytes)).toBe(true);
    expect(shares).toEqual([1 / 3, 2 / 3, 1]);
    expect(await folder.manifest('export-1')).toEqual(manifest);
    expect(fs.readdirSync(folder.dir)).toEqual(['export-1']);
  });

  it('keeps the export first published when a second run of its job writes it again', async () => {
    const folder = new ExportsFolder(dir);
    const first = await folder.write('export-1', spec, fileOf(['first']), details, async () => undefined);
    const second = await folder.write('export-1', spec, fileOf(['second']), { ...details, position: '43' }, async () => undefined);
    expect(second).toEqual(first);
    expect(fs.readFileSync(folder.filePath(first), 'utf8')).toBe('first');
    expect(fs.readdirSync(dir)).toEqual(['export-1']);
  });

  it('leaves nothing under the id when the writing fails, and knows no export by an id that could leave the folder', async () => {
    const folder = new ExportsFolder(dir);
    function* failing(): Generator<string> {
      yield 'a part';
      throw new Error('disk gone');
    }
    await expect(folder.write('export-2', spec, { ...fileOf([]), parts: 2, content: failing() }, details, async () => undefined)).rejects.toThrow('disk gone');
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(await folder.manifest('export-2')).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{}');
    expect(await folder.manifest('..')).toBeUndefined();
    expect(await folder.manifest('')).toBeUndefined();
  });
});
