import { canonicalNummer, messageParties } from '../../domain/register/index.js';
import { defineRule, type Finding } from './define-rule.js';
import { CLIENT, clientOf, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';
import { locate } from './support/located.js';

/**
 * A ToewijzingNummer belongs to one client and one aanbieder within the gemeente (OP275, IV066):
 * the same number again for the same client and aanbieder is a change of that toewijzing
 * (OP033x1), for anyone else a violation.
 */
export const TR332 = defineRule({
  id: 'TR332',
  appliesTo: ['WMO301'],
  level: 3,
  retourCode: '9332',
  description:
    'Ieder ToegewezenProduct binnen één gemeente heeft een uniek nummer per wettelijk domein.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      msg.Client.ToegewezenProducten,
      `${CLIENT}/ToegewezenProducten`,
      'ToegewezenProduct',
    )) {
      const known = register.toewijzingen.get(canonicalNummer(item.ToewijzingNummer));
      if (
        known !== undefined &&
        (known.aanbieder !== aanbieder || known.clientId !== client.clientId)
      ) {
        findings.push({
          location: `${path}/ToewijzingNummer`,
          detail:
            'Dit ToewijzingNummer is binnen de gemeente al voor een andere client of aanbieder gebruikt',
        });
      }
    }
    return findings;
  },
});
