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
 * A change to an aspecific or generic toewijzing (no Code) carries no Omvang when its
 * Einddatum (the TeWijzigenProduct's, as in TR375) is after 2020-12-31 or empty. A toewijzing
 * without Product breaks TR375 and this rule at once; both codes are reported.
 */
export const TR412 = defineRule({
  id: 'TR412',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9412',
  description:
    'Indien Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is, dan leeg laten',
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
        toewijzing.product?.code === undefined &&
        eindigtNa2020OfOpen(item.Einddatum) &&
        item.Omvang !== undefined
      ) {
        findings.push({
          location: `${path}/Omvang`,
          detail: 'Omvang bij een toewijzing zonder ProductCode',
        });
      }
    }
    return findings;
  },
});
