import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, DECLARATIE_ANTWOORD, prestatiePath } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD060 = defineRule({
  id: 'CD060',
  appliesTo: ['WMO323', 'WMO325'],
  level: 2,
  retourCode: '0001',
  description:
    'Verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.',
  source: CD_CS_SOURCE,
  check(msg) {
    const [root, clienten] =
      msg.type === 'WMO323'
        ? [DECLARATIE, msg.Declaratie.Clienten]
        : [DECLARATIE_ANTWOORD, msg.DeclaratieAntwoord?.Clienten ?? []];
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        const credit = prestatie.IngediendBedrag.DebetCredit === 'C';
        if (credit !== (prestatie.ProductReferentie.VorigReferentieNummer !== undefined)) {
          findings.push({
            location: `${prestatiePath(root, clienten.length, client, prestatie)}/ProductReferentie/VorigReferentieNummer`,
            detail: credit
              ? 'Credit Prestatie zonder VorigReferentieNummer'
              : 'Debet Prestatie met VorigReferentieNummer',
          });
        }
      }
    }
    return findings;
  },
});
