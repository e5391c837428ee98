import { loadavg } from 'node:os';

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

export interface RateOptions {
  /** How many timed runs the median is taken over. */
  readonly runs: number;
  /** Each run repeats the operation for at least this long. */
  readonly minMs: number;
  /** Untimed calls before the first run (JIT, caches). */
  readonly warmup?: number;
}

/** Operations per second of a synchronous function over one run of at least `minMs`. */
export function rateOnce(fn: () => void, minMs: number): number {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    fn();
    count += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (count * 1000) / elapsed;
}

/**
 * Medians of several operations measured in turns (A B C, A B C, …), so that load from other
 * processes on a shared machine hits all of them alike and their ratios stay meaningful.
 */
export function interleavedRates<K extends string>(
  fns: Readonly<Record<K, () => void>>,
  options: RateOptions,
): Record<K, number> {
  const keys = Object.keys(fns) as K[];
  const samples = new Map<K, number[]>(keys.map((key) => [key, []]));
  for (const key of keys) {
    for (let i = 0; i < (options.warmup ?? 20); i += 1) {
      fns[key]();
    }
  }
  for (let run = 0; run < options.runs; run += 1) {
    for (const key of keys) {
      samples.get(key)?.push(rateOnce(fns[key], options.minMs));
    }
  }
  return Object.fromEntries(keys.map((key) => [key, median(samples.get(key) ?? [])])) as Record<
    K,
    number
  >;
}

/** Operations per second of an async function awaited one call at a time, over one run. */
export async function rateAsyncOnce(fn: () => Promise<unknown>, minMs: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    await fn();
    count += 1;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (count * 1000) / elapsed;
}

/** Load averages (1 / 5 / 15 min): above the core count, other processes compete for the CPU. */
export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/** Peak resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export const MB = 1024 * 1024;
