import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { GatewayError } from '../errors/index.js';
import { periodsOverlap } from './calendar.js';
import { type Contract, formatContractVersion, parseContract } from './contract.js';
import { contractFormatOf } from './contract-document.js';
import { ContractSet } from './contract-set.js';

/**
 * Where contracts come from: every `*.json`, `*.yaml` and `*.yml` in a directory, or a list of
 * files (each read as the notation its extension names).
 */
export type ContractSource = { readonly dir: string } | { readonly files: readonly string[] };

/** The few logger calls the registry makes (a pino logger fits); the core imports no pino. */
export interface ContractLog {
  info(bindings: Record<string, unknown>, message: string): void;
  warn(bindings: Record<string, unknown>, message: string): void;
}

export interface ContractRegistryOptions {
  readonly source: ContractSource;
  /**
   * How often to look for changed files; 0 never (reload() can still be called).
   * @defaultValue 0
   */
  readonly reloadMs?: number;
  readonly log?: ContractLog;
}

/** What one reload did per file; for logs and tests. */
export interface ReloadReport {
  readonly loaded: readonly string[];
  readonly unchanged: readonly string[];
  /** Invalid or unreadable: the last valid version (if any) stays in force. */
  readonly rejected: readonly { readonly file: string; readonly problems: readonly string[] }[];
  readonly removed: readonly string[];
}

interface FileState {
  readonly sha256: string;
  readonly contract: Contract;
}

const SILENT: ContractLog = { info: () => undefined, warn: () => undefined };

/**
 * The contracts in force, reloadable without restarting workers (docs/contracts.md). At start
 * every file must be valid, or {@link ContractRegistry.open} throws GW_ERR_CONFIG_INVALID listing
 * every problem of every file. Later, a changed file replaces its contract only when it is valid;
 * an invalid one is logged with its problems and the last valid version stays in force.
 * `current()` returns an immutable snapshot: a message is judged against one version throughout.
 */
export class ContractRegistry {
  readonly #source: ContractSource;
  readonly #log: ContractLog;
  readonly #files = new Map<string, FileState>();
  #current: ContractSet = ContractSet.EMPTY;
  #timer: NodeJS.Timeout | undefined;

  private constructor(options: ContractRegistryOptions) {
    this.#source = options.source;
    this.#log = options.log ?? SILENT;
  }

  /** Loads every contract; throws GW_ERR_CONFIG_INVALID when any file is invalid. */
  static open(options: ContractRegistryOptions): ContractRegistry {
    const registry = new ContractRegistry(options);
    const report = registry.reload();
    if (report.rejected.length > 0) {
      throw new GatewayError('GW_ERR_CONFIG_INVALID', {
        message: `invalid contract files:\n${report.rejected
          .map(({ file, problems }) => `${file}:\n${problems.join('\n')}`)
          .join('\n')}`,
      });
    }
    const reloadMs = options.reloadMs ?? 0;
    if (reloadMs > 0) {
      registry.#timer = setInterval(() => {
        try {
          registry.reload();
        } catch (caught) {
          // A bug in reloading must not take the worker down: the contracts in force stay.
          registry.#log.warn(
            { err: caught },
            'contract reload failed; the contracts in force stay',
          );
        }
      }, reloadMs);
      registry.#timer.unref();
    }
    return registry;
  }

  /** The contracts in force now: an immutable snapshot. */
  current(): ContractSet {
    return this.#current;
  }

  /** Re-reads every file; files whose bytes did not change are not parsed again. */
  reload(): ReloadReport {
    const loaded: string[] = [];
    const unchanged: string[] = [];
    const rejected: { file: string; problems: readonly string[] }[] = [];
    const files = this.#listFiles(rejected);
    const removed = [...this.#files.keys()].filter((file) => !files.includes(file));
    for (const file of removed) {
      this.#files.delete(file);
      this.#log.warn({ file }, 'contract file removed; its contract is no longer in force');
    }
    for (const file of files) {
      const outcome = this.#reloadFile(file);
      if (outcome === 'unchanged') {
        unchanged.push(file);
      } else if (outcome === 'loaded') {
        loaded.push(file);
      } else {
        rejected.push({ file, problems: outcome.problems });
      }
    }
    if (loaded.length > 0 || removed.length > 0) {
      this.#current = new ContractSet([...this.#files.values()].map((state) => state.contract));
      this.#warnAboutOverlaps();
    }
    return { loaded, unchanged, rejected, removed };
  }

  /** Stops looking for changes. */
  close(): void {
    if (this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  #listFiles(rejected: { file: string; problems: readonly string[] }[]): string[] {
    const source = this.#source;
    if ('files' in source) {
      return [...source.files];
    }
    try {
      return readdirSync(source.dir)
        .filter((name) => contractFormatOf(name) !== undefined)
        .sort()
        .map((name) => join(source.dir, name));
    } catch (caught) {
      rejected.push({ file: source.dir, problems: [`✖ cannot list: ${message(caught)}`] });
      this.#log.warn({ dir: source.dir, err: caught }, 'cannot list the contracts directory');
      return [...this.#files.keys()];
    }
  }

  #reloadFile(file: string): 'loaded' | 'unchanged' | { problems: readonly string[] } {
    const format = contractFormatOf(file);
    if (format === undefined) {
      return this.#reject(file, [
        '✖ not a contract file: its name must end in .json, .yaml or .yml',
      ]);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (caught) {
      return this.#reject(file, [`✖ cannot read: ${message(caught)}`]);
    }
    const previous = this.#files.get(file);
    if (previous?.sha256 === createHash('sha256').update(bytes).digest('hex')) {
      return 'unchanged';
    }
    const parsed = parseContract(bytes, format);
    if (!parsed.ok) {
      return this.#reject(file, parsed.problems);
    }
    const { contract } = parsed;
    const clash = [...this.#files].find(
      ([other, state]) => other !== file && state.contract.terms.id === contract.terms.id,
    );
    if (clash !== undefined) {
      return this.#reject(file, [
        `✖ contract id ${contract.terms.id} is also loaded from ${clash[0]}`,
      ]);
    }
    this.#files.set(file, { sha256: contract.version.sha256, contract });
    this.#log.info(
      {
        file: basename(file),
        contract: formatContractVersion(contract.version),
        ...(previous === undefined
          ? {}
          : { replaces: formatContractVersion(previous.contract.version) }),
      },
      previous === undefined ? 'contract loaded' : 'contract reloaded',
    );
    if (contract.terms.sample) {
      this.#log.warn(
        { contract: formatContractVersion(contract.version) },
        'sample contract in force: its prices are invented',
      );
    }
    return 'loaded';
  }

  #reject(file: string, problems: readonly string[]): { problems: readonly string[] } {
    const kept = this.#files.get(file);
    this.#log.warn(
      {
        file: basename(file),
        problems,
        ...(kept === undefined ? {} : { kept: formatContractVersion(kept.contract.version) }),
      },
      kept === undefined
        ? 'contract file invalid; not loaded'
        : 'contract file invalid; the last valid version stays in force',
    );
    return { problems };
  }

  /** Two contracts that list the same code for the same gemeente at the same time. */
  #warnAboutOverlaps(): void {
    const contracts = this.#current.contracts;
    contracts.forEach((a, i) => {
      for (const b of contracts.slice(i + 1)) {
        const codes = [...a.productsByCode.keys()].filter((code) => b.productsByCode.has(code));
        const gemeenten = a.terms.municipalities
          .map((m) => m.cbsCode)
          .filter((code) => b.terms.municipalities.some((m) => m.cbsCode === code));
        const overlapping = a.terms.phases.some(
          (pa) =>
            pa.exercised && b.terms.phases.some((pb) => pb.exercised && periodsOverlap(pa, pb)),
        );
        if (codes.length > 0 && gemeenten.length > 0 && overlapping) {
          this.#log.warn(
            { contracts: [a.terms.id, b.terms.id], gemeenten, codes },
            "two contracts cover the same product for the same gemeente at the same time; the first by id in force on a line's first day sets its terms",
          );
        }
      }
    });
  }
}

function message(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}
