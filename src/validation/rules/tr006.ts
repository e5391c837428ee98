import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { TR_SOURCE } from './support/sources.js';

export const TR006 = defineRule({
  id: 'TR006',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.',
  source: TR_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item: contact, path } of contactsOf301(msg.Client)) {
      const adres = contact.Adres;
      const huisEnPostcode = adres?.Huis !== undefined && adres.Postcode !== undefined;
      if (contact.Telefoon === undefined && !huisEnPostcode) {
        findings.push({
          location: path,
          detail: 'Contact zonder Telefoon en zonder Huis met Postcode',
        });
      }
    }
    return findings;
  },
});
