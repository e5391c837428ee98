import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStops, STATUS_NIEUW, TIJDELIJK } from './support/leveringen.js';

/**
 * After a definitive stop (RedenBeeindiging other than 20) no new stop may follow for the same
 * start (OP377, OP378).
 */
export const TR415 = defineRule({
  id: 'TR415',
  appliesTo: ['WMO307'],
  level: 3,
  retourCode: '9415',
  description:
    'Er mag geen StopProduct zijn met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20, indien StatusAanlevering waarde 1 of 2 heeft',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStops(msg, register)
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_NIEUW &&
          fact.activeStops.some((stop) => stop.redenBeeindiging !== TIJDELIJK),
      )
      .map((fact) => ({
        location: `${fact.path}/StatusAanlevering`,
        detail: 'Er is al een definitieve stop voor deze start',
      }));
  },
});
