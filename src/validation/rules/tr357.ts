import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  toewijzingOf,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * A change that does not start in the future covers the whole period of the toewijzing
 * (OP345). "Dagtekening" is the VOW's own Header Dagtekening.
 */
export const TR357 = defineRule({
  id: 'TR357',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9357',
  description:
    'Als GewensteIngangsdatum kleiner dan of gelijk is aan de dagtekening, dan is GewensteIngangsdatum gelijk aan ingangsdatum van het originele ToegewezenProduct.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.Verzoek.TeWijzigenProducten,
      `${CLIENT}/Verzoek/TeWijzigenProducten`,
      'TeWijzigenProduct',
    )) {
      const toewijzing = toewijzingOf(register, aanbieder, client.clientId, item.ToewijzingNummer);
      if (toewijzing === undefined) {
        continue; // TR351 reports it
      }
      if (
        item.GewensteIngangsdatum <= msg.header.BerichtIdentificatie.Dagtekening &&
        item.GewensteIngangsdatum !== toewijzing.ingangsdatum
      ) {
        findings.push({
          location: `${path}/GewensteIngangsdatum`,
          detail: 'GewensteIngangsdatum is niet de Ingangsdatum van de toewijzing',
        });
      }
    }
    return findings;
  },
});
