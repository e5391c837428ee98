import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStarts, STATUS_VERWIJDEREN } from './support/leveringen.js';

/**
 * A start that a (not deleted) stop refers to can no longer be deleted (OP033).
 */
export const TR071 = defineRule({
  id: 'TR071',
  appliesTo: ['WMO305'],
  level: 3,
  retourCode: '9071',
  description:
    "StatusAanlevering mag niet de waarde '3' bevatten als er voor de betreffende melding start zorg al een stop zorg is verstuurd.",
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStarts(msg, register)
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_VERWIJDEREN &&
          fact.registered !== undefined &&
          !fact.registered.deleted &&
          fact.registered.stops.some((stop) => !stop.deleted),
      )
      .map((fact) => ({
        location: `${fact.path}/StatusAanlevering`,
        detail: 'Op deze start is al een stop gemeld',
      }));
  },
});
