import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

export const CD005 = defineRule({
  id: 'CD005',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: 'Als Postcode gevuld is, dan verplicht vullen, anders leeg laten.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of contactsOf301(msg.Client)) {
      const adres = item.Adres;
      if (
        adres !== undefined &&
        (adres.Postcode === undefined) !== (adres.LandCode === undefined)
      ) {
        findings.push({
          location: `${path}/Adres/LandCode`,
          detail:
            adres.LandCode === undefined
              ? 'Postcode gevuld, LandCode leeg'
              : 'LandCode gevuld, Postcode leeg',
        });
      }
    }
    return findings;
  },
});
