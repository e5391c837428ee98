import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR302 } from '../../../../src/validation/rules/tr302.js';
import { TR386 } from '../../../../src/validation/rules/tr386.js';
import { TR410 } from '../../../../src/validation/rules/tr410.js';
import {
  aangevraagdProduct,
  nieuwProduct,
  positioned,
  toegewezenProduct,
  without,
  wmo301,
  wmo315,
  wmo317,
} from '../../../helpers/rules-messages.js';

const check301 = (
  producten: Parameters<typeof positioned<ReturnType<typeof toegewezenProduct>>>[0],
) =>
  TR302.check(wmo301({ ToegewezenProducten: positioned(producten) }), EMPTY_RULE_CONTEXT).map(
    (v) => v.location,
  );

describe('TR302', () => {
  describe('when the same product has overlapping periods', () => {
    it('reports the later ToegewezenProduct', () => {
      expect(
        check301([
          toegewezenProduct(),
          without(
            toegewezenProduct({ ToewijzingNummer: '5002', Ingangsdatum: '2026-12-31' }),
            'Einddatum',
          ),
        ]),
      ).toEqual(['/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]']);
    });
  });

  describe('when periods follow each other', () => {
    it('accepts them', () => {
      expect(
        check301([
          toegewezenProduct({ Einddatum: '2026-06-30' }),
          toegewezenProduct({ ToewijzingNummer: '5002', Ingangsdatum: '2026-07-01' }),
        ]),
      ).toEqual([]);
    });
  });

  describe('when one of the toewijzingen is deleted', () => {
    it('leaves the deleted one out (reden 13 or 01 with Einddatum = Ingangsdatum)', () => {
      for (const reden of ['13', '01']) {
        expect(
          check301([
            toegewezenProduct({ Einddatum: '2026-03-01', RedenWijziging: reden }),
            toegewezenProduct({ ToewijzingNummer: '5002' }),
          ]),
        ).toEqual([]);
      }
    });

    it('still counts reden 13 when Einddatum differs from Ingangsdatum', () => {
      expect(
        check301([
          toegewezenProduct({ RedenWijziging: '13' }),
          toegewezenProduct({ ToewijzingNummer: '5002' }),
        ]),
      ).toHaveLength(1);
    });
  });

  describe('when the products are hulpmiddelen', () => {
    it('accepts overlap for categories 11–14, also against a product without categorie', () => {
      const hulpmiddel = without(
        toegewezenProduct({ Product: { Categorie: '12' }, Budget: 1000 }),
        'Omvang',
      );
      expect(check301([hulpmiddel, { ...hulpmiddel, ToewijzingNummer: '5002' }])).toEqual([]);
    });
  });
});

describe('TR386', () => {
  it('uses ToewijzingIngangsdatum/ToewijzingEinddatum and exempts hulpmiddelen', () => {
    const a = aangevraagdProduct();
    const b = aangevraagdProduct({
      ReferentieAanbieder: 'VOT-0002',
      ToewijzingIngangsdatum: '2026-12-31',
    });
    expect(TR386.check(wmo315([a, b]), EMPTY_RULE_CONTEXT)).toHaveLength(1);
    const c = aangevraagdProduct({
      ReferentieAanbieder: 'VOT-0002',
      ToewijzingIngangsdatum: '2027-01-01',
    });
    expect(TR386.check(wmo315([a, c]), EMPTY_RULE_CONTEXT)).toEqual([]);
    const h = aangevraagdProduct({ Product: { Categorie: '13', Code: '13X01' } });
    expect(
      TR386.check(wmo315([h, { ...h, ReferentieAanbieder: 'VOT-0002' }]), EMPTY_RULE_CONTEXT),
    ).toEqual([]);
  });
});

describe('TR410', () => {
  it('uses GewensteIngangsdatum/Einddatum of NieuwProduct', () => {
    const a = nieuwProduct({ Einddatum: '2026-05-31' });
    expect(
      TR410.check(
        wmo317([a, nieuwProduct({ GewensteIngangsdatum: '2026-05-31' })]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toHaveLength(1);
    expect(
      TR410.check(
        wmo317([a, nieuwProduct({ GewensteIngangsdatum: '2026-06-01' })]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toEqual([]);
  });
});
