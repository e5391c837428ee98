import type { ParsedMessage } from '../model/index.js';
import { parseMessage } from '../model/index.js';
import type { DeclaratieTotals } from '../retour/answer-message.js';
import { createExternalSourceStage, type ExternalSources } from './external-source-stage.js';
import type { Pipeline, RuleStage, StageContext } from './pipeline.js';
import { checkLevel2, checkLevel3, EMPTY_RULE_CONTEXT } from './rules/index.js';
import type { XsdValidator } from './xsd/xsd-validator.js';

export interface DefaultPipelineOptions {
  /**
   * Adds level 3, the rules across messages. Whoever validates must then pass the message's
   * register view as `context.register` (the worker loads it from Redis; see
   * `continueValidation`). @defaultValue false
   */
  readonly crossMessage?: boolean;
  /**
   * Adds level 4 after the other stages: the rules against external sources (system date, CBS
   * list, contracts; docs/contracts.md). @defaultValue undefined (no level 4)
   */
  readonly externalSources?: ExternalSources;
}

/** Level 3: the rules across messages, over the register view the caller loaded. */
const CROSS_MESSAGE_STAGE: RuleStage<ParsedMessage> = {
  level: 3,
  name: 'rules across messages',
  check: (message: ParsedMessage, context: StageContext) => {
    if (context.register === undefined) {
      throw new Error('level 3 needs the register view of the message');
    }
    return checkLevel3(message, context.register);
  },
};

/**
 * The gateway's validation pipeline (STYLE §A2), in order: XSD (level 1) → typed model → the
 * in-message rules (level 2) → with `crossMessage`, the rules across messages (level 3) → with
 * `externalSources`, the rules against external sources (level 4).
 */
export function createDefaultPipeline(
  xsd: XsdValidator,
  options: DefaultPipelineOptions = {},
): Pipeline<ParsedMessage> {
  return {
    xsd,
    parse: parseMessage,
    // A declaration is judged per Prestatie on levels 3 and 4 (fact sheet §7.2).
    judgedPerLine: (message) => message.type === 'WMO323',
    stages: [
      {
        level: 2,
        name: 'in-message rules',
        check: (message) => checkLevel2(message, EMPTY_RULE_CONTEXT),
      },
      ...(options.crossMessage === true ? [CROSS_MESSAGE_STAGE] : []),
      ...(options.externalSources === undefined
        ? []
        : [createExternalSourceStage(options.externalSources)]),
    ],
  };
}

/** DeclaratieNummer and TotaalIngediendBedrag of a declaration, for its WMO325. */
export function declaratieTotalsOf(message: ParsedMessage): DeclaratieTotals | undefined {
  if (message.type !== 'WMO323') {
    return undefined;
  }
  const { DeclaratieNummer, TotaalIngediendBedrag } = message.Declaratie;
  return { DeclaratieNummer, TotaalIngediendBedrag };
}
