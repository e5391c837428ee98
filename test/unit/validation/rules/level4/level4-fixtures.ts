import { join } from 'node:path';

import { ContractRegistry, type ContractSet } from '../../../../../src/contract/index.js';
import type { ParsedMessage } from '../../../../../src/model/index.js';
import { loadCbsGemeenten } from '../../../../../src/reference-data/index.js';
import {
  checkLevel4,
  type ExternalSourceContext,
  type Rule,
} from '../../../../../src/validation/rules/index.js';
import type { Violation } from '../../../../../src/validation/violation.js';

/** The shipped sample contracts and CBS list, and a fixed "today" for the samples. */
export const SAMPLE_CONTRACTS_DIR = join(import.meta.dirname, '../../../../../samples/contracts');
export const SAMPLES_TODAY = '2026-07-01';
export const CBS = loadCbsGemeenten();
export const SAMPLE_CONTRACTS: ContractSet = ContractRegistry.open({
  source: { dir: SAMPLE_CONTRACTS_DIR },
}).current();

/** A level-4 context over the sample sources; override what a test needs. */
export function level4Context(
  overrides: Partial<ExternalSourceContext> = {},
): ExternalSourceContext {
  return { today: SAMPLES_TODAY, cbs: CBS, contracts: SAMPLE_CONTRACTS, ...overrides };
}

/** The violations of one rule, checked with the sample sources (or overrides). */
export function check(
  rule: Rule,
  msg: ParsedMessage,
  overrides: Partial<ExternalSourceContext> = {},
): readonly Violation[] {
  return rule.check(msg, level4Context(overrides));
}

export function checkAll(
  msg: ParsedMessage,
  overrides: Partial<ExternalSourceContext> = {},
): readonly Violation[] {
  return checkLevel4(msg, level4Context(overrides));
}
