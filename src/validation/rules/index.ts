import type { RegisterView } from '../../domain/register/index.js';
import type { ParsedMessage } from '../../model/index.js';
import type { Violation } from '../violation.js';
import type { ExternalSourceContext, Rule, RuleContext } from './define-rule.js';
import { CONTRACT_RULES } from './level4-rule-list.js';
import { buildRegistry as indexRules, type RuleRegistry, runRules } from './registry.js';
import { RULES } from './rule-list.js';

export {
  type ControlLevel,
  type CrossMessageContext,
  defineRule,
  EMPTY_RULE_CONTEXT,
  type ExternalSourceContext,
  type Finding,
  type Rule,
  type RuleContext,
  type RuleId,
  type RuleSpec,
} from './define-rule.js';
export { CONTRACT_RULES } from './level4-rule-list.js';
export { type RuleRegistry, runRules } from './registry.js';
export { RULES } from './rule-list.js';

/**
 * The level-2 registry (in-message rules: TR/CD/CS checked by the official XSLT), built once at
 * module load from the static {@link RULES} list.
 */
export function buildRegistry(): RuleRegistry {
  return indexRules(RULES, 2);
}

const LEVEL2 = buildRegistry();

/**
 * Level 2 of the standard (IV032): every rule that can be judged from the message alone. Returns
 * all violations (empty when the message passes); any violation means a retour with only
 * RetourCode 0001. Retour messages (302…320) have no level-2 rules; WMO325 has its own.
 */
export function checkLevel2(msg: ParsedMessage, ctx: RuleContext): readonly Violation[] {
  return runRules(LEVEL2, msg, ctx);
}

const LEVEL3 = indexRules(RULES, 3);

/**
 * Level 3 of the standard (IV032): the rules across messages, judged against `register`, what the
 * register of earlier accepted traffic holds for this message (loaded before, STYLE §C11).
 * Returns all violations; each carries its own retourcode and the location of its class.
 */
export function checkLevel3(msg: ParsedMessage, register: RegisterView): readonly Violation[] {
  return runRules(LEVEL3, msg, { register });
}

/** Every level-4 rule: those of the standard (in {@link RULES}) and the contract rules. */
export const LEVEL4_RULES: readonly Rule[] = Object.freeze(
  [...RULES, ...CONTRACT_RULES].filter((rule) => rule.level === 4),
);

const LEVEL4 = indexRules(LEVEL4_RULES, 4);

/**
 * Level 4 of the standard (IV032): the rules against external sources, judged against `ctx`:
 * `today` (TR135), the CBS gemeentecodes (TR378) and the municipal contracts (TR381, TR346,
 * TR418 and the contract rules GW-C01…). Returns all violations; each carries its own retourcode.
 */
export function checkLevel4(msg: ParsedMessage, ctx: ExternalSourceContext): readonly Violation[] {
  return runRules(LEVEL4, msg, ctx);
}
