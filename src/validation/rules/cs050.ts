import { defineRule, type Finding } from './define-rule.js';
import { personenOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/**
 * The regelrapport allows "1 of 6" without Partnernaam, the XSLT 2.10.5 check and its text allow
 * only 1 (fact sheet §5.1, conflict). The gateway emulates the XSLT.
 */
const MET_PARTNERNAAM = new Set(['1', '2', '3', '4']);
const ZONDER_PARTNERNAAM = new Set(['1']);

export const CS050 = defineRule({
  id: 'CS050',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 of 6 vullen.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of personenOf301(msg.Client)) {
      const naam = item.Naam;
      const toegestaan = naam.Partnernaam === undefined ? ZONDER_PARTNERNAAM : MET_PARTNERNAAM;
      if (!toegestaan.has(naam.NaamGebruik)) {
        findings.push({
          location: `${path}/Naam/NaamGebruik`,
          detail:
            naam.Partnernaam === undefined
              ? 'Zonder Partnernaam moet NaamGebruik 1 zijn'
              : 'Met Partnernaam moet NaamGebruik 1, 2, 3 of 4 zijn',
        });
      }
    }
    return findings;
  },
});
