import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD041 = defineRule({
  id: 'CD041',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Indien Code in Product gevuld is, verplicht vullen.',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter((k) => k.product?.Code !== undefined && k.omvang === undefined)
      .map((k) => ({
        location: `${k.path}/Omvang`,
        detail: 'Code in Product gevuld maar Omvang leeg',
      }));
  },
});
