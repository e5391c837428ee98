import { messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  toewijzingOf,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { locate } from './support/located.js';
import { eindigtNa2020OfOpen } from './support/toewijzing-klassen.js';

/**
 * For a generic toewijzing (no Product) the change carries no Omvang. "Einddatum" is read as the
 * TeWijzigenProduct's own Einddatum, as CD096 does for NieuwProduct.
 */
export const TR375 = defineRule({
  id: 'TR375',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9375',
  description:
    'Indien Product in de toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan leeg laten.',
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
        toewijzing.product === undefined &&
        eindigtNa2020OfOpen(item.Einddatum) &&
        item.Omvang !== undefined
      ) {
        findings.push({
          location: `${path}/Omvang`,
          detail: 'Omvang bij een toewijzing zonder Product',
        });
      }
    }
    return findings;
  },
});
