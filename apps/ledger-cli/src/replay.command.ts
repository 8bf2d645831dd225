import { coopIdOfStream, RecordedEvent } from '@ledger/event-store/event-store.port';
import { isIsoDate } from '@ledger/domain';
import { verifyBundle } from '@ledger/projections/audit-bundle';
import { KnownAt } from '@ledger/projections/audit-known-at';
import { capitalMovements } from '@ledger/projections/capital-movements';
import { CooperativeReplayer } from '@ledger/projections/replay-cooperative';
import { ParsedArgs, refuseUnknown, stringOption, UsageError } from './args';
import { bundleLines, progressPrinter } from './bundle-file';
import { describe } from './verify.command';

const MODELS = ['cooperative', 'cap-table', 'associates', 'register', 'compliance', 'assemblies'] as const;

/**
 * `ledger replay <bundle.ndjson> [--as-of YYYY-MM-DD] [--known-at <instant> | --at-position <n>]
 * [--cap-table] [--associates] [--register] [--compliance] [--assemblies] [--cooperative]`:
 * verifies the bundle and, in the same pass, folds its events through the service's own
 * projections; prints the read models asked for (JSON on stdout). Exit 0 only when the bundle
 * verifies: a read model of a broken history proves nothing.
 */
export async function replayCommand(args: ParsedArgs): Promise<number> {
  refuseUnknown(args, ['as-of', 'known-at', 'at-position', 'quiet', ...MODELS]);
  const file = args.positional[0];
  if (!file || args.positional.length > 1) throw new UsageError('ledger replay <bundle.ndjson> [--as-of YYYY-MM-DD] [--known-at <instant> | --at-position <n>] [--cap-table] …');
  const asOf = stringOption(args, 'as-of') ?? new Date().toISOString().slice(0, 10);
  if (!isIsoDate(asOf)) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  const until = cutOf(stringOption(args, 'known-at'), stringOption(args, 'at-position'));
  let replayer: CooperativeReplayer | undefined;
  const onEvent = (event: RecordedEvent) => {
    replayer ??= new CooperativeReplayer(coopIdOfStream(event.streamId) ?? event.metadata.coopId, until);
    replayer.add(event);
  };
  const quiet = args.options.has('quiet');
  const report = await verifyBundle(bundleLines(file), { onEvent, onProgress: progressPrinter('replay', quiet), reread: () => bundleLines(file) });
  if (!report.valid) {
    process.stderr.write(describe(report));
    return 1;
  }
  if (!replayer) {
    process.stderr.write('the bundle holds no event\n');
    return 1;
  }
  const wanted = MODELS.filter((m) => args.options.has(m));
  const models = replayer.readModels(asOf);
  const reached = replayer.reached();
  const out: Record<string, unknown> = {
    coopId: replayer.coopId,
    asOf,
    ...(until.recordedAt ? { knownAt: until.recordedAt } : {}),
    ...(until.position !== undefined ? { atPosition: until.position.toString() } : {}),
    events: reached.events,
    position: reached.position,
    digest: reached.digest,
  };
  const all = wanted.length === 0;
  if (all || wanted.includes('cooperative')) out.cooperative = models.cooperative;
  if (all || wanted.includes('cap-table')) out.capTable = models.capTable;
  if (wanted.includes('associates')) out.associates = models.associates;
  if (wanted.includes('register')) out.register = capitalMovements(replayer.states.cooperatives, replayer.coopId) ?? [];
  if (all) out.movements = models.movements;
  if (all || wanted.includes('compliance')) out.compliance = models.compliance;
  if (all || wanted.includes('assemblies')) out.assemblies = models.assemblies;
  if (all) out.heads = reached.heads;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  return 0;
}

function cutOf(knownAt: string | undefined, atPosition: string | undefined): KnownAt {
  const cut: KnownAt = {};
  if (knownAt !== undefined) {
    if (Number.isNaN(Date.parse(knownAt)) || !/T\d{2}:\d{2}/.test(knownAt)) throw new UsageError('--known-at must be an ISO 8601 instant, e.g. 2025-03-01T00:00:00Z');
    cut.recordedAt = new Date(knownAt).toISOString();
  }
  if (atPosition !== undefined) {
    if (!/^\d{1,18}$/.test(atPosition)) throw new UsageError('--at-position must be a global position (an integer)');
    cut.position = BigInt(atPosition);
  }
  return cut;
}
