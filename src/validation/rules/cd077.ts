import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD077 = defineRule({
  id: 'CD077',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Indien Budget gevuld is, dan leeg laten',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter((k) => k.budget !== undefined && k.omvang !== undefined)
      .map((k) => ({
        location: `${k.path}/Omvang`,
        detail: 'Omvang gevuld terwijl Budget gevuld is',
      }));
  },
});
