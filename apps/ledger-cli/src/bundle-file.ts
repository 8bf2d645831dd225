import { existsSync } from 'node:fs';
import { bundleFileLines } from '@ledger/projections/audit-bundle';
import { UsageError } from './args';

/** The bundle's lines, without their "\n", read as a stream (bundleFileLines): a bundle of a million events is never held whole. */
export function bundleLines(file: string): AsyncIterable<string> {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return bundleFileLines(file);
}

/** Progress on stderr (stdout stays the result, for a pipe). */
export function progressPrinter(label: string, quiet: boolean): ((read: number, announced: number | null) => void) | undefined {
  if (quiet) return undefined;
  const started = Date.now();
  return (read, announced) => {
    const seconds = (Date.now() - started) / 1000;
    const share = announced ? ` of ${announced} (${Math.floor((read * 100) / Math.max(announced, 1))} %)` : '';
    process.stderr.write(`${label}: ${read} events${share}, ${seconds.toFixed(1)} s\n`);
  };
}
