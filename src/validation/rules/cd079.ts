import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD079 = defineRule({
  id: 'CD079',
  appliesTo: ['WMO301', 'WMO315', 'WMO317'],
  level: 2,
  retourCode: '0001',
  description: 'Indien Budget leeg is, dan verplicht vullen',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter(
        (k) =>
          k.klasse !== 'TeWijzigenProduct' && k.budget === undefined && k.product === undefined,
      )
      .map((k) => ({
        location: `${k.path}/Product`,
        detail: 'Product leeg terwijl Budget leeg is',
      }));
  },
});
