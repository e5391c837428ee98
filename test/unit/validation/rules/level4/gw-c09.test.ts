import { describe, expect, it } from 'vitest';

import { GW_C09 } from '../../../../../src/validation/rules/gw-c09.js';
import {
  credit,
  declared,
  delivery,
  judge,
  maintenance,
  openDebet,
  registerView,
  start,
} from './contract-register.js';

const STARTED = [start('2025-06-01')];
const MARCH = { eenheid: '83', begin: '2026-03-01', end: '2026-03-31', bedrag: 466, volume: 466 };

describe('GW-C09: maintenance at most once per month per toewijzing', () => {
  it('accepts one month, and consecutive months in one message', () => {
    const msg = declared([maintenance('2026-03', 466), maintenance('2026-04', 466)]);
    expect(judge(GW_C09, msg, registerView({ starts: STARTED }))).toEqual([]);
  });

  it('refuses a second line for the same month in one message (another period), with 9389', () => {
    const msg = declared([
      maintenance('2026-03', 466),
      maintenance('2026-03', 466, {
        ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-30' },
      }),
    ]);
    expect(judge(GW_C09, msg, registerView({ starts: STARTED }))).toEqual([
      {
        ruleId: 'GW-C09',
        retourCode: '9389',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductPeriode',
        detail: 'onderhoud van 2026-03 op toewijzing 5001 staat al eerder in dit bericht',
      },
    ]);
  });

  it('refuses a month an earlier message declared (another period in that month)', () => {
    const register = registerView({
      starts: STARTED,
      openDebets: [openDebet({ ...MARCH, end: '2026-03-30' })],
    });
    expect(judge(GW_C09, declared([maintenance('2026-03', 466)]), register)).toHaveLength(1);
  });

  it('leaves the exact same period, category and code to TR389 (across) and TR416 (within)', () => {
    const register = registerView({ starts: STARTED, openDebets: [openDebet(MARCH)] });
    expect(judge(GW_C09, declared([maintenance('2026-03', 466)]), register)).toEqual([]);
    const twice = declared([maintenance('2026-03', 466), maintenance('2026-03', 466)]);
    expect(judge(GW_C09, twice, registerView({ starts: STARTED }))).toEqual([]);
  });

  it('is not disturbed by the delivery debet or maintenance of other months', () => {
    const register = registerView({
      starts: STARTED,
      openDebets: [
        openDebet({ begin: '2026-03-01', end: '2026-03-30' }),
        openDebet({ ...MARCH, begin: '2026-02-01', end: '2026-02-28' }),
        openDebet({ ...MARCH, begin: '2026-04-01', end: '2026-04-30' }),
      ],
    });
    expect(judge(GW_C09, declared([maintenance('2026-03', 466)]), register)).toEqual([]);
    expect(judge(GW_C09, declared([delivery('2026-03')]), register)).toEqual([]);
  });

  it('allows the month again with the credit of the earlier line in the same message', () => {
    const earlier = openDebet({ ...MARCH, end: '2026-03-30', referentieNummer: 'EARLIER-7' });
    const register = registerView({ starts: STARTED, openDebets: [earlier] });
    const msg = declared([
      credit('EARLIER-7', maintenance('2026-03', 466)),
      maintenance('2026-03', 466),
    ]);
    expect(judge(GW_C09, msg, register)).toEqual([]);
  });

  it('allows the month again once an earlier message credited it', () => {
    const register = registerView({ starts: STARTED, openDebets: [] });
    expect(judge(GW_C09, declared([maintenance('2026-03', 466)]), register)).toEqual([]);
  });

  it('judges nothing without a register', () => {
    const msg = declared([
      maintenance('2026-03', 466),
      maintenance('2026-03', 466, {
        ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-30' },
      }),
    ]);
    expect(judge(GW_C09, msg, undefined)).toEqual([]);
  });
});
