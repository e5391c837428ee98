import { describe, expect, it } from 'vitest';

import { GW_C08 } from '../../../../../src/validation/rules/gw-c08.js';
import { setOf } from '../../../contract/contract-fixtures.js';
import { gooiRaw, supplierRaw } from '../../../contract/contract-fixtures.js';
import {
  credit,
  declared,
  details,
  judge,
  maintenance,
  registerView,
  start,
} from './contract-register.js';

const OUT = registerView({ starts: [start('2025-06-01')] });

describe('GW-C08: a month of maintenance is the indexed yearly tariff / 12', () => {
  it('accepts 466 for March 2026 (4960 indexed to 2026 = 5596; / 12 = 466.33)', () => {
    expect(judge(GW_C08, declared([maintenance('2026-03', 466)]), OUT)).toEqual([]);
  });

  it('refuses another amount with 0611 at the IngediendBedrag', () => {
    expect(judge(GW_C08, declared([maintenance('2026-03', 467)]), OUT)).toEqual([
      {
        ruleId: 'GW-C08',
        retourCode: '0611',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/Bedrag',
        detail: expect.stringMatching(
          /^467 is niet het onderhoud per maand 466 van 11A01 in 2026 \(5596 per jaar \/ 12, gooi-en-vechtstreek-hulpmiddelen@/,
        ),
      },
    ]);
  });

  it('uses the price of the year of the month: December vs January', () => {
    const raw = gooiRaw();
    raw.indexation.percentages.push({ year: 2027, percent: 3.1 });
    const contracts = setOf(raw);
    // 5596 × 1.031 = 5769.48 → 5769; / 12 = 480.75 → 481
    expect(judge(GW_C08, declared([maintenance('2026-12', 466)]), OUT, { contracts })).toEqual([]);
    expect(judge(GW_C08, declared([maintenance('2027-01', 481)]), OUT, { contracts })).toEqual([]);
    expect(judge(GW_C08, declared([maintenance('2027-01', 466)]), OUT, { contracts })).toHaveLength(
      1,
    );
    expect(judge(GW_C08, declared([maintenance('2026-12', 481)]), OUT, { contracts })).toHaveLength(
      1,
    );
  });

  it('rounds half up to the cent: 6006 / 12 = 500.50 → 501, 6005 / 12 = 500.42 → 500', () => {
    const contractWith = (perYear: number) => {
      const raw = gooiRaw();
      raw.indexation.percentages = [];
      raw.indexation.baseYear = 2026;
      const prices = supplierRaw(raw, '12345678').prices['1'] as Record<string, unknown>;
      prices['maintenancePerYear'] = perYear;
      return setOf(raw);
    };
    const at6006 = contractWith(6_006);
    expect(
      judge(GW_C08, declared([maintenance('2026-03', 501)]), OUT, { contracts: at6006 }),
    ).toEqual([]);
    expect(
      judge(GW_C08, declared([maintenance('2026-03', 500)]), OUT, { contracts: at6006 }),
    ).toHaveLength(1);
    const at6005 = contractWith(6_005);
    expect(
      judge(GW_C08, declared([maintenance('2026-03', 500)]), OUT, { contracts: at6005 }),
    ).toEqual([]);
  });

  it("takes the supplier's own tariff and the category's (a rank-2 supplier, category 7)", () => {
    const register = registerView({
      starts: [start('2025-06-01')],
      toewijzingen: [{ ...OUT.toewijzingen.get('5001'), aanbieder: '23456789' } as never],
    });
    // 6450 indexed to 2026: 7278; / 12 = 606.50 → 607 (half up)
    const msg = declared([maintenance('2026-03', 607)], { supplier: '23456789' });
    expect(details(GW_C08, msg, register)).toEqual([]);
    const halfDown = declared([maintenance('2026-03', 606)], { supplier: '23456789' });
    expect(details(GW_C08, halfDown, register)).toHaveLength(1);
    // category 7 (by quote) has a maintenance tariff too: 9500 → 10721; / 12 = 893.42 → 893
    const sports = declared([maintenance('2026-03', 893, { ProductCode: '11A13' })]);
    expect(judge(GW_C08, sports, OUT)).toEqual([]);
  });

  it('leaves months that are not billable or have no start to GW-C07 and GW-C04', () => {
    const later = registerView({ starts: [start('2026-03-16')] });
    expect(judge(GW_C08, declared([maintenance('2026-03', 1)]), later)).toEqual([]);
    expect(judge(GW_C08, declared([maintenance('2026-03', 1)]), registerView())).toEqual([]);
  });

  it('judges the amount without a register too, and never a credit', () => {
    expect(judge(GW_C08, declared([maintenance('2026-03', 1)]), undefined)).toHaveLength(1);
    expect(judge(GW_C08, declared([credit('EARLIER-1', maintenance('2026-03', 1))]), OUT)).toEqual(
      [],
    );
  });
});
