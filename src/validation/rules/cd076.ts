import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD076 = defineRule({
  id: 'CD076',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Verplicht vullen indien Frequentie waarde 2 (per week)',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter((k) => k.omvang?.Frequentie === '2' && k.einddatum === undefined)
      .map((k) => ({
        location: `${k.path}/${k.einddatumNaam}`,
        detail: 'Frequentie is 2 (per week) maar einddatum leeg',
      }));
  },
});
