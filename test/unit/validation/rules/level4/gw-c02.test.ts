import { describe, expect, it } from 'vitest';

import { GW_C02 } from '../../../../../src/validation/rules/gw-c02.js';
import { TR381 } from '../../../../../src/validation/rules/tr381.js';
import { declaration, from, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

const JANUARY = from('2026-01-01', '2026-01-31');

describe('GW-C02', () => {
  it('refuses a code of a governed category that the catalogue does not list', () => {
    const msg = declaration([priced('11A99', '11', 100, JANUARY)]);
    expect(check(GW_C02, msg)).toEqual([
      {
        ruleId: 'GW-C02',
        retourCode: 'S329',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductCode',
        detail:
          'ProductCode 11A99 staat niet in de productcatalogus van gooi-en-vechtstreek-hulpmiddelen',
      },
    ]);
  });

  it('accepts every product of the catalogue, the driving lesson included', () => {
    const msg = declaration([
      priced('11A01', '11', 69_967, JANUARY),
      priced('13A06', '13', 100, JANUARY),
      priced('12A12', '12', 8_000, JANUARY),
    ]);
    expect(check(GW_C02, msg)).toEqual([]);
  });

  it('leaves a listed code under another category to TR381, so it is reported once', () => {
    const msg = declaration([priced('12A12', '11', 8_000, JANUARY)]);
    expect(check(GW_C02, msg)).toEqual([]);
    expect(check(TR381, msg).map((v) => v.ruleId)).toEqual(['TR381']);
  });

  it('does not judge categories outside the scope of every contract of the gemeente', () => {
    expect(check(GW_C02, declaration([priced('14X01', '14', 100, JANUARY)]))).toEqual([]);
    expect(
      check(GW_C02, declaration([priced('11A99', '11', 100, JANUARY)], { gemeente: '0384' })),
    ).toEqual([]);
  });
});
