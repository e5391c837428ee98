import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { analyseStops, STATUS_NIEUW } from './support/leveringen.js';

/**
 * A new stop may not end before the live stop it follows (a definitive stop after a temporary
 * one, OP377).
 */
export const TR414 = defineRule({
  id: 'TR414',
  appliesTo: ['WMO307'],
  level: 3,
  retourCode: '9414',
  description:
    'Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer en Begindatum is, dan moet Einddatum >= zijn aan Einddatum uit actuele StopProduct.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return analyseStops(msg, register)
      .filter(
        (fact) =>
          fact.item.StatusAanlevering === STATUS_NIEUW &&
          fact.activeStops.some((stop) => stop.einddatum > fact.item.Einddatum),
      )
      .map((fact) => ({
        location: `${fact.path}/Einddatum`,
        detail: 'Einddatum ligt voor de Einddatum van de actuele stop',
      }));
  },
});
