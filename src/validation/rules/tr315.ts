import { defineRule, type Finding } from './define-rule.js';
import { DECLARATIE, prestatiePath } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

/** Compared over the whole message, across clients, in document order (XSLT). */
export const TR315 = defineRule({
  id: 'TR315',
  appliesTo: ['WMO323'],
  level: 2,
  retourCode: '0001',
  description: 'VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.',
  source: TR_SOURCE,
  check(msg) {
    const clienten = msg.Declaratie.Clienten;
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const client of clienten) {
      for (const prestatie of client.Prestaties) {
        const vorig = prestatie.ProductReferentie.VorigReferentieNummer;
        if (vorig === undefined) {
          continue;
        }
        if (seen.has(vorig)) {
          findings.push({
            location: `${prestatiePath(DECLARATIE, clienten.length, client, prestatie)}/ProductReferentie/VorigReferentieNummer`,
            detail: 'VorigReferentieNummer komt eerder in het bericht voor',
          });
        } else {
          seen.add(vorig);
        }
      }
    }
    return findings;
  },
});
