import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD087 = defineRule({
  id: 'CD087',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'Als eenheid ongelijk is aan 83 (euro’s) dan verplicht vullen, anders leeg laten.',
  source: CD_CS_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        if ((prestatie.Eenheid !== '83') !== (prestatie.ProductTarief !== undefined)) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductTarief`,
            detail:
              prestatie.Eenheid === '83'
                ? 'ProductTarief gevuld bij Eenheid 83'
                : 'ProductTarief leeg bij Eenheid ongelijk aan 83',
          });
        }
      }
    }
    return findings;
  },
});
