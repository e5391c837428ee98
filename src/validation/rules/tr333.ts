import { defineRule } from './define-rule.js';
import { TR_CROSS_MESSAGE_SOURCE } from './support/cross-message.js';

/**
 * Per aanbieder and gemeente (what the receiving gemeente can check). An error in class
 * Declaratie: the WMO325 carries 9333 on DeclaratieAntwoord, no Prestatie is assessed and
 * TotaalToegekendBedrag is 0 (fact sheet §7.2).
 */
export const TR333 = defineRule({
  id: 'TR333',
  appliesTo: ['WMO323'],
  level: 3,
  retourCode: '9333',
  description:
    'DeclaratieNummer van de Declaratie moet uniek zijn voor de aanbieder binnen het wettelijk domein waarop de Declaratie betrekking heeft.',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(_msg, { register }) {
    return register.declaratieNummerUsed
      ? [
          {
            location: '/Bericht/Declaratie/DeclaratieNummer',
            detail: 'Dit DeclaratieNummer is al gebruikt',
          },
        ]
      : [];
  },
});
