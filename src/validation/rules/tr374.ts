import { defineRule } from './define-rule.js';
import { CLIENT, clientOf, TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * A verzoek is pending from its acceptance until a WMO319 with VerzoekAntwoord 1 (afgewezen) or
 * a WMO301 that carries its ReferentieAanbieder (OP350); "in onderzoek" keeps it pending. The code
 * goes on the class that holds the request: Client in a WMO316, Verzoek in a WMO318.
 */
export const TR374 = defineRule({
  id: 'TR374',
  appliesTo: ['WMO315', 'WMO317'],
  level: 3,
  retourCode: '9374',
  description:
    'Een verzoek mag alleen worden verstuurd als er geen onderhanden verzoek is voor de betreffende client van dezelfde aanbieder.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const pending = clientOf(register, msg.Client.Bsn).pendingVerzoeken.length;
    if (pending === 0) {
      return [];
    }
    return [
      {
        location: msg.type === 'WMO317' ? `${CLIENT}/Verzoek` : CLIENT,
        detail: `${pending} verzoek(en) van deze aanbieder voor deze client onderhanden`,
      },
    ];
  },
});
