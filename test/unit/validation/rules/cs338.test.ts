import { describe, expect, it } from 'vitest';

import { CD080 } from '../../../../src/validation/rules/cd080.js';
import { CS338 } from '../../../../src/validation/rules/cs338.js';
import { CS343 } from '../../../../src/validation/rules/cs343.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import {
  aangevraagdProduct,
  toegewezenProduct,
  without,
  wmo301,
  wmo315,
} from '../../../helpers/rules-messages.js';

const omvang = (Eenheid: string, Frequentie: string) => ({ Volume: 2, Eenheid, Frequentie });

describe('CS338', () => {
  const check = (
    product:
      | ReturnType<typeof toegewezenProduct>
      | Omit<ReturnType<typeof toegewezenProduct>, 'Einddatum'>,
  ) => CS338.check(wmo301({ ToegewezenProducten: [product] }), EMPTY_RULE_CONTEXT).length;

  it.each(['14', '16', '83', '84'])('requires Frequentie 2, 4 or 6 for Eenheid %s', (eenheid) => {
    expect(check(toegewezenProduct({ Omvang: omvang(eenheid, '1') }))).toBe(1);
    for (const frequentie of ['2', '4', '6']) {
      expect(check(toegewezenProduct({ Omvang: omvang(eenheid, frequentie) }))).toBe(0);
    }
  });

  it('leaves hours and pieces (output) alone', () => {
    expect(check(toegewezenProduct({ Omvang: omvang('04', '1') }))).toBe(0);
    expect(check(toegewezenProduct({ Omvang: omvang('82', '1') }))).toBe(0);
  });

  describe('when the toewijzing ended on or before 31-12-2020', () => {
    it('does not apply; an open end or a later end does', () => {
      expect(
        check(
          toegewezenProduct({
            Ingangsdatum: '2020-01-01',
            Einddatum: '2020-12-31',
            Omvang: omvang('14', '1'),
          }),
        ),
      ).toBe(0);
      expect(
        check(
          toegewezenProduct({
            Ingangsdatum: '2020-01-01',
            Einddatum: '2021-01-01',
            Omvang: omvang('14', '1'),
          }),
        ),
      ).toBe(1);
      expect(check(without(toegewezenProduct({ Omvang: omvang('14', '1') }), 'Einddatum'))).toBe(1);
    });
  });
});

describe('CS343', () => {
  it('applies the same limit to AangevraagdProduct with ToewijzingEinddatum', () => {
    expect(
      CS343.check(wmo315([aangevraagdProduct({ Omvang: omvang('84', '1') })]), EMPTY_RULE_CONTEXT),
    ).toHaveLength(1);
    expect(
      CS343.check(
        wmo315([
          aangevraagdProduct({
            ToewijzingIngangsdatum: '2020-06-01',
            ToewijzingEinddatum: '2020-12-31',
            Omvang: omvang('84', '1'),
          }),
        ]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toEqual([]);
  });
});

describe('CD080', () => {
  it('allows Omvang without Code for a toewijzing that ended on or before 31-12-2020', () => {
    const oud = toegewezenProduct({
      Product: { Categorie: '02' },
      Ingangsdatum: '2020-01-01',
      Einddatum: '2020-12-31',
    });
    expect(CD080.check(wmo301({ ToegewezenProducten: [oud] }), EMPTY_RULE_CONTEXT)).toEqual([]);
    const nieuw = toegewezenProduct({
      Product: { Categorie: '02' },
      Ingangsdatum: '2020-01-01',
      Einddatum: '2021-01-01',
    });
    expect(CD080.check(wmo301({ ToegewezenProducten: [nieuw] }), EMPTY_RULE_CONTEXT)).toHaveLength(
      1,
    );
  });
});
