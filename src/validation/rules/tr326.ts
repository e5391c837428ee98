import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStarts, STATUS_NIEUW } from './support/leveringen.js';

/**
 * A new start needs every earlier start of the same toegewezen product (same ToewijzingNummer,
 * or the same product without one) to be stopped or deleted (OP289, OP379). Deletions in the same
 * message count first (IV008).
 */
export const TR326 = defineRule({
  id: 'TR326',
  appliesTo: ['WMO305'],
  level: 3,
  retourCode: '9326',
  description:
    'Een Startbericht mag pas verstuurd worden als er géén actueel Startbericht bij ToegewezenProduct is.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStarts(msg, register)
      .filter((fact) => fact.item.StatusAanlevering === STATUS_NIEUW && fact.actualStartExists)
      .map((fact) => ({
        location: `${fact.path}/Begindatum`,
        detail: 'Er is nog een actuele start voor dit toegewezen product',
      }));
  },
});
