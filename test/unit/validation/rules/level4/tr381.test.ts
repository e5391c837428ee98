import { describe, expect, it } from 'vitest';

import type { Wmo307Message } from '../../../../../src/model/index.js';
import { TR378 } from '../../../../../src/validation/rules/tr378.js';
import { TR381 } from '../../../../../src/validation/rules/tr381.js';
import {
  aangevraagdProduct,
  nieuwProduct,
  toegewezenProduct,
  wmo301,
  wmo305,
  wmo315,
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

describe('TR381 and TR378 on starts, stops and requests', () => {
  const product = { Categorie: '02', Code: '07A01' };

  it('finds the product of a StartProduct, a StopProduct and an AangevraagdProduct', () => {
    const start = wmo305({ Datum: '1950-01-01' }, '2026-03-10');
    const started = {
      ...start,
      Client: {
        ...start.Client,
        StartProducten: [
          {
            ...start.Client.StartProducten[0],
            position: 1,
            Product: product,
            Begindatum: '2026-03-03',
            StatusAanlevering: '1',
          },
        ],
      },
    };
    expect(check(TR381, started).map((v) => v.location)).toEqual([
      '/Bericht/Client/StartProducten/StartProduct/Product/Code',
    ]);
    const stop: Wmo307Message = {
      type: 'WMO307',
      header: { ...start.header, BerichtCode: '420' },
      Client: {
        Bsn: '999990019',
        Geboortedatum: { Datum: '1950-01-01' },
        Geslacht: '1',
        Naam: { Geslachtsnaam: { Achternaam: 'Testpersoon' } },
        StopProducten: [
          {
            position: 1,
            Product: product,
            ToewijzingIngangsdatum: '2022-03-01',
            Begindatum: '2026-03-03',
            RedenBeeindiging: '02',
            Einddatum: '2026-03-31',
            StatusAanlevering: '1',
          },
        ],
      },
    };
    expect(check(TR381, stop).map((v) => v.location)).toEqual([
      '/Bericht/Client/StopProducten/StopProduct/Product/Code',
    ]);
    const verzoek = wmo315([aangevraagdProduct({ Product: product })]);
    expect(check(TR381, verzoek).map((v) => v.location)).toEqual([
      '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Product/Code',
    ]);
    // The stop of a Weesp toewijzing that started before the merger names Weesp rightly.
    const weesp = { ...stop, header: { ...stop.header, Ontvanger: '0457' } };
    expect(check(TR378, weesp)).toEqual([]);
    const later = {
      ...weesp,
      Client: {
        ...weesp.Client,
        StopProducten: weesp.Client.StopProducten.map((p) => ({
          ...p,
          ToewijzingIngangsdatum: '2022-03-24',
        })),
      },
    };
    expect(check(TR378, later)).toHaveLength(1);
  });

  it('judges a WMO317 and a WMO319 on their Dagtekening only', () => {
    const verzoek = wmo317([nieuwProduct()], '2022-03-24');
    expect(
      check(TR378, { ...verzoek, header: { ...verzoek.header, Ontvanger: '0457' } }),
    ).toHaveLength(1);
    expect(check(TR378, { ...verzoek, header: { ...verzoek.header, Ontvanger: '0363' } })).toEqual(
      [],
    );
  });
});
