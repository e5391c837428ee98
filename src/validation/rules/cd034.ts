import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD034 = defineRule({
  id: 'CD034',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'Als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan verplicht vullen.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of contactsOf301(msg.Client)) {
      if ((item.Soort === '01' || item.Soort === '03') && item.Adres?.Postcode === undefined) {
        findings.push({
          location: `${path}/Adres/Postcode`,
          detail: 'Soort is 01 of 03 maar Postcode is leeg',
        });
      }
    }
    return findings;
  },
});
