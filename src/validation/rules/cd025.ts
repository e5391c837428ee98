import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD025 = defineRule({
  id: 'CD025',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: 'Als Adres / LandCode de waarde NL (Nederland) heeft, dan verplicht vullen.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of contactsOf301(msg.Client)) {
      if (item.Adres?.LandCode === 'NL' && item.Adres.Huis === undefined) {
        findings.push({
          location: `${path}/Adres/Huis`,
          detail: 'LandCode is NL maar Huis is leeg',
        });
      }
    }
    return findings;
  },
});
