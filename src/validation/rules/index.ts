import type { RegisterView } from '../../domain/register/index.js';
import type { ParsedMessage } from '../../model/index.js';
import type { Violation } from '../violation.js';
import type { RuleContext } from './define-rule.js';
import { buildRegistry as indexRules, type RuleRegistry, runRules } from './registry.js';
import { RULES } from './rule-list.js';

export {
  type ControlLevel,
  type CrossMessageContext,
  defineRule,
  EMPTY_RULE_CONTEXT,
  type Finding,
  type Rule,
  type RuleContext,
  type RuleId,
  type RuleSpec,
} from './define-rule.js';
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
