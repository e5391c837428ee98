import { describe, expect, it } from 'vitest';

import { contractFlags } from '../../../../../src/validation/contract-flags.js';
import { wmo301 } from '../../../../helpers/rules-messages.js';
import { declaration, on, priced } from './declarations.js';
import { SAMPLE_CONTRACTS } from './level4-fixtures.js';

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

  it('no longer flags a late invoice: that is rule GW-C06', () => {
    const msg = declaration([priced('11A01', '11', 69_967, on('2026-01-12'))], {
      declaratieDagtekening: '2026-06-30',
    });
    expect(contractFlags(msg, SAMPLE_CONTRACTS)).toEqual([]);
  });

  it('has nothing to say about other messages or lines without a contract', () => {
    expect(contractFlags(wmo301(), SAMPLE_CONTRACTS)).toEqual([]);
    const elsewhere = declaration([priced('11A13', '11', 1, on('2026-01-20'))], {
      gemeente: '0518',
    });
    expect(contractFlags(elsewhere, SAMPLE_CONTRACTS)).toEqual([]);
  });
});
