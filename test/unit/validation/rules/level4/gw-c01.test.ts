import { describe, expect, it } from 'vitest';

import { GW_C01 } from '../../../../../src/validation/rules/gw-c01.js';
import {
  gooiRaw,
  type Raw,
  setOf,
  supplierRaw,
  voorbeeldRaw,
} from '../../../contract/contract-fixtures.js';
import { declaration, from, line, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

/** A maintenance line (Eenheid 83) of a wheelchair over the period, by `supplier`. */
function maintenance(begin: string, end: string, supplier = '12345678', raw: Raw = gooiRaw()) {
  const msg = declaration(
    [
      line({
        ProductPeriode: from(begin, end),
        Eenheid: '83',
        GeleverdVolume: 413,
        IngediendBedrag: { Bedrag: 413, DebetCredit: 'D' },
      }),
    ],
    { supplier },
  );
  return check(GW_C01, msg, { contracts: setOf(raw, voorbeeldRaw()) });
}

/** The sample contract with supplier 34567890 leaving on 2026-06-15 and 45678901 taking over. */
function withHandover(): Raw {
  const raw = gooiRaw();
  const leaving = supplierRaw(raw, '34567890');
  leaving.periods = [{ start: '2022-04-01', end: '2026-06-15' }];
  raw.suppliers.push({
    ...leaving,
    agbCode: '45678901',
    name: 'Wachtkamer Hulpmiddelen B.V. (fictief)',
    periods: [{ start: '2026-06-16', end: '2030-03-31' }],
  });
  return raw;
}

describe('GW-C01', () => {
  describe('when a supplier leaves the contract mid-month (on the 15th)', () => {
    it('accepts its lines up to and including the 15th', () => {
      expect(maintenance('2026-06-01', '2026-06-15', '34567890', withHandover())).toEqual([]);
    });

    it('refuses a period running past the 15th and names the uncovered days', () => {
      expect(maintenance('2026-06-01', '2026-06-16', '34567890', withHandover())).toEqual([
        {
          ruleId: 'GW-C01',
          retourCode: '0611',
          level: 4,
          location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode',
          detail:
            'aanbieder 34567890 heeft geen contract met gemeente 0402 voor 11A01 van 2026-06-16 tot en met 2026-06-16',
        },
      ]);
      expect(
        maintenance('2026-06-16', '2026-06-30', '34567890', withHandover())[0]?.detail,
      ).toContain('van 2026-06-16 tot en met 2026-06-30');
    });

    it('lets the successor declare from the 16th, not before', () => {
      expect(maintenance('2026-06-16', '2026-06-30', '45678901', withHandover())).toEqual([]);
      expect(
        maintenance('2026-06-01', '2026-06-30', '45678901', withHandover())[0]?.detail,
      ).toContain('van 2026-06-01 tot en met 2026-06-15');
    });
  });

  describe('at a change of contract phase', () => {
    it('runs on from the initial period into an exercised option (31 March / 1 April 2026)', () => {
      expect(maintenance('2026-03-25', '2026-04-05')).toEqual([]);
    });

    it('ends with the last exercised phase: option 2 (from 2028-04-01) was not exercised', () => {
      expect(maintenance('2028-03-01', '2028-03-31')).toEqual([]);
      expect(maintenance('2028-03-31', '2028-04-01')[0]?.detail).toContain(
        'van 2028-04-01 tot en met 2028-04-01',
      );
    });

    it('ends after the initial period when option 1 is not exercised', () => {
      const raw = gooiRaw();
      const option = raw.phases[1];
      if (option !== undefined) {
        option['exercised'] = false;
      }
      expect(maintenance('2026-03-01', '2026-03-31', '12345678', raw)).toEqual([]);
      expect(maintenance('2026-03-25', '2026-04-05', '12345678', raw)[0]?.detail).toContain(
        'van 2026-04-01 tot en met 2026-04-05',
      );
    });

    it('refuses a period before the contract starts (2022-04-01)', () => {
      expect(maintenance('2022-03-31', '2022-03-31')).toHaveLength(1);
      expect(maintenance('2022-04-01', '2022-04-30')).toEqual([]);
    });
  });

  describe('in a leap year', () => {
    it('covers 29 February when the supplier stays until then, and not 1 March', () => {
      const raw = gooiRaw();
      supplierRaw(raw, '23456789').periods = [{ start: '2022-04-01', end: '2028-02-29' }];
      expect(maintenance('2028-02-01', '2028-02-29', '23456789', raw)).toEqual([]);
      expect(maintenance('2028-02-29', '2028-03-01', '23456789', raw)[0]?.detail).toContain(
        'van 2028-03-01 tot en met 2028-03-01',
      );
    });
  });

  describe('when a gemeente joins by addendum', () => {
    it('covers it from its first day only', () => {
      const raw = gooiRaw();
      raw.municipalities.push({
        cbsCode: '0363',
        name: 'Amsterdam (fictief)',
        period: { start: '2026-05-16' },
      });
      const msg = (begin: string, end: string) =>
        check(
          GW_C01,
          declaration([priced('11A01', '11', 69_967, from(begin, end))], { gemeente: '0363' }),
          { contracts: setOf(raw) },
        );
      expect(msg('2026-05-16', '2026-05-31')).toEqual([]);
      expect(msg('2026-05-15', '2026-05-31')).toHaveLength(1);
    });
  });

  it('refuses a supplier that is not a party at all', () => {
    expect(maintenance('2026-01-01', '2026-01-31', '99999999')[0]?.detail).toContain(
      'aanbieder 99999999 heeft geen contract met gemeente 0402',
    );
  });

  it('does not judge a category no contract of the gemeente governs, a code outside the catalogue or a credit', () => {
    const msg = declaration(
      [
        priced('01A01', '01', 3_200, from('2026-01-01', '2026-01-31')),
        priced('11A99', '11', 100, from('2026-01-01', '2026-01-31')),
        priced('11A01', '11', 69_967, from('2031-01-01', '2031-01-31'), {
          IngediendBedrag: { Bedrag: 69_967, DebetCredit: 'C' },
        }),
      ],
      { supplier: '99999999' },
    );
    expect(check(GW_C01, msg)).toEqual([]);
  });
});
