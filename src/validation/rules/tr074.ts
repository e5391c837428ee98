import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStarts, analyseStops, STATUS_NIEUW } from './support/leveringen.js';

/**
 * A new delivery (StatusAanlevering 1) must have a key that no live delivery of this client has.
 * Inside one message TR101 (level 2) already forbids a repeated key.
 */
export const TR074 = defineRule({
  id: 'TR074',
  appliesTo: ['WMO305', 'WMO307'],
  level: 3,
  retourCode: '9074',
  description:
    "Indien StatusAanlevering de waarde '1' bevat, dan moet de sleutel van de betreffende aanlevering niet alleen uniek zijn binnen het bericht zelf, maar ook in combinatie met alle reeds ontvangen berichten.",
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const facts =
      msg.type === 'WMO305' ? analyseStarts(msg, register) : analyseStops(msg, register);
    return facts
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_NIEUW &&
          fact.registered !== undefined &&
          !fact.registered.deleted,
      )
      .map((fact) => ({
        location: `${fact.path}/StatusAanlevering`,
        detail: 'Er is al een aanlevering met dezelfde sleutel',
      }));
  },
});
