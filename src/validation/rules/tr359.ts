import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Once a WMO301 honoured the verzoek, no answer message may follow.
 */
export const TR359 = defineRule({
  id: 'TR359',
  appliesTo: ['WMO319'],
  level: 3,
  retourCode: '9359',
  description:
    'Als een antwoordbericht wordt verstuurd, mag er niet al eerder een toewijzingsbericht gestuurd zijn met dezelfde ReferentieAanbieder',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return register.verzoeken.get(msg.Antwoord.ReferentieAanbieder)?.toegewezen === true
      ? [
          {
            location: '/Bericht/Antwoord/ReferentieAanbieder',
            detail: 'Op dit verzoek is al een toewijzing gestuurd',
          },
        ]
      : [];
  },
});
