import { ConfigError } from '../../ledger-api/src/config/config';
import { parseArgs, UsageError } from './args';
import { replayCommand } from './replay.command';
import { tokenCommand } from './token.command';
import { verifyCommand } from './verify.command';

const USAGE = `ledger — the cooperative ledger's command line (docs/audit.md)

  ledger verify <bundle.ndjson> [--json] [--quiet]
      recompute every hash, every chain, the digest and the counts of an audit bundle; exit 0 only when all check
  ledger replay <bundle.ndjson> [--as-of YYYY-MM-DD] [--known-at <ISO instant> | --at-position <n>]
                [--cap-table] [--associates] [--register] [--compliance] [--assemblies] [--cooperative] [--quiet]
      verify, then fold the history through the service's projections and print the read models (JSON)
  ledger token --role <role> --coop <id>[,<id>…] [--sub <name>] [--expires 30d] [--data-dir <dir>]
      sign a token with the service's secret (AUTH_JWT_SECRET, else <LEDGER_DATA_DIR>/auth-secret)
`;

const SWITCHES = new Set(['json', 'quiet', 'cap-table', 'associates', 'register', 'compliance', 'assemblies', 'cooperative', 'help']);

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv, SWITCHES);
    switch (args.command) {
      case 'verify':
        return await verifyCommand(args);
      case 'replay':
        return await replayCommand(args);
      case 'token':
        return tokenCommand(args);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return args.command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`ledger: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`ledger: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
