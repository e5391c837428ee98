import { describe, expect, it } from 'vitest';

import { GW_C06 } from '../../../../../src/validation/rules/gw-c06.js';
import {
  credit,
  declared,
  delivery,
  details,
  judge,
  maintenance,
  registerView,
  start,
} from './contract-register.js';
import { from, priced } from './declarations.js';

/** A delivery in the month of `delivered`, invoiced on `invoiced`. */
function deliveredOn(delivered: string, invoiced: string) {
  return judge(
    GW_C06,
    declared([delivery(delivered.slice(0, 7))], { declaratieDagtekening: invoiced }),
    registerView({ starts: [start(delivered)] }),
  );
}

/** Maintenance of `month`, invoiced on `invoiced`. */
function maintainedIn(month: string, invoiced: string) {
  return judge(
    GW_C06,
    declared([maintenance(month, 466)], { declaratieDagtekening: invoiced }),
    registerView({ starts: [start('2025-06-01')] }),
  );
}

describe('GW-C06: invoiced within the contract deadline', () => {
  describe('a delivery: 30 days after the delivery date (the start)', () => {
    it('is on time on day 30 and late on day 31, with 9319', () => {
      expect(deliveredOn('2026-01-12', '2026-02-11')).toEqual([]);
      expect(deliveredOn('2026-01-12', '2026-02-12')).toEqual([
        {
          ruleId: 'GW-C06',
          retourCode: '9319',
          level: 4,
          location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode',
          detail:
            'de levering van 2026-01-12 had uiterlijk 2026-02-11 gedeclareerd moeten worden (DeclaratieDagtekening 2026-02-12)',
        },
      ]);
    });

    it('counts from the delivery date, not from the end of the ProductPeriode', () => {
      expect(deliveredOn('2026-01-01', '2026-01-31')).toEqual([]);
      expect(deliveredOn('2026-01-01', '2026-02-01')).toHaveLength(1);
    });

    it('knows 29 February: 30 days after 2028-01-30 is 2028-02-29, after 2027-01-30 it is 2027-03-01', () => {
      expect(deliveredOn('2028-01-30', '2028-02-29')).toEqual([]);
      expect(deliveredOn('2028-01-30', '2028-03-01')).toHaveLength(1);
      expect(deliveredOn('2027-01-30', '2027-03-01')).toEqual([]);
      expect(deliveredOn('2027-01-30', '2027-03-02')).toHaveLength(1);
    });

    it('30 days after 2028-02-29 is 2028-03-30, after 2027-02-28 it is 2027-03-30', () => {
      expect(deliveredOn('2028-02-29', '2028-03-30')).toEqual([]);
      expect(deliveredOn('2028-02-29', '2028-03-31')).toHaveLength(1);
      expect(deliveredOn('2027-02-28', '2027-03-30')).toEqual([]);
      expect(deliveredOn('2027-02-28', '2027-03-31')).toHaveLength(1);
    });

    it('crosses the turn of the year', () => {
      expect(deliveredOn('2026-12-31', '2027-01-30')).toEqual([]);
      expect(deliveredOn('2026-12-31', '2027-01-31')).toHaveLength(1);
    });

    it('has no deadline without a start (GW-C04 refuses the line) and none without a register', () => {
      const late = declared([delivery('2026-01')], { declaratieDagtekening: '2026-06-30' });
      expect(judge(GW_C06, late, registerView())).toEqual([]);
      expect(judge(GW_C06, late, undefined)).toEqual([]);
    });

    it('applies to a delivery by quote (category 7) too', () => {
      const quote = priced('11A13', '11', 184_000, from('2026-01-01', '2026-01-31'), {
        ToewijzingNummer: '5001',
      });
      const msg = declared([quote], { declaratieDagtekening: '2026-02-12' });
      expect(judge(GW_C06, msg, registerView({ starts: [start('2026-01-12')] }))).toHaveLength(1);
    });
  });

  describe('maintenance: 30 days after the last day of its month', () => {
    it('after a month of 30 days and one of 31', () => {
      expect(maintainedIn('2026-04', '2026-05-30')).toEqual([]);
      expect(maintainedIn('2026-04', '2026-05-31')).toHaveLength(1);
      expect(maintainedIn('2026-05', '2026-06-30')).toEqual([]);
      expect(maintainedIn('2026-05', '2026-07-01')).toHaveLength(1);
    });

    it('after February in a leap year (29 days) and in another year (28 days)', () => {
      expect(maintainedIn('2028-02', '2028-03-30')).toEqual([]);
      expect(maintainedIn('2028-02', '2028-03-31')).toHaveLength(1);
      expect(maintainedIn('2027-02', '2027-03-30')).toEqual([]);
      expect(maintainedIn('2027-02', '2027-03-31')).toHaveLength(1);
    });

    it('after December, into the next year', () => {
      expect(maintainedIn('2026-12', '2027-01-30')).toEqual([]);
      expect(
        details(
          GW_C06,
          declared([maintenance('2026-12', 466)], { declaratieDagtekening: '2027-01-31' }),
          registerView({ starts: [start('2025-06-01')] }),
        ),
      ).toEqual([
        'het onderhoud van 2026-12 had uiterlijk 2027-01-30 gedeclareerd moeten worden (DeclaratieDagtekening 2027-01-31)',
      ]);
    });

    it('needs no register: the month alone sets the deadline', () => {
      const late = declared([maintenance('2026-03', 466)], { declaratieDagtekening: '2026-05-01' });
      expect(judge(GW_C06, late, undefined)).toHaveLength(1);
    });
  });

  it('sets no deadline for a driving lesson and judges no credit', () => {
    const lesson = priced('12A12', '12', 8_000, from('2026-01-01', '2026-01-31'));
    expect(
      judge(GW_C06, declared([lesson], { declaratieDagtekening: '2026-12-01' }), registerView()),
    ).toEqual([]);
    const late = declared([credit('EARLIER-1', maintenance('2026-01', 466))], {
      declaratieDagtekening: '2026-12-01',
    });
    expect(judge(GW_C06, late, registerView())).toEqual([]);
  });
});
