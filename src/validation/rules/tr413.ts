import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStops, STATUS_NIEUW, TIJDELIJK } from './support/leveringen.js';

/**
 * No two temporary stops (RedenBeeindiging 20) in a row for one start (OP378).
 */
export const TR413 = defineRule({
  id: 'TR413',
  appliesTo: ['WMO307'],
  level: 3,
  retourCode: '9413',
  description:
    'Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer, Begindatum en met RedenBeeindiging waarde 20 is, dan moet RedenBeeindiging <> aan waarde 20 zijn, indien StatusAanlevering waarde 1 of 2 heeft.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStops(msg, register)
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_NIEUW &&
          fact.item.RedenBeeindiging === TIJDELIJK &&
          fact.activeStops.some((stop) => stop.redenBeeindiging === TIJDELIJK),
      )
      .map((fact) => ({
        location: `${fact.path}/RedenBeeindiging`,
        detail: 'Er is al een tijdelijke stop voor deze start',
      }));
  },
});
