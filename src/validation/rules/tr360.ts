import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * At most one "in onderzoek" (VerzoekAntwoord 2), and only as the first answer.
 */
export const TR360 = defineRule({
  id: 'TR360',
  appliesTo: ['WMO319'],
  level: 3,
  retourCode: '9360',
  description:
    'Een antwoordbericht met in VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek), mag alleen gestuurd worden indien er nog geen antwoordbericht is met deze ReferentieAanbieder',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const antwoorden = register.verzoeken.get(msg.Antwoord.ReferentieAanbieder)?.antwoorden ?? [];
    return msg.Antwoord.VerzoekAntwoord === '2' && antwoorden.length > 0
      ? [
          {
            location: '/Bericht/Antwoord/VerzoekAntwoord',
            detail: 'Er is al een antwoordbericht met deze ReferentieAanbieder',
          },
        ]
      : [];
  },
});
