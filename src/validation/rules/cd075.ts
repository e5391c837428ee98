import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD075 = defineRule({
  id: 'CD075',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Verplicht vullen indien Budget gevuld is',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter((k) => k.budget !== undefined && k.einddatum === undefined)
      .map((k) => ({
        location: `${k.path}/${k.einddatumNaam}`,
        detail: 'Budget gevuld maar einddatum leeg',
      }));
  },
});
