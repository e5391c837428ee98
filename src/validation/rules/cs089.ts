import { defineRule, type Finding } from './define-rule.js';
import { contactsOf301 } from './support/located.js';
import { CD_CS_SOURCE } from './support/sources.js';

/**
 * The XSLT mask `1000ZZ`: a digit 1–9, three digits, two letters (either case), no space. As in
 * the XSLT, LandCode NL without a Postcode fails too.
 */
const NEDERLANDSE_POSTCODE = /^[1-9][0-9]{3}[A-Za-z]{2}$/;

export const CS089 = defineRule({
  id: 'CS089',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'Als LandCode de waarde NL (Nederland) heeft, dan moet het formaat overeenkomen met dat van een Nederlandse postcode.',
  source: CD_CS_SOURCE,
  check(msg) {
    const findings: Finding[] = [];
    for (const { item, path } of contactsOf301(msg.Client)) {
      const adres = item.Adres;
      if (adres?.LandCode === 'NL' && !NEDERLANDSE_POSTCODE.test(adres.Postcode ?? '')) {
        findings.push({
          location: `${path}/Adres/Postcode`,
          detail: 'Postcode heeft geen Nederlands formaat (1234AB)',
        });
      }
    }
    return findings;
  },
});
