import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD078 = defineRule({
  id: 'CD078',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Indien Omvang gevuld is, dan leeg laten',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter((k) => k.omvang !== undefined && k.budget !== undefined)
      .map((k) => ({
        location: `${k.path}/Budget`,
        detail: 'Budget gevuld terwijl Omvang gevuld is',
      }));
  },
});
