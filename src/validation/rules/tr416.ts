import { defineRule, type Finding } from './define-rule.js';
import { keyOf } from './support/duplicates.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/** As XSLT 2.10.5: debet Prestaties are compared with their siblings under the same Client. */
export const TR416 = defineRule({
  id: 'TR416',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description:
    'Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.',
  source: TR_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const findings: Finding[] = [];
    for (const client of clienten) {
      const debet = new Set<string>();
      for (const prestatie of client.Prestaties) {
        if (prestatie.IngediendBedrag.DebetCredit !== 'D') {
          continue;
        }
        const key = keyOf([
          prestatie.ProductPeriode.Begindatum,
          prestatie.ProductPeriode.Einddatum,
          prestatie.ProductCategorie,
          prestatie.ProductCode,
          prestatie.ToewijzingNummer,
        ]);
        if (debet.has(key)) {
          findings.push({
            location: prestatiePath(DECLARATIE, clienten.length, client, prestatie),
            detail:
              'Tweede debet Prestatie voor dezelfde ProductPeriode, ProductCategorie, ProductCode en ToewijzingNummer',
          });
        } else {
          debet.add(key);
        }
      }
    }
    return findings;
  },
});
