import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * A second answer may only follow an "in onderzoek" (VerzoekAntwoord 2).
 */
export const TR365 = defineRule({
  id: 'TR365',
  appliesTo: ['WMO319'],
  level: 3,
  retourCode: '9365',
  description:
    'Als er al een antwoordbericht is met dezelfde ReferentieAanbieder dan moet VerzoekAntwoord daar de waarde 2 (Aanvraag in onderzoek) hebben.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const antwoorden = register.verzoeken.get(msg.Antwoord.ReferentieAanbieder)?.antwoorden ?? [];
    return antwoorden.some((antwoord) => antwoord !== '2')
      ? [
          {
            location: '/Bericht/Antwoord/VerzoekAntwoord',
            detail: 'Het eerdere antwoordbericht had niet VerzoekAntwoord 2',
          },
        ]
      : [];
  },
});
