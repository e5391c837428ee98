import type { ParsedMessage } from '../model/index.js';
import { parseMessage } from '../model/index.js';
import type { DeclaratieTotals } from '../retour/answer-message.js';
import type { Pipeline } from './pipeline.js';
import { checkLevel2, EMPTY_RULE_CONTEXT } from './rules/index.js';
import type { XsdValidator } from './xsd/xsd-validator.js';

/**
 * The gateway's validation pipeline (STYLE §A2), in order: XSD (level 1) → typed model → the
 * in-message rules (level 2). Later levels add stages here.
 */
export function createDefaultPipeline(xsd: XsdValidator): Pipeline<ParsedMessage> {
  return {
    xsd,
    parse: parseMessage,
    stages: [
      {
        level: 2,
        name: 'in-message rules',
        check: (message) => checkLevel2(message, EMPTY_RULE_CONTEXT),
      },
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
