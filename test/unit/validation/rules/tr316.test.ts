import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR315 } from '../../../../src/validation/rules/tr315.js';
import { TR316 } from '../../../../src/validation/rules/tr316.js';
import { TR416 } from '../../../../src/validation/rules/tr416.js';
import { client323, prestatie, wmo323 } from '../../../helpers/rules-messages.js';

const credit = (ref: string, vorig: string) =>
  prestatie({
    ProductReferentie: { ReferentieNummer: ref, VorigReferentieNummer: vorig },
    IngediendBedrag: { Bedrag: 5000, DebetCredit: 'C' },
  });
const debet = (ref: string) => prestatie({ ProductReferentie: { ReferentieNummer: ref } });

describe('TR316', () => {
  describe('when the credit comes before the debet it credits', () => {
    it('still reports the pair, on the later Prestatie', () => {
      const msg = wmo323([client323([credit('C1', 'D1'), debet('D1')])]);
      expect(TR316.check(msg, EMPTY_RULE_CONTEXT).map((v) => v.location)).toEqual([
        '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductReferentie',
      ]);
    });
  });

  describe('when a Prestatie credits itself', () => {
    it('reports it', () => {
      expect(TR316.check(wmo323([client323([credit('X', 'X')])]), EMPTY_RULE_CONTEXT)).toHaveLength(
        1,
      );
    });
  });

  describe('when debet and credit belong to different Clients', () => {
    it('compares across the whole message', () => {
      const msg = wmo323([client323([debet('D1')]), client323([credit('C1', 'D1')], '999990020')]);
      expect(TR316.check(msg, EMPTY_RULE_CONTEXT).map((v) => v.location)).toEqual([
        '/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductReferentie',
      ]);
    });
  });

  describe('when the credit refers to a line outside the message', () => {
    it('accepts it', () => {
      expect(
        TR316.check(wmo323([client323([debet('D2'), credit('C1', 'D1')])]), EMPTY_RULE_CONTEXT),
      ).toEqual([]);
    });
  });
});

describe('TR315', () => {
  it('compares VorigReferentieNummer across Clients', () => {
    const msg = wmo323([
      client323([credit('C1', 'OLD')]),
      client323([credit('C2', 'OLD')], '999990020'),
    ]);
    expect(TR315.check(msg, EMPTY_RULE_CONTEXT).map((v) => v.location)).toEqual([
      '/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductReferentie/VorigReferentieNummer',
    ]);
  });
});

describe('TR416', () => {
  it('ignores credit lines and compares debet lines per Client only', () => {
    const sameClient = wmo323([client323([debet('D1'), debet('D2')])]);
    expect(TR416.check(sameClient, EMPTY_RULE_CONTEXT)).toHaveLength(1);
    const otherClient = wmo323([client323([debet('D1')]), client323([debet('D2')], '999990020')]);
    expect(TR416.check(otherClient, EMPTY_RULE_CONTEXT)).toEqual([]);
    const withCredit = wmo323([client323([debet('D1'), credit('C1', 'OLD')])]);
    expect(TR416.check(withCredit, EMPTY_RULE_CONTEXT)).toEqual([]);
  });

  it('treats another period or ToewijzingNummer as another line', () => {
    const msg = wmo323([
      client323([
        debet('D1'),
        prestatie({ ProductReferentie: { ReferentieNummer: 'D2' }, ToewijzingNummer: '5002' }),
        prestatie({
          ProductReferentie: { ReferentieNummer: 'D3' },
          ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-15' },
        }),
      ]),
    ]);
    expect(TR416.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
  });
});
