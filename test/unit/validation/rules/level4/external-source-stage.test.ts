import { describe, expect, it } from 'vitest';

import { ContractSet } from '../../../../../src/contract/index.js';
import { createExternalSourceStage } from '../../../../../src/validation/external-source-stage.js';
import { wmo301 } from '../../../../helpers/rules-messages.js';
import { contractOf, gooiRaw, setOf } from '../../../contract/contract-fixtures.js';
import { declared, delivery, registerView, start } from './contract-register.js';
import { declaration, on, priced } from './declarations.js';
import { CBS } from './level4-fixtures.js';

function dated(dagtekening: string) {
  const msg = wmo301();
  return {
    ...msg,
    header: {
      ...msg.header,
      Afzender: '0363',
      BerichtIdentificatie: { ...msg.header.BerichtIdentificatie, Dagtekening: dagtekening },
    },
  };
}

describe('createExternalSourceStage', () => {
  describe('"today" is the Dutch calendar date of the clock', () => {
    it('is already 1 January in Amsterdam at 23:30 UTC on 31 December', () => {
      const stage = createExternalSourceStage({
        cbs: CBS,
        contracts: () => ContractSet.EMPTY,
        clock: () => new Date('2026-12-31T23:30:00Z'),
      });
      expect(stage.level).toBe(4);
      expect(stage.check(dated('2027-01-01'))).toEqual([]);
    });

    it('is still 31 December at 22:59 UTC (CET = UTC+1)', () => {
      const stage = createExternalSourceStage({
        cbs: CBS,
        contracts: () => ContractSet.EMPTY,
        clock: () => new Date('2026-12-31T22:59:00Z'),
      });
      expect(stage.check(dated('2027-01-01')).map((v) => v.ruleId)).toEqual(['TR135']);
    });

    it('follows summer time (CEST = UTC+2)', () => {
      const stage = createExternalSourceStage({
        cbs: CBS,
        contracts: () => ContractSet.EMPTY,
        clock: () => new Date('2026-06-30T22:30:00Z'),
      });
      expect(stage.check(dated('2026-07-01'))).toEqual([]);
    });
  });

  it('judges each message against one snapshot and tells which contract versions it used', () => {
    const v1 = setOf(gooiRaw());
    const raw = gooiRaw();
    raw['version'] = '2026.2';
    const price = raw.suppliers[0]?.prices['1'];
    if (price !== undefined) {
      price['delivery'] = 70_000;
      price['maintenancePerYear'] = 7_000;
    }
    let current = v1;
    const stage = createExternalSourceStage({
      cbs: CBS,
      contracts: () => current,
      clock: () => new Date('2026-07-01T10:00:00Z'),
    });
    const first = declaration([priced('11A01', '11', 69_967, on('2026-01-12'))]);
    expect(stage.check(first)).toEqual([]);
    current = new ContractSet([contractOf(raw)]);
    const second = declaration([priced('11A01', '11', 69_967, on('2026-01-12'))]);
    expect(stage.check(second).map((v) => v.ruleId)).toEqual(['TR418']);
    expect(stage.contractVersionsOf(first)?.map((v) => v.version)).toEqual(['2026.1']);
    expect(stage.contractVersionsOf(second)?.map((v) => v.version)).toEqual(['2026.2']);
    expect(stage.contractVersionsOf(dated('2026-01-01'))).toBeUndefined();
  });

  it('gives the register view of the stage context to the contract rules', () => {
    const stage = createExternalSourceStage({
      cbs: CBS,
      contracts: () => setOf(gooiRaw()),
      clock: () => new Date('2026-07-01T10:00:00Z'),
    });
    const msg = declared([delivery('2026-06')], { declaratieDagtekening: '2026-06-20' });
    expect(stage.check(msg, {})).toEqual([]);
    expect(stage.check(msg, { register: registerView() }).map((v) => v.ruleId)).toEqual(['GW-C04']);
    const delivered = registerView({ starts: [start('2026-06-02')] });
    expect(stage.check(msg, { register: delivered })).toEqual([]);
  });
});
