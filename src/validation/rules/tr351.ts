import { isActueel, messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  toewijzingOf,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * Actual as in TR349.
 */
export const TR351 = defineRule({
  id: 'TR351',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9351',
  description:
    'Ieder TeWijzigenProduct in een verzoek om wijziging is gerelateerd aan een actueel ToegewezenProduct op basis van ToewijzingNummer.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const peildatum = msg.header.BerichtIdentificatie.Dagtekening;
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.Verzoek.TeWijzigenProducten,
      `${CLIENT}/Verzoek/TeWijzigenProducten`,
      'TeWijzigenProduct',
    )) {
      const toewijzing = toewijzingOf(register, aanbieder, client.clientId, item.ToewijzingNummer);
      if (toewijzing === undefined || !isActueel(toewijzing, peildatum)) {
        findings.push({
          location: `${path}/ToewijzingNummer`,
          detail: 'Geen actuele toewijzing van deze client met dit nummer',
        });
      }
    }
    return findings;
  },
});
