import { EsdbEventStore, EventStore, PostgresEventStore, SqliteEventStore } from '@ledger/event-store';
import { existsSync, statSync } from 'fs';
import { join } from 'path';
import { copyLedger } from './copy-ledger';

const USAGE = `Copies a ledger into an empty store and checks that its hash chain came across intact.

  npm run ledger:copy -- --from sqlite:./data --to postgres://user@host:5432/db [--to-schema ledger]
  npm run ledger:copy -- --from postgres://…/db [--from-schema s] --to esdb://host:2113?tls=false

A store is sqlite:<data folder or .sqlite file>, postgres://… (schema public unless
--from-schema/--to-schema) or esdb://… / esdb+discover://…. Stop the service first.
Exit 0: copied and verified (same events, same hashes, same digest); 1: not intact; 2: bad arguments.`;

export function openStore(spec: string, schema?: string): EventStore {
  if (spec.startsWith('sqlite:')) {
    const where = spec.slice('sqlite:'.length);
    const file = existsSync(where) && statSync(where).isDirectory() ? join(where, 'ledger.sqlite') : where;
    return new SqliteEventStore({ file });
  }
  if (/^postgres(ql)?:\/\//.test(spec)) return new PostgresEventStore({ connectionString: spec, schema });
  if (/^esdb(\+discover)?:\/\//.test(spec)) return new EsdbEventStore({ connectionString: spec });
  throw new Error(`Not a store: "${spec}" (sqlite:<folder>, postgres://… or esdb://…)`);
}

export async function main(argv: string[], print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Promise<number> {
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      print(USAGE);
      return 2;
    }
    options.set(argv[i].slice(2), argv[i + 1]);
  }
  const fromSpec = options.get('from');
  const toSpec = options.get('to');
  if (!fromSpec || !toSpec) {
    print(USAGE);
    return 2;
  }
  if (fromSpec.startsWith('sqlite:') && !existsSync(fromSpec.slice('sqlite:'.length))) {
    print(`No ledger at ${fromSpec}`);
    return 2;
  }
  const from = openStore(fromSpec, options.get('from-schema'));
  const to = openStore(toSpec, options.get('to-schema'));
  try {
    const started = Date.now();
    let printed = 0;
    const report = await copyLedger(from, to, (copied) => {
      if (copied - printed < 10_000) return;
      printed = copied;
      print(`copied ${copied} events…`);
    });
    print(`${report.events} events of ${report.streams} streams copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    print(`source: valid ${report.source.valid}, ${report.source.events} events, digest ${report.source.digest}`);
    print(`target: valid ${report.target.valid}, ${report.target.events} events, digest ${report.target.digest}`);
    if (report.firstMismatch) print(`first different event: ${report.firstMismatch.streamId}@${report.firstMismatch.revision}`);
    print(report.intact ? 'INTACT: same events, same hashes, same digest' : 'NOT INTACT: see above');
    return report.intact ? 0 : 1;
  } finally {
    await from.close();
    await to.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`ledger:copy: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
