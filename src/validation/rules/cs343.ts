import { defineRule } from './define-rule.js';
import { CD_CS_SOURCE } from './support/sources.js';
import { eindigtNa2020OfOpen, toewijzingKlassen } from './support/toewijzing-klassen.js';

/** Eenheid 14 etmaal, 16 dagdeel, 83 euro's, 84 stuks (inspanning). */
const EENHEDEN = new Set(['14', '16', '83', '84']);
const FREQUENTIES = new Set(['2', '4', '6']);

export const CS343 = defineRule({
  id: 'CS343',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Indien eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum is groter dan 31-12-2020 of leeg, dan Frequentie vullen met waarde 2, 4 of 6',
  source: CD_CS_SOURCE,
  check(msg) {
    return toewijzingKlassen(msg)
      .filter(
        (k) =>
          k.omvang !== undefined &&
          EENHEDEN.has(k.omvang.Eenheid) &&
          !FREQUENTIES.has(k.omvang.Frequentie) &&
          eindigtNa2020OfOpen(k.einddatum),
      )
      .map((k) => ({
        location: `${k.path}/Omvang/Frequentie`,
        detail: 'Frequentie moet 2, 4 of 6 zijn bij deze Eenheid',
      }));
  },
});
