import { defineRule, type Finding } from './define-rule.js';
import { dateNumber } from './support/dates.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

const GRENS = 20210101;
const DETAIL = 'Begindatum ligt voor 01-01-2021';

export const CS100 = defineRule({
  id: 'CS100',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'Vullen met een datum die groter dan of gelijk is aan 01-01-2021',
  source: CD_CS_SOURCE,
  check(msg) {
    const declaratie = msg.Declaratie;
    const findings: Finding[] = [];
    if (dateNumber(declaratie.DeclaratiePeriode.Begindatum) < GRENS) {
      findings.push({ location: `${DECLARATIE}/DeclaratiePeriode/Begindatum`, detail: DETAIL });
    }
    for (const client of declaratie.Clienten) {
      for (const prestatie of client.Prestaties) {
        if (dateNumber(prestatie.ProductPeriode.Begindatum) < GRENS) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, declaratie.Clienten.length, client, prestatie)}/ProductPeriode/Begindatum`,
            detail: DETAIL,
          });
        }
      }
    }
    return findings;
  },
});
