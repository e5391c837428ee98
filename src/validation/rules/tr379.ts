import { defineRule, type Finding } from './define-rule.js';
import { CLIENT, clientOf, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * A filled ReferentieAanbieder must honour a verzoek (WMO315 product or WMO317) of this
 * aanbieder for this client that is still open: not yet honoured by a WMO301 (only the first time,
 * IV097) and not rejected by a WMO319 afgewezen. Whether an empty ReferentieAanbieder should have
 * been filled cannot be known from the traffic, so only filled ones are judged.
 */
export const TR379 = defineRule({
  id: 'TR379',
  appliesTo: ['WMO301'],
  level: 3,
  retourCode: '9379',
  description:
    'Indien ToegewezenProduct wordt verstuurd ter honorering van een VOT of VOW, dient ReferentieAanbieder te worden gevuld met ReferentieAanbieder uit die VOT of VOW, anders leeglaten',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const client = clientOf(register, msg.Client.Bsn);
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.ToegewezenProducten,
      `${CLIENT}/ToegewezenProducten`,
      'ToegewezenProduct',
    )) {
      const referentie = item.ReferentieAanbieder;
      if (referentie === undefined) {
        continue;
      }
      const verzoek = register.verzoeken.get(referentie);
      if (
        verzoek === undefined ||
        verzoek.clientId !== client.clientId ||
        verzoek.toegewezen ||
        verzoek.antwoorden.includes('1')
      ) {
        findings.push({
          location: `${path}/ReferentieAanbieder`,
          detail: 'ReferentieAanbieder verwijst niet naar een openstaand verzoek van deze client',
        });
      }
    }
    return findings;
  },
});
