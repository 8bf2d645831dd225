import { createHash, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ID_PATTERN } from '../http/validators';
import { ExportFile } from './export-files';
import { ExportSpec } from './export-spec';

/** An export's file as GET /v1/exports/:exportId serves it. */
export interface ExportedFile {
  name: string;
  bytes: number;
  sha256: string;
  contentType: string;
}

/** What the exports folder keeps beside a file (`<exportId>/manifest.json`): who may read it and what it is. */
export interface ExportManifest extends ExportSpec {
  exportId: string;
  /** The global position the read models had reached: the file is the ledger as of there. */
  position: string | null;
  createdAt: string;
  file: ExportedFile;
}

const MANIFEST = 'manifest.json';
/** Folders being written start with this: a worker that died mid-write leaves one behind, never a half file under an export's id. */
export const PARTIAL_PREFIX = '.partial-';

/**
 * The exports folder (LEDGER_EXPORTS_DIR): one folder per export, `<exportId>/<file name>` beside
 * its `manifest.json`. A file is written in a partial folder, flushed to disk, then the folder is
 * renamed to the export's id — one atomic step on one file system, so a reader on any machine
 * sharing the volume sees the whole export or none.
 */
export class ExportsFolder {
  constructor(readonly dir: string) {}

  /** The export's manifest, or undefined when it is not (or not yet, or no longer) there. */
  async manifest(exportId: string): Promise<ExportManifest | undefined> {
    if (!ID_PATTERN.test(exportId)) return undefined;
    try {
      return JSON.parse(await fs.promises.readFile(path.join(this.dir, exportId, MANIFEST), 'utf8')) as ExportManifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The path of an export's file (its manifest read first). */
  filePath(manifest: ExportManifest): string {
    return path.join(this.dir, manifest.exportId, manifest.file.name);
  }

  /**
   * Writes the file part by part — the sha256 and the byte count taken on the way, no whole file
   * in memory — reporting the share of parts written, then publishes it under the export's id.
   * If another run published it meanwhile, that export stands and this one is dropped.
   */
  async write(exportId: string, spec: ExportSpec, file: ExportFile, details: { position: string | null; createdAt: string }, progress: (share: number) => Promise<void>): Promise<ExportManifest> {
    await fs.promises.mkdir(this.dir, { recursive: true });
    const partial = path.join(this.dir, `${PARTIAL_PREFIX}${exportId}-${randomUUID().slice(0, 8)}`);
    await fs.promises.mkdir(partial);
    try {
      const written = await writeParts(path.join(partial, file.name), file, progress);
      const manifest: ExportManifest = { ...spec, exportId, ...details, file: { name: file.name, ...written, contentType: file.contentType } };
      await writeParts(path.join(partial, MANIFEST), { parts: 1, content: [JSON.stringify(manifest, null, 2) + '\n'] }, async () => undefined);
      try {
        await fs.promises.rename(partial, path.join(this.dir, exportId));
      } catch (error) {
        const published = await this.manifest(exportId);
        if (published) return published;
        throw error;
      }
      return manifest;
    } finally {
      await fs.promises.rm(partial, { recursive: true, force: true });
    }
  }
}

async function writeParts(target: string, file: Pick<ExportFile, 'parts' | 'content'>, progress: (share: number) => Promise<void>): Promise<{ bytes: number; sha256: string }> {
  const handle = await fs.promises.open(target, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  let parts = 0;
  try {
    for (const part of file.content) {
      const buffer = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      hash.update(buffer);
      bytes += buffer.length;
      // One part at a time: awaiting each write is the back-pressure, and lets the process serve requests in between.
      for (let at = 0; at < buffer.length;) at += (await handle.write(buffer, at)).bytesWritten;
      await progress(++parts / file.parts);
    }
    // On disk before the rename publishes it: a machine that crashes after never serves a short file.
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}
