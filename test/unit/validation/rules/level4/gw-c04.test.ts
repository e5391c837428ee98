import { describe, expect, it } from 'vitest';

import { GW_C04 } from '../../../../../src/validation/rules/gw-c04.js';
import {
  credit,
  declared,
  delivery,
  details,
  judge,
  maintenance,
  registerView,
  start,
  toewijzing,
} from './contract-register.js';
import { from, priced } from './declarations.js';

describe('GW-C04: a delivery or maintenance needs an actual start', () => {
  it('refuses a delivery without any start, at the ToewijzingNummer, with 9069', () => {
    expect(judge(GW_C04, declared([delivery('2026-01')]), registerView())).toEqual([
      {
        ruleId: 'GW-C04',
        retourCode: '9069',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ToewijzingNummer',
        detail: 'er is geen actuele start (WMO305) ontvangen voor toewijzing 5001',
      },
    ]);
  });

  it('accepts a delivery whose start lies in the ProductPeriode, first and last day included', () => {
    for (const day of ['2026-01-01', '2026-01-16', '2026-01-31']) {
      const register = registerView({ starts: [start(day)] });
      expect(judge(GW_C04, declared([delivery('2026-01')]), register), day).toEqual([]);
    }
  });

  it('refuses a delivery declared in another month than it was delivered (31 Dec vs January)', () => {
    const register = registerView({ starts: [start('2025-12-31')] });
    expect(details(GW_C04, declared([delivery('2026-01')]), register)).toEqual([
      'de afleverdatum 2025-12-31 (start van toewijzing 5001) ligt niet in de ProductPeriode 2026-01-01 tot en met 2026-01-31',
    ]);
    const early = registerView({ starts: [start('2026-02-01')] });
    expect(judge(GW_C04, declared([delivery('2026-01')]), early)).toHaveLength(1);
  });

  it('does not count a deleted start', () => {
    const register = registerView({ starts: [start('2026-01-12', { deleted: true })] });
    expect(judge(GW_C04, declared([delivery('2026-01')]), register)).toHaveLength(1);
  });

  it('needs a start for maintenance too, but any actual one (the month is GW-C07)', () => {
    expect(judge(GW_C04, declared([maintenance('2026-03', 466)]), registerView())).toHaveLength(1);
    const register = registerView({ starts: [start('2026-01-20', { stop: '2026-02-10' })] });
    expect(judge(GW_C04, declared([maintenance('2026-03', 466)]), register)).toEqual([]);
  });

  it('treats a delivery by quote (category 7) as a delivery', () => {
    const quote = priced('11A13', '11', 184_000, from('2026-01-01', '2026-01-31'), {
      ToewijzingNummer: '5001',
    });
    expect(judge(GW_C04, declared([quote]), registerView())).toHaveLength(1);
  });

  it('judges no driving lesson, no credit, no line on an unknown toewijzing, nothing without a register', () => {
    const lesson = priced('12A12', '12', 8_000, from('2026-01-01', '2026-01-31'), {
      ToewijzingNummer: '5001',
    });
    expect(judge(GW_C04, declared([lesson]), registerView())).toEqual([]);
    expect(
      judge(GW_C04, declared([credit('EARLIER-1', delivery('2026-01'))]), registerView()),
    ).toEqual([]);
    const foreign = registerView({ toewijzingen: [toewijzing({ clientId: 'c2' })] });
    expect(judge(GW_C04, declared([delivery('2026-01')]), foreign)).toEqual([]);
    expect(judge(GW_C04, declared([delivery('2026-01')]), undefined)).toEqual([]);
  });
});
