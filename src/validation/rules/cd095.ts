import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { eindigtNa2020OfOpen, toewijzingKlassen } from './support/toewijzing-klassen.js';

export const CD095 = defineRule({
  id: 'CD095',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Indien Code in AangevraagdProduct leeg is en ToewijzingEinddatum van het AangevraagdProduct groter dan 31-12-2020 of leeg is, dan leeg laten',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter(
        (k) =>
          k.klasse === 'AangevraagdProduct' &&
          k.omvang !== undefined &&
          k.product?.Code === undefined &&
          eindigtNa2020OfOpen(k.einddatum),
      )
      .map((k) => ({
        location: `${k.path}/Omvang`,
        detail: 'Omvang gevuld terwijl Code leeg is en ToewijzingEinddatum na 31-12-2020 of leeg',
      }));
  },
});
