import { JobContext, JobFailedForGood, errorMessage } from '@ledger/jobs';
import { CooperativeLedgerState, cooperativeLedgerProjection, JournalState, journalProjection, MissingWithholdingRateError, ProjectionEngine } from '@ledger/projections';
import { DomainError } from '@ledger/domain';
import { JobKind } from '../jobs/job-kind';
import { ExportFile, exportFileOf, ExportNotPossible } from './export-files';
import { ExportSpec } from './export-spec';
import { ExportedFile, ExportManifest, ExportsFolder } from './exports-folder';

/** The job kind of an export (`POST /v1/cooperatives/:coopId/exports`). */
export const EXPORT_JOB = 'export';

/** The export's id is its job's: the file is downloaded at /v1/exports/<jobId>. */
export interface ExportJobData extends ExportSpec {
  exportId: string;
}

/** What GET /v1/jobs/:jobId gives once the file is written. */
export interface ExportJobResult {
  exportId: string;
  coopId: string;
  kind: ExportSpec['kind'];
  format: ExportSpec['format'];
  position: string | null;
  file: ExportedFile;
  download: string;
}

export const exportDownload = (exportId: string) => `/v1/exports/${exportId}`;

/**
 * Writes the file of an export into the exports folder, part by part, progress being the share
 * of parts written. Idempotent: a retry after the file was published answers that file; one that
 * finds none writes it again from the read models.
 */
export function exportJobHandler(engine: ProjectionEngine, folder: ExportsFolder): (job: JobContext<ExportJobData>) => Promise<ExportJobResult> {
  return async (job) => {
    const { exportId, ...spec } = job.data;
    const published = await folder.manifest(exportId);
    if (published) return resultOf(published);
    const reached = await engine.catchUp();
    const position = reached === undefined ? null : String(reached);
    const file = fileOrFailure(spec, {
      ledger: engine.state<CooperativeLedgerState>(cooperativeLedgerProjection.name),
      journal: engine.state<JournalState>(journalProjection.name),
    });
    let reported = 0;
    const manifest = await folder.write(exportId, spec, file, { position, createdAt: new Date().toISOString() }, async (share) => {
      const percent = Math.min(99, Math.floor(share * 100));
      if (percent > reported) await job.progress((reported = percent));
    });
    await job.progress(100);
    return resultOf(manifest);
  };
}

/** The read models say no (no such cooperative, a year the ledger does not cover, no siren, no withholding rate): no retry can change that. */
function fileOrFailure(spec: ExportSpec, models: Parameters<typeof exportFileOf>[1]): ExportFile {
  try {
    return exportFileOf(spec, models);
  } catch (error) {
    if (error instanceof ExportNotPossible || error instanceof DomainError || error instanceof MissingWithholdingRateError) throw new JobFailedForGood(errorMessage(error));
    throw error;
  }
}

function resultOf(manifest: ExportManifest): ExportJobResult {
  const { exportId, coopId, kind, format, position, file } = manifest;
  return { exportId, coopId, kind, format, position, file, download: exportDownload(exportId) };
}

/**
 * Exports (docs/api.md, Exports): the journal, the FEC and the registers written to a file of
 * the exports folder (LEDGER_EXPORTS_DIR, shared by every replica and worker) for the client to
 * download.
 */
export const exportJob: JobKind<ExportJobData> = {
  kind: EXPORT_JOB,
  cooperativeOf: (data) => data.coopId,
  attempts: 2,
  handler: (services) => exportJobHandler(services.engine, new ExportsFolder(services.config.exportsDir)),
};
