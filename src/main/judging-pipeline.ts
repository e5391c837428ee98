import { systemClock } from '../clock/calendar-date.js';
import type { Config } from '../config/index.js';
import { ContractRegistry, ContractSet } from '../contract/index.js';
import type { ParsedMessage } from '../model/index.js';
import type { Logger } from '../observability/index.js';
import { loadCbsGemeenten } from '../reference-data/index.js';
import { createDefaultPipeline } from '../validation/default-pipeline.js';
import type { Pipeline } from '../validation/pipeline.js';
import type { XsdValidator } from '../validation/xsd/xsd-validator.js';

/** The full judging pipeline of a process and the contract registry behind its level 4. */
export interface JudgingPipeline {
  readonly pipeline: Pipeline<ParsedMessage>;
  /** Stops the contract reload timer (on shutdown). */
  close(): void;
}

/**
 * Levels 1–4 as the workers judge answered messages, and as the intake's dry run does: the
 * CBS list and the contracts (`CONTRACTS_DIR`) are read here, before anything connects, so an
 * invalid file stops the start with every problem listed; later contract changes are picked up
 * without a restart (docs/contracts.md).
 */
export function openJudgingPipeline(
  config: Config,
  xsd: XsdValidator,
  logger: Logger,
): JudgingPipeline {
  const cbs = loadCbsGemeenten(config.cbsGemeentenFile);
  const contracts =
    config.contracts.dir === undefined
      ? undefined
      : ContractRegistry.open({
          source: { dir: config.contracts.dir },
          reloadMs: config.contracts.reloadMs,
          log: logger,
        });
  return {
    pipeline: createDefaultPipeline(xsd, {
      crossMessage: true,
      externalSources: {
        cbs,
        contracts: () => contracts?.current() ?? ContractSet.EMPTY,
        clock: systemClock,
      },
    }),
    close: () => contracts?.close(),
  };
}
