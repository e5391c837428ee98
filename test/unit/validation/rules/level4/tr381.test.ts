import { describe, expect, it } from 'vitest';

import { TR381 } from '../../../../../src/validation/rules/tr381.js';
import {
  nieuwProduct,
  toegewezenProduct,
  wmo301,
  wmo317,
} from '../../../../helpers/rules-messages.js';
import { declaration, from, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

const JANUARY = from('2026-01-01', '2026-01-31');

describe('TR381', () => {
  describe('with a contract of the gemeente that lists the code', () => {
    it('accepts the code under the category of the catalogue', () => {
      expect(check(TR381, declaration([priced('12A12', '12', 8_000, JANUARY)]))).toEqual([]);
    });

    it('refuses it under another category', () => {
      expect(check(TR381, declaration([priced('12A12', '11', 8_000, JANUARY)]))).toEqual([
        {
          ruleId: 'TR381',
          retourCode: 'S329',
          level: 4,
          location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductCode',
          detail: 'ProductCode 12A12 hoort volgens het contract bij categorie 12, niet bij 11',
        },
      ]);
    });
  });

  describe('without a contract that lists the code (the national code form)', () => {
    it('accepts a code whose first two digits are the category', () => {
      const msg = wmo301({
        ToegewezenProducten: [toegewezenProduct({ Product: { Categorie: '02', Code: '02A01' } })],
      });
      expect(check(TR381, { ...msg, header: { ...msg.header, Afzender: '0518' } })).toEqual([]);
    });

    it('refuses one of another category, in each message that names products', () => {
      const toewijzing = wmo301({
        ToegewezenProducten: [
          toegewezenProduct({ Product: { Categorie: '02', Code: '02A01' } }),
          toegewezenProduct({ position: 2, Product: { Categorie: '03', Code: '02A01' } }),
        ],
      });
      expect(
        check(TR381, { ...toewijzing, header: { ...toewijzing.header, Afzender: '0518' } }).map(
          (v) => v.location,
        ),
      ).toEqual(['/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Product/Code']);
      const verzoek = wmo317([nieuwProduct({ Product: { Categorie: '02', Code: '07A01' } })]);
      expect(check(TR381, verzoek).map((v) => v.detail)).toEqual([
        'ProductCode 07A01 hoort volgens het contract bij categorie 07, niet bij 02',
      ]);
    });

    it('does not judge a bilateral code of another form, or a product without a code', () => {
      const msg = wmo301({
        ToegewezenProducten: [
          toegewezenProduct({ Product: { Categorie: '02', Code: 'BG1' } }),
          toegewezenProduct({ position: 2, Product: { Categorie: '14' } }),
        ],
      });
      expect(check(TR381, { ...msg, header: { ...msg.header, Afzender: '0518' } })).toEqual([]);
    });
  });

  it('applies a contract only to its own gemeenten', () => {
    // 12A12 under category 11 for Amsterdam: no contract of 0363 lists it, national form → 12 ≠ 11.
    const msg = declaration([priced('12A12', '11', 8_000, JANUARY)], { gemeente: '0363' });
    expect(check(TR381, msg)[0]?.detail).toBe(
      'ProductCode 12A12 hoort bij categorie 12, niet bij 11',
    );
  });
});
