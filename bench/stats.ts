import { readFileSync } from 'node:fs';

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

/** Milliseconds in, percentiles out (nearest rank). */
export function summarize(values: Float64Array | number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1], mean: sum / sorted.length };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Peak and current resident memory of a process in MiB, from /proc (Linux): VmHWM is the
 * kernel's own high-water mark, so no sampling can miss a short peak.
 */
export function memoryOf(pid: number | 'self' = 'self'): { peakMiB: number; rssMiB: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** Milliseconds since `start` (from process.hrtime.bigint()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * Waits until this process uses less than a twentieth of a core over half a second (at most
 * `limitMs`), and says how long that took: after an in-process server with a heap of gigabytes
 * closes, the collector shrinks that heap for seconds on the other core, and a process timed
 * meanwhile shares the machine with it.
 */
export async function untilIdle(limitMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { user, system } = process.cpuUsage(before);
    if ((user + system) / 1000 < 25 || Date.now() - started >= limitMs) return Date.now() - started;
  }
}
