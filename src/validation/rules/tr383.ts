import { defineRule, type Finding } from './define-rule.js';
import { locate } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

export const TR383 = defineRule({
  id: 'TR383',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description: 'ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht',
  source: TR_SOURCE,
  check(msg) {
    const producten = msg.Client.AangevraagdeProducten;
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const { item, path } of locate(
      producten,
      '/Bericht/Client/AangevraagdeProducten',
      'AangevraagdProduct',
    )) {
      if (seen.has(item.ReferentieAanbieder)) {
        findings.push({
          location: `${path}/ReferentieAanbieder`,
          detail: 'ReferentieAanbieder komt eerder in het bericht voor',
        });
      } else {
        seen.add(item.ReferentieAanbieder);
      }
    }
    return findings;
  },
});
