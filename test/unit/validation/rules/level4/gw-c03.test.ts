import { describe, expect, it } from 'vitest';

import { GW_C03 } from '../../../../../src/validation/rules/gw-c03.js';
import { declaration, from, line, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

const JANUARY = from('2026-01-01', '2026-01-31');

function inEuros(code: string, categorie: string) {
  return line({
    ProductCode: code,
    ProductCategorie: categorie,
    ProductPeriode: JANUARY,
    Eenheid: '83',
    GeleverdVolume: 500,
    IngediendBedrag: { Bedrag: 500, DebetCredit: 'D' },
  });
}

describe('GW-C03', () => {
  describe('the driving lesson', () => {
    it('is declared per lesson (Eenheid 82)', () => {
      expect(check(GW_C03, declaration([priced('12A12', '12', 8_000, JANUARY)]))).toEqual([]);
    });

    it('is refused in hours', () => {
      const msg = declaration([priced('12A12', '12', 8_000, JANUARY, { Eenheid: '04' })]);
      expect(check(GW_C03, msg)).toEqual([
        {
          ruleId: 'GW-C03',
          retourCode: '0611',
          level: 4,
          location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/Eenheid',
          detail: '12A12 wordt volgens het contract gedeclareerd in Eenheid 82, niet 04',
        },
      ]);
    });
  });

  describe('maintenance (Eenheid 83)', () => {
    it('is accepted for a wheelchair', () => {
      expect(check(GW_C03, declaration([inEuros('11A01', '11')]))).toEqual([]);
    });

    it('is refused for the orthosis (11A04): no separate maintenance', () => {
      expect(check(GW_C03, declaration([inEuros('11A04', '11')]))[0]?.detail).toBe(
        '11A04 wordt volgens het contract gedeclareerd in Eenheid 82, niet 83',
      );
    });
  });

  describe('an hourly tariff (sample care contract, 01A01)', () => {
    const care = (eenheid: string) =>
      check(
        GW_C03,
        declaration(
          [priced('01A01', '01', 3_200, from('2026-03-01', '2026-03-31'), { Eenheid: eenheid })],
          {
            gemeente: '0363',
          },
        ),
      );

    it('may be declared in hours or, by IV081, in minutes', () => {
      expect(care('04')).toEqual([]);
      expect(care('01')).toEqual([]);
    });

    it('is refused in dagdelen', () => {
      expect(care('16')[0]?.detail).toBe(
        '01A01 wordt volgens het contract gedeclareerd in Eenheid 04 of 01, niet 16',
      );
    });
  });

  it('wants a euro amount for a euro-amount product, and judges no credit', () => {
    const euro = declaration([priced('14X01', '14', 100, from('2026-03-01', '2026-03-31'))], {
      gemeente: '0363',
    });
    expect(check(GW_C03, euro)[0]?.detail).toBe(
      '14X01 wordt volgens het contract gedeclareerd in Eenheid 83, niet 82',
    );
    const credit = declaration([
      priced('12A12', '12', 8_000, JANUARY, {
        Eenheid: '04',
        IngediendBedrag: { Bedrag: 8_000, DebetCredit: 'C' },
      }),
    ]);
    expect(check(GW_C03, credit)).toEqual([]);
  });
});
