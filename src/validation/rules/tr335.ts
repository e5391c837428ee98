import { defineRule, type Finding } from './define-rule.js';
import { addMonths, dateNumber } from './support/dates.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/**
 * XSLT: Einddatum must not be before DeclaratieDagtekening minus 60 months (29 February clamps
 * to 28 February); exactly five years before is allowed.
 */
export const TR335 = defineRule({
  id: 'TR335',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.',
  source: TR_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const grens = dateNumber(addMonths(msg.Declaratie.DeclaratieDagtekening, -60, 'truncate'));
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        if (dateNumber(prestatie.ProductPeriode.Einddatum) < grens) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductPeriode/Einddatum`,
            detail: 'Einddatum ligt meer dan 5 jaar voor de DeclaratieDagtekening',
          });
        }
      }
    }
    return findings;
  },
});
