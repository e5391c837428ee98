import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * The reference must come from a WMO315 product or WMO317 this aanbieder sent to this gemeente
 * and that was accepted (a rejected verzoek counts as not sent, OP286).
 */
export const TR355 = defineRule({
  id: 'TR355',
  appliesTo: ['WMO319'],
  level: 3,
  retourCode: '9355',
  description:
    'ReferentieAanbieder in het antwoordbericht komt voor in een eerder verzoek om toewijzing of verzoek om wijziging',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    return register.verzoeken.has(msg.Antwoord.ReferentieAanbieder)
      ? []
      : [
          {
            location: '/Bericht/Antwoord/ReferentieAanbieder',
            detail: 'Geen verzoek met deze ReferentieAanbieder bekend',
          },
        ];
  },
});
