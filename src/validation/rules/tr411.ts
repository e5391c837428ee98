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
 * A change to a specific toewijzing (Product with Code) states the new Omvang.
 */
export const TR411 = defineRule({
  id: 'TR411',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9411',
  description:
    'Indien Code in Product bij de toewijzing met ToewijzingNummer gevuld is, dan Omvang verplicht vullen',
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
      if (toewijzing.product?.code !== undefined && item.Omvang === undefined) {
        findings.push({
          location: `${path}/Omvang`,
          detail: 'Omvang ontbreekt bij een toewijzing met ProductCode',
        });
      }
    }
    return findings;
  },
});
