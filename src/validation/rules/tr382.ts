import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStops, STATUS_NIEUW } from './support/leveringen.js';

/**
 * A new stop must carry the key of a live start unchanged (ToewijzingNummer, Product,
 * Begindatum): otherwise there is no actual start it can end (OP072, OP155). The fact sheet notes
 * that the uitgebreide WJ001 list wrongly names "TR069" for 9069.
 */
export const TR382 = defineRule({
  id: 'TR382',
  appliesTo: ['WMO307'],
  level: 3,
  retourCode: '9069',
  description:
    'De sleutelelementen uit het startbericht moeten in het stopbericht, waarin wordt aangegeven dat de betreffende levering (tijdelijk) beeindigd wordt, ongewijzigd worden overgenomen.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStops(msg, register)
      .filter((fact) => fact.item.StatusAanlevering === STATUS_NIEUW && fact.start === undefined)
      .map((fact) => ({
        location: `${fact.path}/Begindatum`,
        detail: 'Er is geen actuele start met dezelfde ToewijzingNummer, Product en Begindatum',
      }));
  },
});
