import { BundleReport, verifyBundle } from '@ledger/projections/audit-bundle';
import { ParsedArgs, refuseUnknown, UsageError } from './args';
import { bundleLines, progressPrinter } from './bundle-file';

/** `ledger verify <bundle.ndjson> [--json] [--quiet]`: exit 0 only when every check holds. */
export async function verifyCommand(args: ParsedArgs): Promise<number> {
  refuseUnknown(args, ['json', 'quiet']);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('ledger verify <bundle.ndjson>');
  const report = await verifyBundle(bundleLines(file), { onProgress: progressPrinter('verify', args.options.has('quiet')), reread: () => bundleLines(file) });
  process.stdout.write(args.options.has('json') ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
  return report.valid ? 0 : 1;
}

export function describe(report: BundleReport): string {
  const lines = [
    `cooperative ${report.coopId ?? '?'}: ${report.events} events in ${report.streams} streams, up to position ${report.position ?? '-'} (bundle written ${report.generatedAt ?? '?'})`,
    `digest ${report.digest}`,
  ];
  if (report.firstBreak) {
    const b = report.firstBreak;
    const where = b.line !== undefined ? ` — line ${b.line}, position ${b.position ?? '?'}, event ${b.eventId ?? '?'}${b.type ? ` (${b.type})` : ''}` : '';
    lines.push(`BROKEN: ${b.streamId}@${b.revision}: ${b.reason}${where}`);
  }
  if (report.problem) lines.push(`BROKEN FILE: line ${report.problem.line}: ${report.problem.reason}: ${report.problem.detail}`);
  if (report.valid) lines.push('OK: every hash, every chain, the digest and the counts check');
  return `${lines.join('\n')}\n`;
}
