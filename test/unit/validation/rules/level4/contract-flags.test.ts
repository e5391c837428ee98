import { describe, expect, it } from 'vitest';

import { contractFlags } from '../../../../../src/validation/contract-flags.js';
import { wmo301 } from '../../../../helpers/rules-messages.js';
import { declaration, from, line, on, priced } from './declarations.js';
import { SAMPLE_CONTRACTS } from './level4-fixtures.js';

function maintenanceIn(begin: string, end: string) {
  return line({
    ProductPeriode: from(begin, end),
    Eenheid: '83',
    GeleverdVolume: 413,
    IngediendBedrag: { Bedrag: 413, DebetCredit: 'D' },
  });
}

describe('contractFlags', () => {
  it('flags a delivery of category 7, 13 or 16 as priced by quote, without rejecting it', () => {
    const msg = declaration([priced('11A13', '11', 184_000, on('2026-01-20'))], {
      declaratieDagtekening: '2026-02-05',
    });
    expect(contractFlags(msg, SAMPLE_CONTRACTS)).toEqual([
      {
        kind: 'price-by-quote',
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie',
        contract: expect.objectContaining({
          id: 'gooi-en-vechtstreek-hulpmiddelen',
          version: '2026.1',
        }),
        iwmoCode: '11A13',
        discountPercent: 20,
      },
    ]);
  });

  describe('the invoice deadline of a delivery (30 days after delivery)', () => {
    const flagsOn = (declared: string) =>
      contractFlags(
        declaration([priced('11A01', '11', 69_967, on('2026-01-12'))], {
          declaratieDagtekening: declared,
        }),
        SAMPLE_CONTRACTS,
      );

    it('is met on day 30 and missed on day 31', () => {
      expect(flagsOn('2026-02-11')).toEqual([]);
      expect(flagsOn('2026-02-12')).toEqual([
        expect.objectContaining({
          kind: 'late-invoice',
          deadline: '2026-02-11',
          iwmoCode: '11A01',
        }),
      ]);
    });
  });

  describe('the invoice deadline of maintenance (30 days after the month ends)', () => {
    const flagsOn = (begin: string, end: string, declared: string) =>
      contractFlags(
        declaration([maintenanceIn(begin, end)], { declaratieDagtekening: declared }),
        SAMPLE_CONTRACTS,
      );

    it('counts from the last day of the month, also for part of a month', () => {
      expect(flagsOn('2026-01-01', '2026-01-31', '2026-03-02')).toEqual([]);
      expect(flagsOn('2026-01-01', '2026-01-15', '2026-03-03')[0]).toMatchObject({
        deadline: '2026-03-02',
      });
    });

    it('knows 29 February in a leap year and the turn of the year', () => {
      expect(flagsOn('2028-02-01', '2028-02-29', '2028-03-30')).toEqual([]);
      expect(flagsOn('2028-02-01', '2028-02-29', '2028-03-31')[0]).toMatchObject({
        deadline: '2028-03-30',
      });
      expect(flagsOn('2026-12-01', '2026-12-31', '2027-01-30')).toEqual([]);
      expect(flagsOn('2026-12-01', '2026-12-31', '2027-01-31')[0]).toMatchObject({
        deadline: '2027-01-30',
      });
    });
  });

  it('has nothing to say about other messages or lines without a contract', () => {
    expect(contractFlags(wmo301(), SAMPLE_CONTRACTS)).toEqual([]);
    const elsewhere = declaration([priced('11A13', '11', 1, on('2026-01-20'))], {
      gemeente: '0518',
    });
    expect(contractFlags(elsewhere, SAMPLE_CONTRACTS)).toEqual([]);
  });
});
