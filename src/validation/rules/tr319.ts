import { defineRule, type Finding } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { DECLARATIE, prestatiePath } from './support/located.js';

/**
 * The regelrapport gives TR319 controleniveau 3 (retourcode 9319), but the whole rule can be
 * judged from the message and XSLT 2.10.5 checks it in-message: neither ProductPeriode date may be
 * after the Einddatum of the DeclaratiePeriode. A failed XSLT check means retourcode 0001, so the
 * gateway reports it at level 2 (conflict noted in docs/rules.md).
 */
export const TR319 = defineRule({
  id: 'TR319',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description:
    'Een declaratiebericht bevat alleen prestaties waarvan de ProductPeriode valt binnen de huidige, of een voorgaande declaratieperiode.',
  source: 'XSLT 2.10.5 (in-message check); regelrapport iWmo 3.2 (TR, listed at level 3)',
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const einde = msg.Declaratie.DeclaratiePeriode.Einddatum;
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        const periode = prestatie.ProductPeriode;
        if (
          compareDates(periode.Begindatum, einde) > 0 ||
          compareDates(periode.Einddatum, einde) > 0
        ) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductPeriode`,
            detail: 'ProductPeriode ligt na de DeclaratiePeriode',
          });
        }
      }
    }
    return findings;
  },
});
