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
 * A StartProduct or StopProduct with a ToewijzingNummer (output- or inspanningsgericht) must name
 * a toewijzing of this client from this gemeente to this aanbieder. Without a ToewijzingNummer the
 * delivery is taakgericht (IV096) and the rule does not apply. The WMO rule file lists 305 only; the
 * TR table and the rule text cover the stop as well (fact sheet §6.2, conflict), so both are checked.
 */
export const TR019 = defineRule({
  id: 'TR019',
  appliesTo: ['WMO305', 'WMO307'],
  level: 3,
  retourCode: '9019',
  description:
    'Bij een output- of inspanningsgerichte werkwijze moet de melding van de start of de stop van de ondersteuning gerelateerd zijn aan een toewijzing op basis van het ToewijzingNummer',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const items =
      msg.type === 'WMO305'
        ? locate(msg.Client.StartProducten, `${CLIENT}/StartProducten`, 'StartProduct')
        : locate(msg.Client.StopProducten, `${CLIENT}/StopProducten`, 'StopProduct');
    const findings: Finding[] = [];
    for (const { item, path } of items) {
      const nummer = item.ToewijzingNummer;
      if (
        nummer !== undefined &&
        toewijzingOf(register, aanbieder, client.clientId, nummer) === undefined
      ) {
        findings.push({
          location: `${path}/ToewijzingNummer`,
          detail: `Geen toewijzing ${nummer} van deze gemeente aan deze aanbieder voor deze client`,
        });
      }
    }
    return findings;
  },
});
