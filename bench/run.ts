import { fork } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { loadAverage, peakRssMb } from './measure.js';
import { renderTable, type Row } from './table.js';

/**
 * `npm run bench [-- name…]`: runs the benchmarks (all, or the named ones) and prints one table
 * each. Every benchmark runs in its own child process, so that one's memory (peak RSS) and JIT
 * state do not leak into the next. Figures are medians of BENCH_RUNS runs; each table carries the
 * limit measured in the same run to compare against. Nothing here asserts on timings.
 *
 * Environment: BENCH_RUNS (default 3), BENCH_LARGE_MB (25), BENCH_E2E_MESSAGES (2000).
 */

interface BenchSettings {
  readonly runs: number;
  readonly largeMb: number;
  readonly e2eMessages: number;
}

interface Bench {
  readonly title: string;
  run(settings: BenchSettings): Promise<Row[]>;
}

const BENCHES: Record<string, Bench> = {
  xsd: {
    title: 'XSD engines on the project schemas (bench/xsd-engines.ts)',
    run: async (s) => {
      const { benchXsdEngines } = await import('./xsd-engines.js');
      return benchXsdEngines({ runs: s.runs, largeMb: s.largeMb });
    },
  },
  large: {
    title: `Large WMO323 through levels 1 and 2 (bench/large-declaration.ts)`,
    run: async (s) => {
      const { benchLargeDeclaration } = await import('./large-declaration.js');
      return benchLargeDeclaration({ runs: s.runs, megabytes: s.largeMb });
    },
  },
  e2e: {
    title: 'End-to-end throughput: intake → Redis → worker (bench/end-to-end.ts)',
    run: async (s) => {
      const { benchEndToEnd } = await import('./end-to-end.js');
      return benchEndToEnd({ runs: s.runs, messages: s.e2eMessages });
    },
  },
  delivery: {
    title: 'Delivery to a loopback endpoint, and a one-minute outage (bench/delivery.ts)',
    run: async (s) =>
      (await import('./delivery.js')).benchDelivery({
        runs: s.runs,
        messages: 1000,
        outageMs: Number(process.env['BENCH_OUTAGE_S'] ?? 60) * 1000,
        outageMessages: 300,
      }),
  },
  level3: (await import('./level3.js')).LEVEL3_BENCH,
  contract: (await import('./contract.js')).CONTRACT_BENCH,
  'large-contract': (await import('./large-contract.js')).LARGE_CONTRACT_BENCH,
  search: {
    title: 'Operator search (bench/search.ts)',
    run: async (s) => (await import('./search.js')).runSearchBench(s),
  },
};

/** Heap ceiling per benchmark process, in MB: keeps one run well under 4 GB. */
const HEAP_LIMIT_MB = 3072;

function settingsFromEnv(): BenchSettings {
  const positive = (name: string, fallback: number): number => {
    const raw = process.env[name];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      throw new Error(`${name} must be a positive number, got ${raw}`);
    }
    return value;
  };
  return {
    runs: Math.round(positive('BENCH_RUNS', 3)),
    largeMb: positive('BENCH_LARGE_MB', 25),
    e2eMessages: Math.round(positive('BENCH_E2E_MESSAGES', 2000)),
  };
}

async function runChild(name: string): Promise<void> {
  const bench = BENCHES[name];
  if (bench === undefined) {
    throw new Error(`unknown benchmark ${name}`);
  }
  const start = performance.now();
  const loadBefore = loadAverage();
  const rows = await bench.run(settingsFromEnv());
  const seconds = (performance.now() - start) / 1000;
  console.log(renderTable(bench.title, rows));
  console.log(
    `(${name}: ${seconds.toFixed(1)} s; peak RSS of this process ${peakRssMb().toFixed(0)} MB; ` +
      `load average before ${loadBefore}, after ${loadAverage()})\n`,
  );
}

function runInChildProcess(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', name], {
      execArgv: [...process.execArgv, `--max-old-space-size=${HEAP_LIMIT_MB}`],
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { child: { type: 'string' } },
    allowPositionals: true,
  });
  if (values.child !== undefined) {
    await runChild(values.child);
    // A benchmark that left a handle open (a Redis connection retrying) must not hang the run.
    process.exit(0);
  }
  const names = positionals.length > 0 ? positionals : Object.keys(BENCHES);
  const unknown = names.filter((name) => !(name in BENCHES));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s): ${unknown.join(', ')}; choose from ${Object.keys(BENCHES).join(', ')}`,
    );
    process.exitCode = 2;
    return;
  }
  const settings = settingsFromEnv();
  const cpu = cpus();
  console.log(
    `# iwmo-gateway benchmarks, ${new Date().toISOString()}\n` +
      `Node ${process.version}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown cpu'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; medians of ${settings.runs} runs\n`,
  );
  const start = performance.now();
  let failed = 0;
  for (const name of names) {
    const code = await runInChildProcess(name);
    if (code !== 0) {
      console.error(`benchmark ${name} failed (exit code ${code})`);
      failed += 1;
    }
  }
  console.log(`all benchmarks: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  if (failed > 0) {
    process.exitCode = 1;
  }
}

main().catch((caught: unknown) => {
  console.error(caught);
  process.exit(1);
});
