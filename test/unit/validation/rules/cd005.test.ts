import { describe, expect, it } from 'vitest';

import type { Adres } from '../../../../src/model/index.js';
import { CD005 } from '../../../../src/validation/rules/cd005.js';
import { CD007 } from '../../../../src/validation/rules/cd007.js';
import { CD043 } from '../../../../src/validation/rules/cd043.js';
import { CS050 } from '../../../../src/validation/rules/cs050.js';
import { CS089 } from '../../../../src/validation/rules/cs089.js';
import { CS335 } from '../../../../src/validation/rules/cs335.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR006 } from '../../../../src/validation/rules/tr006.js';
import { TR061 } from '../../../../src/validation/rules/tr061.js';
import {
  aangevraagdProduct,
  contact301,
  toegewezenProduct,
  without,
  wmo301,
  wmo315,
} from '../../../helpers/rules-messages.js';

const details = (violations: readonly { detail?: string }[]) => violations.map((v) => v.detail);

describe('CD005', () => {
  it('requires LandCode and Postcode together, both ways', () => {
    const zonderPostcode = wmo301({
      Contactgegevens: [contact301({ Adres: { Huis: { Huisnummer: 1 }, LandCode: 'BE' } })],
    });
    expect(details(CD005.check(zonderPostcode, EMPTY_RULE_CONTEXT))).toEqual([
      'LandCode gevuld, Postcode leeg',
    ]);
    const zonderAdres = wmo301({
      Contactgegevens: [
        without(
          contact301({
            Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } },
          }),
          'Adres',
        ),
      ],
    });
    expect(CD005.check(zonderAdres, EMPTY_RULE_CONTEXT)).toEqual([]);
  });
});

describe('CD007', () => {
  it('accepts a client without Communicatie and Vorm 1 with Taal', () => {
    expect(CD007.check(wmo301(), EMPTY_RULE_CONTEXT)).toEqual([]);
    expect(
      CD007.check(wmo301({ Communicatie: { Vorm: '1', Taal: 'Pools' } }), EMPTY_RULE_CONTEXT),
    ).toEqual([]);
    expect(CD007.check(wmo301({ Communicatie: { Vorm: '3' } }), EMPTY_RULE_CONTEXT)).toEqual([]);
  });
});

describe('CD043', () => {
  it('requires BeschikkingNummer and BeschikkingIngangsdatum together, both ways', () => {
    expect(
      CD043.check(
        wmo315([aangevraagdProduct({ BeschikkingIngangsdatum: '2026-01-01' })]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toHaveLength(1);
    expect(
      CD043.check(
        wmo315([
          aangevraagdProduct({ BeschikkingNummer: '1', BeschikkingIngangsdatum: '2026-01-01' }),
        ]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toEqual([]);
  });
});

describe('CS050', () => {
  it.each(['1', '2', '3', '4'])('allows NaamGebruik %s with a Partnernaam', (naamGebruik) => {
    const msg = wmo301({
      Naam: {
        Geslachtsnaam: { Achternaam: 'Test' },
        Partnernaam: { Achternaam: 'Partner' },
        NaamGebruik: naamGebruik,
      },
    });
    expect(CS050.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
  });

  it.each(['5', '6'])('rejects NaamGebruik %s with a Partnernaam', (naamGebruik) => {
    const msg = wmo301({
      Naam: {
        Geslachtsnaam: { Achternaam: 'Test' },
        Partnernaam: { Achternaam: 'Partner' },
        NaamGebruik: naamGebruik,
      },
    });
    expect(CS050.check(msg, EMPTY_RULE_CONTEXT)).toHaveLength(1);
  });
});

describe('CS089', () => {
  const check = (adres: Adres) =>
    CS089.check(wmo301({ Contactgegevens: [contact301({ Adres: adres })] }), EMPTY_RULE_CONTEXT)
      .length;

  it('accepts 1234AB and 1234ab and ignores foreign addresses', () => {
    expect(check({ Huis: { Huisnummer: 1 }, Postcode: '1234ab', LandCode: 'NL' })).toBe(0);
    expect(check({ Huis: { Huisnummer: 1 }, Postcode: '0123', LandCode: 'BE' })).toBe(0);
  });

  it('rejects a leading zero, a missing letter and a missing Postcode for NL', () => {
    expect(check({ Huis: { Huisnummer: 1 }, Postcode: '0123AB', LandCode: 'NL' })).toBe(1);
    expect(check({ Huis: { Huisnummer: 1 }, Postcode: '1234A', LandCode: 'NL' })).toBe(1);
    expect(check({ Huis: { Huisnummer: 1 }, LandCode: 'NL' })).toBe(1);
  });
});

describe('CS335', () => {
  it('checks RedenWijziging 13 only when Einddatum is present, as the XSLT does', () => {
    const open = without(toegewezenProduct({ RedenWijziging: '13' }), 'Einddatum');
    expect(CS335.check(wmo301({ ToegewezenProducten: [open] }), EMPTY_RULE_CONTEXT)).toEqual([]);
    const verwijderd = toegewezenProduct({ RedenWijziging: '13', Einddatum: '2026-03-01' });
    expect(CS335.check(wmo301({ ToegewezenProducten: [verwijderd] }), EMPTY_RULE_CONTEXT)).toEqual(
      [],
    );
  });
});

describe('TR006', () => {
  it('accepts a Contact with only Telefoon, or with Huis and Postcode', () => {
    const telefoon = without(
      contact301({
        Telefoon: { Telefoon01: { Telefoonnummer: '0201234567', Landnummer: '0031' } },
      }),
      'Adres',
    );
    expect(TR006.check(wmo301({ Contactgegevens: [telefoon] }), EMPTY_RULE_CONTEXT)).toEqual([]);
    expect(TR006.check(wmo301(), EMPTY_RULE_CONTEXT)).toEqual([]);
    const zonderPostcode = contact301({ Adres: { Huis: { Huisnummer: 1 } } });
    expect(
      TR006.check(wmo301({ Contactgegevens: [zonderPostcode] }), EMPTY_RULE_CONTEXT),
    ).toHaveLength(1);
  });
});

describe('TR061', () => {
  it.each(['01', '02', '03'])('accepts a Contact with Soort %s', (soort) => {
    expect(
      TR061.check(wmo301({ Contactgegevens: [contact301({ Soort: soort })] }), EMPTY_RULE_CONTEXT),
    ).toEqual([]);
  });
});
