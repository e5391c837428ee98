import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/*
 * A VorigReferentieNummer equal to a ReferentieNummer in the same message (in either order, or
 * on the same Prestatie) means a debet line is credited in the message that declares it. Each
 * such pair is reported on its later Prestatie, as the XSLT does.
 */
export const TR316 = defineRule({
  id: 'TR316',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.',
  source: TR_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const referentieNummers = new Set<string>();
    const vorigeNummers = new Set<string>();
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        const { ReferentieNummer: nummer, VorigReferentieNummer: vorig } =
          prestatie.ProductReferentie;
        const gecrediteerd =
          (vorig !== undefined && (vorig === nummer || referentieNummers.has(vorig))) ||
          vorigeNummers.has(nummer);
        if (gecrediteerd) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductReferentie`,
            detail: 'Prestatie wordt in hetzelfde bericht gecrediteerd',
          });
        }
        referentieNummers.add(nummer);
        if (vorig !== undefined) {
          vorigeNummers.add(vorig);
        }
      }
    }
    return findings;
  },
});
