import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStarts, analyseStops, STATUS_VERWIJDEREN } from './support/leveringen.js';

/**
 * A deletion (StatusAanlevering 3) needs an earlier, not yet deleted delivery with the same
 * logical key for this client (§3.7): the start key, or for a stop the start key plus
 * RedenBeeindiging and Einddatum.
 */
export const TR063 = defineRule({
  id: 'TR063',
  appliesTo: ['WMO305', 'WMO307'],
  level: 3,
  retourCode: '9063',
  description:
    'Indien StatusAanlevering de waarde 3 (aanlevering verwijderen) bevat, dan moet voor de betreffende Client een eerdere aanlevering met dezelfde logische sleutel verstuurd zijn.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const facts =
      msg.type === 'WMO305' ? analyseStarts(msg, register) : analyseStops(msg, register);
    return facts
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_VERWIJDEREN &&
          (fact.registered === undefined || fact.registered.deleted),
      )
      .map((fact) => ({
        location: `${fact.path}/StatusAanlevering`,
        detail: 'Er is geen eerdere aanlevering met dezelfde sleutel om te verwijderen',
      }));
  },
});
