import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CS337 = defineRule({
  id: 'CS337',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description:
    'Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode',
  source: CD_CS_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        const { Begindatum: begin, Einddatum: eind } = prestatie.ProductPeriode;
        // Same year and same month: everything but the day (the last two characters) is equal.
        if (begin.slice(0, -2) !== eind.slice(0, -2)) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductPeriode/Einddatum`,
            detail: 'Begindatum en Einddatum liggen niet in dezelfde kalendermaand',
          });
        }
      }
    }
    return findings;
  },
});
