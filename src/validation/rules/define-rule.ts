import type { ContractSet } from '../../contract/index.js';
import type { MessageType } from '../../domain/message-types.js';
import type { RegisterView } from '../../domain/register/index.js';
import type { RetourCode } from '../../domain/retourcodes.js';
import type { ParsedMessage } from '../../model/index.js';
import type { CbsGemeenten } from '../../reference-data/index.js';
import type { Violation } from '../violation.js';

/**
 * A rule id: an iStandaarden code ('TR101', 'CD041', 'CS002') or `GW-…` for the gateway's own.
 * Ids are never reused or renumbered.
 */
export type RuleId = `${'TR' | 'CD' | 'CS'}${number}` | `GW-${string}`;

/** Control level (IV032): 2 in-message (XSLT), 3 across messages, 4 external source. */
export type ControlLevel = 2 | 3 | 4;

/**
 * What a rule may read besides the message (STYLE §C11, §C15). Level-2 rules judge one message
 * alone and read nothing from it. Level-3 rules read `register`: what the register of earlier,
 * accepted traffic holds for this message, loaded before the rules run.
 */
export interface RuleContext {
  readonly register?: RegisterView;
  /**
   * Level 4: the Dutch calendar date the message is judged on (TR135), taken from the injected
   * clock once per message; rules never read a clock.
   */
  readonly today?: string;
  /** Level 4: the CBS gemeentecodes with validity periods (TR378). */
  readonly cbs?: CbsGemeenten;
  /** Level 4: the municipal contracts in force, one snapshot per message (STYLE §C15). */
  readonly contracts?: ContractSet;
}

/** The context a level-3 rule is checked with: the register view is always there. */
export interface CrossMessageContext extends RuleContext {
  readonly register: RegisterView;
}

/**
 * The context a level-4 rule is checked with: every external source is there, and the register
 * view of the message when the caller loaded one (the worker always does). A contract rule that
 * needs earlier traffic (GW-C04…) judges nothing without it.
 */
export interface ExternalSourceContext extends RuleContext {
  readonly today: string;
  readonly cbs: CbsGemeenten;
  readonly contracts: ContractSet;
  readonly register?: RegisterView;
}

/** The context level-2 checks run with. */
export const EMPTY_RULE_CONTEXT: RuleContext = Object.freeze({});

/** One failed check as a rule reports it; {@link defineRule} turns it into a {@link Violation}. */
export interface Finding {
  /** XPath of the element the rule governs, e.g. `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum`. */
  readonly location: string;
  /** Non-personal explanation: never a BSN, a name or another value that identifies a person. */
  readonly detail?: string;
}

interface RuleMeta<T extends MessageType> {
  readonly id: RuleId;
  /** The message types the rule is checked on. */
  readonly appliesTo: readonly T[];
  /** WJ001 code reported on a violation; every level-2 rule reports 0001. */
  readonly retourCode: RetourCode;
  /** The rule text from the regelrapport (Dutch, as published). */
  readonly description: string;
  /** Where the rule and its exact semantics come from. */
  readonly source: string;
  /**
   * The message XSD (level 1) already rejects every violation, so no XSD-valid message can break
   * the rule; the check re-verifies it for defence in depth.
   */
  readonly enforcedByXsd?: true;
}

/** A rule judged from the message alone (level 2). */
export interface InMessageRuleSpec<T extends MessageType> extends RuleMeta<T> {
  readonly level: 2;
  check(msg: ParsedMessage<T>, ctx: RuleContext): readonly Finding[];
}

/** A rule against an external source (level 4): clock, CBS list, contracts. */
export interface ExternalSourceRuleSpec<T extends MessageType> extends RuleMeta<T> {
  readonly level: 4;
  check(msg: ParsedMessage<T>, ctx: ExternalSourceContext): readonly Finding[];
}

/** A rule across messages (level 3): it reads the register view from its context. */
export interface CrossMessageRuleSpec<T extends MessageType> extends RuleMeta<T> {
  readonly level: 3;
  check(msg: ParsedMessage<T>, ctx: CrossMessageContext): readonly Finding[];
}

/** The input to {@link defineRule}: metadata plus a check that returns findings. */
export type RuleSpec<T extends MessageType> =
  InMessageRuleSpec<T> | CrossMessageRuleSpec<T> | ExternalSourceRuleSpec<T>;

/**
 * One validation rule (STYLE §C10). `check` is pure and synchronous: it reads only the message
 * and the context, returns `[]` when the rule passes and never throws for a business failure.
 * A message of a type the rule does not apply to passes (the registry never sends one), which
 * lets every rule share this one type in the registry.
 */
export interface Rule extends RuleMeta<MessageType> {
  readonly level: ControlLevel;
  check(msg: ParsedMessage, ctx: RuleContext): readonly Violation[];
}

const NO_VIOLATIONS: readonly Violation[] = Object.freeze([]);

/**
 * Creates a frozen rule. The rule's findings become violations carrying its id, retour code and
 * level, so a rule can never report under another rule's name.
 */
export function defineRule<const T extends MessageType>(spec: RuleSpec<T>): Rule {
  const types: ReadonlySet<MessageType> = new Set(spec.appliesTo);
  const appliesTo = (msg: ParsedMessage): msg is ParsedMessage<T> => types.has(msg.type);
  const rule: Rule = {
    id: spec.id,
    appliesTo: Object.freeze([...spec.appliesTo]),
    level: spec.level,
    retourCode: spec.retourCode,
    description: spec.description,
    source: spec.source,
    ...(spec.enforcedByXsd === true ? { enforcedByXsd: true } : {}),
    check(msg, ctx) {
      if (!appliesTo(msg)) {
        return NO_VIOLATIONS;
      }
      const findings =
        spec.level === 3
          ? spec.check(msg, crossMessageContext(spec.id, ctx))
          : spec.level === 4
            ? spec.check(msg, externalSourceContext(spec.id, ctx))
            : spec.check(msg, ctx);
      if (findings.length === 0) {
        return NO_VIOLATIONS;
      }
      return Object.freeze(
        findings.map((finding) =>
          Object.freeze({
            ruleId: spec.id,
            retourCode: spec.retourCode,
            level: spec.level,
            location: finding.location,
            ...(finding.detail === undefined ? {} : { detail: finding.detail }),
          }),
        ),
      );
    },
  };
  return Object.freeze(rule);
}

/** A level-3 rule without a register view is a wiring bug, never a business outcome. */
function crossMessageContext(id: RuleId, ctx: RuleContext): CrossMessageContext {
  if (ctx.register === undefined) {
    throw new Error(`level-3 rule ${id} was run without a register view`);
  }
  return { ...ctx, register: ctx.register };
}

/** A level-4 rule without its sources is a wiring bug, never a business outcome. */
function externalSourceContext(id: RuleId, ctx: RuleContext): ExternalSourceContext {
  const { today, cbs, contracts } = ctx;
  if (today === undefined || cbs === undefined || contracts === undefined) {
    throw new Error(`level-4 rule ${id} was run without today, the CBS list and the contracts`);
  }
  return { ...ctx, today, cbs, contracts };
}
