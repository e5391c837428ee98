import { defineRule, type Finding } from './define-rule.js';

/**
 * Listed in the regelrapport but not among the XSLT 2.10.5 checks (documentation-only in the
 * standard); the gateway implements it. Any NaamGebruik 6 also fails CS050 as the XSLT checks it.
 */
export const CS318 = defineRule({
  id: 'CS318',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description: 'NaamGebruik 6 (Niet-natuurlijk persoon) niet vullen.',
  source: 'regelrapport iWmo 3.2 (CD/CS per dataelement); not among the XSLT 2.10.5 checks',
  check(msg) {
    if (msg.Client.Naam.NaamGebruik !== '6') {
      return [];
    }
    const finding: Finding = {
      location: '/Bericht/Client/Naam/NaamGebruik',
      detail: 'NaamGebruik 6 (niet-natuurlijk persoon) bij de Client',
    };
    return [finding];
  },
});
