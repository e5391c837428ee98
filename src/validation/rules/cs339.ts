import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CS339 = defineRule({
  id: 'CS339',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description:
    'Indien Eenheid de waarde 83 (euro’s) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.',
  source: CD_CS_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        if (
          prestatie.Eenheid === '83' &&
          prestatie.IngediendBedrag.Bedrag !== prestatie.GeleverdVolume
        ) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/IngediendBedrag/Bedrag`,
            detail: 'Eenheid 83: IngediendBedrag is niet gelijk aan GeleverdVolume',
          });
        }
      }
    }
    return findings;
  },
});
