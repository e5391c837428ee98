import { spawnSync } from 'node:child_process';

import { median } from './measure.js';

/**
 * Median wall time in seconds of `xmllint --noout --schema <xsd> <file>` (the system's native
 * libxml2, schema compiled once per run): the reference for what libxml2 itself can do on this
 * machine. Undefined when xmllint is not installed or rejects the file.
 */
export function timeXmllint(xsd: string, file: string, runs: number): number | undefined {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    if (result.error !== undefined || result.status !== 0) {
      return undefined;
    }
    times.push(seconds);
  }
  return median(times);
}
