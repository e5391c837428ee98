import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR002 } from '../../../../src/validation/rules/tr002.js';
import { wmo301, wmo305 } from '../../../helpers/rules-messages.js';

const ids = (geboortedatum: { Datum: string; DatumGebruik?: string }, dagtekening: string) =>
  TR002.check(wmo305(geboortedatum, dagtekening), EMPTY_RULE_CONTEXT);

describe('TR002', () => {
  describe('when the birth date is exactly 120 years before the Dagtekening', () => {
    it('accepts it', () => {
      expect(ids({ Datum: '1906-03-06' }, '2026-03-06')).toEqual([]);
    });
  });

  describe('when the birth date is one day more than 120 years before', () => {
    it('rejects it at Geboortedatum/Datum', () => {
      expect(ids({ Datum: '1906-03-05' }, '2026-03-06')).toEqual([
        expect.objectContaining({
          ruleId: 'TR002',
          retourCode: '0001',
          level: 2,
          location: '/Bericht/Client/Geboortedatum/Datum',
        }),
      ]);
    });
  });

  describe('when the person was born on 29 February', () => {
    it('compares the dates as numbers, as the XSLT does', () => {
      expect(ids({ Datum: '1904-02-29' }, '2024-02-29')).toEqual([]);
      expect(ids({ Datum: '1904-02-29' }, '2024-03-01')).toHaveLength(1);
    });
  });

  describe('when the birth date is unknown', () => {
    it('accepts DatumGebruik 3 with 1900-01-01', () => {
      expect(ids({ Datum: '1900-01-01', DatumGebruik: '3' }, '2026-03-06')).toEqual([]);
    });

    it('still checks 1900-01-01 without DatumGebruik 3', () => {
      expect(ids({ Datum: '1900-01-01' }, '2026-03-06')).toHaveLength(1);
      expect(ids({ Datum: '1900-01-01', DatumGebruik: '2' }, '2026-03-06')).toHaveLength(1);
    });
  });

  describe('when a Relatie in a WMO301 is too old', () => {
    it('points at that Relatie', () => {
      const relatie = {
        position: 2,
        Nummer: 'R2',
        Soort: '10',
        Geboortedatum: { Datum: '1901-01-01' },
        Naam: { Geslachtsnaam: { Achternaam: 'Relatie' }, NaamGebruik: '1' },
        Contact: {
          position: 1,
          Soort: '02',
          Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } },
        },
      };
      const other = {
        ...relatie,
        position: 1,
        Nummer: 'R1',
        Geboortedatum: { Datum: '1970-01-01' },
      };
      const violations = TR002.check(wmo301({ Relaties: [other, relatie] }), EMPTY_RULE_CONTEXT);
      expect(violations.map((v) => v.location)).toEqual([
        '/Bericht/Client/Relaties/Relatie[2]/Geboortedatum/Datum',
      ]);
    });
  });
});
