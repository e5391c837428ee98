import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD009 = defineRule({
  id: 'CD009',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: 'Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen toegestaan.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of contactsOf301(msg.Client)) {
      if (item.Periode !== undefined && item.Soort !== '04') {
        findings.push({
          location: `${path}/Periode`,
          detail: 'Periode gevuld terwijl Soort niet 04 is',
        });
      }
    }
    return findings;
  },
});
