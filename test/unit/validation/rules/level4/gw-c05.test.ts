import { describe, expect, it } from 'vitest';

import { GW_C05 } from '../../../../../src/validation/rules/gw-c05.js';
import {
  credit,
  declared,
  delivery,
  details,
  judge,
  maintenance,
  openDebet,
  registerView,
  start,
} from './contract-register.js';

const STARTED = [start('2026-02-10')];

describe('GW-C05: one delivery per toewijzing', () => {
  it('accepts the first delivery', () => {
    expect(
      judge(GW_C05, declared([delivery('2026-02')]), registerView({ starts: STARTED })),
    ).toEqual([]);
  });

  it('refuses a second delivery while an earlier one is open (another period), with 9389', () => {
    const register = registerView({ starts: STARTED, openDebets: [openDebet()] });
    expect(judge(GW_C05, declared([delivery('2026-02')]), register)).toEqual([
      {
        ruleId: 'GW-C05',
        retourCode: '9389',
        level: 4,
        location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ToewijzingNummer',
        detail:
          'de levering op toewijzing 5001 is al gedeclareerd (ProductPeriode 2026-01-01 tot en met 2026-01-31, declaratie DEC-EARLIER) en niet gecrediteerd',
      },
    ]);
  });

  it('leaves a repeat with the same period, category and code to TR389', () => {
    const register = registerView({
      starts: STARTED,
      openDebets: [openDebet({ begin: '2026-02-01', end: '2026-02-28' })],
    });
    expect(judge(GW_C05, declared([delivery('2026-02')]), register)).toEqual([]);
  });

  it('is not disturbed by open maintenance debets of the toewijzing', () => {
    const register = registerView({
      starts: STARTED,
      openDebets: [openDebet({ eenheid: '83', bedrag: 466, volume: 466 })],
    });
    expect(judge(GW_C05, declared([delivery('2026-02')]), register)).toEqual([]);
  });

  it('refuses the second of two deliveries in one message', () => {
    const msg = declared([delivery('2026-02'), delivery('2026-03')]);
    const violations = judge(GW_C05, msg, registerView({ starts: STARTED }));
    expect(violations.map((v) => v.location)).toEqual([
      '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ToewijzingNummer',
    ]);
    expect(violations[0]?.detail).toBe(
      'de levering op toewijzing 5001 staat al eerder in dit bericht',
    );
  });

  it('allows a re-declaration with the credit of the earlier debet in the same message', () => {
    const earlier = openDebet({ referentieNummer: 'EARLIER-1' });
    const register = registerView({ starts: STARTED, openDebets: [earlier] });
    const msg = declared([credit('EARLIER-1', delivery('2026-01')), delivery('2026-02')]);
    expect(judge(GW_C05, msg, register)).toEqual([]);
    const otherCredit = declared([
      credit('SOMETHING-ELSE', delivery('2026-01')),
      delivery('2026-02'),
    ]);
    expect(judge(GW_C05, otherCredit, register)).toHaveLength(1);
  });

  it('allows a re-declaration once an earlier message credited the debet (no open debet left)', () => {
    expect(
      judge(
        GW_C05,
        declared([delivery('2026-02')]),
        registerView({ starts: STARTED, openDebets: [] }),
      ),
    ).toEqual([]);
  });

  it('judges no maintenance line and nothing without a register', () => {
    const register = registerView({ starts: STARTED, openDebets: [openDebet()] });
    expect(details(GW_C05, declared([maintenance('2026-03', 466)]), register)).toEqual([]);
    expect(judge(GW_C05, declared([delivery('2026-02')]), undefined)).toEqual([]);
  });
});
