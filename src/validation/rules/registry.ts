import { MESSAGE_TYPES, type MessageType } from '../../domain/message-types.js';
import type { ParsedMessage } from '../../model/index.js';
import type { Violation } from '../violation.js';
import type { ControlLevel, Rule, RuleContext } from './define-rule.js';

/** Rules indexed by message type, deep-frozen. */
export type RuleRegistry = Readonly<Record<MessageType, readonly Rule[]>>;

/**
 * Indexes rules by the message types they apply to, keeping list order, and freezes the result
 * (STYLE §C13). Throws on a duplicate id: that is a programming error, caught at boot.
 */
export function buildRegistry(rules: readonly Rule[], level?: ControlLevel): RuleRegistry {
  const seen = new Set<string>();
  const byType = Object.fromEntries(MESSAGE_TYPES.map((type) => [type, [] as Rule[]])) as Record<
    MessageType,
    Rule[]
  >;
  for (const rule of rules) {
    if (seen.has(rule.id)) {
      throw new Error(`duplicate rule id ${rule.id}`);
    }
    seen.add(rule.id);
    if (level !== undefined && rule.level !== level) {
      continue;
    }
    for (const type of rule.appliesTo) {
      byType[type].push(rule);
    }
  }
  for (const type of MESSAGE_TYPES) {
    Object.freeze(byType[type]);
  }
  return Object.freeze(byType);
}

/** Runs every rule of the registry that applies to the message's type, in registry order. */
export function runRules(
  registry: RuleRegistry,
  msg: ParsedMessage,
  ctx: RuleContext,
): readonly Violation[] {
  const violations: Violation[] = [];
  for (const rule of registry[msg.type]) {
    const found = rule.check(msg, ctx);
    for (const violation of found) {
      violations.push(violation);
    }
  }
  return Object.freeze(violations);
}
