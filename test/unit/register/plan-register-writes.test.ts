import { describe, expect, it } from 'vitest';

import { start305, toewijzing301 } from '../../../bench/iwmo-messages.js';
import {
  type DebetPrestatieRecord,
  type LeveringGroup,
  leveringGroupKey,
  type OpenDebetRecord,
  type RegisterView,
  startKey,
  type ToewijzingVersion,
} from '../../../src/domain/register/index.js';
import { parseMessage } from '../../../src/model/index.js';
import { planRegisterWrites, registerKeys } from '../../../src/register/index.js';
import type { AtomicWrite } from '../../../src/store/index.js';
import {
  BSN,
  client,
  debet,
  declaratie,
  PRESTATIE,
  toAanbieder,
  toewijzing,
  toGemeente,
  view,
} from '../validation/rules/level3/register-fixtures.js';

const keys = registerKeys('t');
const PRODUCT = { categorie: '02', code: '02A03' } as const;

function hsetOf(writes: readonly AtomicWrite[], key: string): Record<string, string> {
  const write = writes.find((w) => w.op === 'hset' && w.key === key);
  return write?.op === 'hset' ? { ...write.fields } : {};
}

function allocation(toewijzingsdatum: string, einddatum: string) {
  return parseMessage(
    'WMO301',
    toewijzing301(toAanbieder(), BSN, [
      {
        nummer: '1',
        ...PRODUCT,
        toewijzingsdatum,
        toewijzingstijd: '09:00:00',
        ingangsdatum: '2026-01-01',
        einddatum,
        omvang: { volume: 4, eenheid: '04', frequentie: '2' },
      },
    ]),
  );
}

describe('planRegisterWrites', () => {
  describe('for a WMO301 (IV013: the latest Toewijzingsdatum + Toewijzingstijd wins)', () => {
    const current = toewijzing('1', { toewijzingsdatum: '2026-03-01' });
    const snapshot = {
      view: view({
        toewijzingen: [current],
        clients: { [BSN]: client({ toewijzingNummers: ['1'] }) },
      }),
      guards: [],
      verzoekClients: new Map(),
    };

    it('makes a newer version the actual one and keeps every version in the history', () => {
      const writes = planRegisterWrites(allocation('2026-04-01', '2026-06-30'), snapshot, keys, {
        messageId: 'm2',
        violations: [],
      });
      const actual = JSON.parse(
        hsetOf(writes, keys.toewijzingen('0363'))['1'] ?? '{}',
      ) as ToewijzingVersion;
      expect(actual).toMatchObject({ einddatum: '2026-06-30', messageId: 'm2', clientId: 'c1' });
      expect(writes).toContainEqual(
        expect.objectContaining({ op: 'rpush', key: keys.toewijzingHistory('0363', '1') }),
      );
      expect(writes).toContainEqual({
        op: 'sadd',
        key: keys.identificaties('0363', '414'),
        member: 'G1',
      });
    });

    it('records an older version in the history only', () => {
      const writes = planRegisterWrites(allocation('2026-02-01', '2026-06-30'), snapshot, keys, {
        messageId: 'm2',
        violations: [],
      });
      expect(hsetOf(writes, keys.toewijzingen('0363'))).toEqual({});
      expect(writes).toContainEqual(
        expect.objectContaining({ op: 'rpush', key: keys.toewijzingHistory('0363', '1') }),
      );
    });

    it('writes nothing for a rejected message (OP286)', () => {
      const violation = {
        ruleId: 'TR332',
        retourCode: '9332',
        level: 3 as const,
        location: '/Bericht/Client',
      };
      expect(
        planRegisterWrites(allocation('2026-04-01', '2026-06-30'), snapshot, keys, {
          messageId: 'm2',
          violations: [violation],
        }),
      ).toEqual([]);
    });
  });

  describe('for a WMO305 correcting a start (IV008)', () => {
    it('deletes the old start and adds the new one in the same group', () => {
      const group = leveringGroupKey('1');
      const old = {
        key: startKey('1', { Categorie: '02', Code: '02A03' }, '2026-01-05'),
        toewijzingNummer: '1',
        begindatum: '2026-01-05',
        deleted: false,
        stops: [],
        identificatie: 'A0',
      };
      const message = parseMessage(
        'WMO305',
        start305(toGemeente(), BSN, [
          { nummer: '1', ...PRODUCT, begindatum: '2026-01-06' },
          { nummer: '1', ...PRODUCT, begindatum: '2026-01-05', status: '3' },
        ]),
      );
      const snapshot = {
        view: view({
          toewijzingen: [toewijzing('1')],
          clients: { [BSN]: client({ leveringen: new Map([[group, { starts: [old] }]]) }) },
        }),
        guards: [],
        verzoekClients: new Map(),
      };
      const writes = planRegisterWrites(message, snapshot, keys, {
        messageId: 'm',
        violations: [],
      });
      const fields = hsetOf(writes, keys.client('0363', '12345678', 'c1'));
      const written = Object.values(fields).map((raw) => JSON.parse(raw) as LeveringGroup);
      expect(written).toHaveLength(1);
      expect(written[0]?.starts.map((s) => [s.begindatum, s.deleted])).toEqual([
        ['2026-01-05', true],
        ['2026-01-06', false],
      ]);
      expect(writes).toContainEqual({
        op: 'hincrby',
        key: keys.client('0363', '12345678', 'c1'),
        field: 'v',
        by: 1,
      });
    });
  });

  describe('for a WMO323: the open debets per toewijzing (contract rules, issue #5)', () => {
    const OTW = keys.openDebetsByToewijzing('0363', '12345678');
    const PAIR = keys.pair('0363', '12345678');

    function open(referentieNummer: string, extra: Partial<OpenDebetRecord> = {}): OpenDebetRecord {
      return {
        referentieNummer,
        declaratieNummer: 'D0',
        productCategorie: '02',
        productCode: '02A03',
        eenheid: '04',
        begin: '2026-01-01',
        end: '2026-01-31',
        volume: 4,
        bedrag: 24000,
        ...extra,
      };
    }

    function debetRecord(n: string, referentie: string): DebetPrestatieRecord {
      return {
        debetCredit: 'D',
        toewijzingNummer: n,
        debetKey: `key-${referentie}`,
        volume: 240,
        bedrag: 24000,
        gecrediteerd: false,
        declaratieNummer: 'D0',
      };
    }

    function plan(
      message: ReturnType<typeof declaratie>,
      register: RegisterView,
      /** 1-based positions of the refused Prestaties. */
      refused: readonly number[] = [],
    ): AtomicWrite[] {
      return planRegisterWrites(
        message,
        { view: register, guards: [], verzoekClients: new Map() },
        keys,
        {
          messageId: 'm',
          violations: refused.map((n) => ({
            ruleId: 'TR321',
            retourCode: '9321',
            level: 3 as const,
            location: PRESTATIE(n),
          })),
        },
      );
    }

    function otwOf(writes: readonly AtomicWrite[]): Record<string, OpenDebetRecord[]> {
      return Object.fromEntries(
        Object.entries(hsetOf(writes, OTW)).map(([n, raw]) => [
          n,
          JSON.parse(raw) as OpenDebetRecord[],
        ]),
      );
    }

    const withOpen = (lists: Record<string, readonly OpenDebetRecord[]>, extra = {}) => ({
      ...view({ toewijzingen: [toewijzing('1'), toewijzing('2')], ...extra }),
      openDebetsByToewijzing: new Map(Object.entries(lists)),
    });

    it('appends a granted debet to the list of its canonical toewijzing', () => {
      const writes = plan(
        declaratie([debet('R1', '001')], { nummer: 'D7' }),
        withOpen({ '1': [open('R0')] }),
      );
      expect(otwOf(writes)).toEqual({
        '1': [
          open('R0'),
          {
            referentieNummer: 'R1',
            declaratieNummer: 'D7',
            productCategorie: '02',
            productCode: '02A03',
            eenheid: '04',
            begin: '2026-02-01',
            end: '2026-02-28',
            volume: 4,
            bedrag: 24000,
          },
        ],
      });
      expect(writes).toContainEqual({ op: 'hincrby', key: PAIR, field: 'dv', by: 1 });
    });

    it('removes the debet a granted credit refers to, from the debet’s toewijzing', () => {
      const writes = plan(
        declaratie([debet('R9', '2', { debetCredit: 'C', vorigReferentie: 'R1' })]),
        withOpen({ '2': [open('R1'), open('R2')] }, { prestaties: { R1: debetRecord('2', 'R1') } }),
      );
      expect(otwOf(writes)).toEqual({ '2': [open('R2')] });
      expect(writes).not.toContainEqual(expect.objectContaining({ op: 'hdel', key: OTW }));
    });

    it('deletes the field when the last open debet of a toewijzing is credited', () => {
      const writes = plan(
        declaratie([debet('R9', '1', { debetCredit: 'C', vorigReferentie: 'R1' })]),
        withOpen({ '1': [open('R1')] }, { prestaties: { R1: debetRecord('1', 'R1') } }),
      );
      expect(otwOf(writes)).toEqual({});
      expect(writes).toContainEqual({ op: 'hdel', key: OTW, field: '1' });
      expect(writes).toContainEqual({ op: 'hincrby', key: PAIR, field: 'dv', by: 1 });
    });

    it('combines several Prestaties on one toewijzing into one write per changed list', () => {
      const writes = plan(
        declaratie([
          debet('R3', '1'),
          debet('R9', '1', { debetCredit: 'C', vorigReferentie: 'R1' }),
          debet('R4', '1', { begindatum: '2026-02-15', einddatum: '2026-02-28' }),
          debet('R5', '2'),
        ]),
        withOpen({ '1': [open('R1'), open('R2')] }, { prestaties: { R1: debetRecord('1', 'R1') } }),
      );
      const lists = otwOf(writes);
      expect(Object.keys(lists).sort()).toEqual(['1', '2']);
      expect(lists['1']?.map((d) => d.referentieNummer)).toEqual(['R2', 'R3', 'R4']);
      expect(lists['2']?.map((d) => d.referentieNummer)).toEqual(['R5']);
      expect(writes.filter((w) => w.key === OTW)).toHaveLength(1);
    });

    it('leaves the lists alone for refused Prestaties', () => {
      const writes = plan(
        declaratie([
          debet('R3', '1'),
          debet('R4', '1', { begindatum: '2026-02-15', einddatum: '2026-02-28' }),
          debet('R9', '2', { debetCredit: 'C', vorigReferentie: 'R1' }),
        ]),
        withOpen({ '2': [open('R1')] }, { prestaties: { R1: debetRecord('2', 'R1') } }),
        [2, 3],
      );
      expect(writes.filter((w) => w.key === OTW)).toHaveLength(1);
      expect(Object.keys(otwOf(writes))).toEqual(['1']);
      expect(otwOf(writes)['1']?.map((d) => d.referentieNummer)).toEqual(['R3']);
      expect(writes).not.toContainEqual(expect.objectContaining({ op: 'hdel', key: OTW }));
    });

    it('writes nothing when the declaration as a whole is refused', () => {
      const writes = planRegisterWrites(
        declaratie([debet('R3', '1')]),
        { view: withOpen({}), guards: [], verzoekClients: new Map() },
        keys,
        {
          messageId: 'm',
          violations: [
            { ruleId: 'TR333', retourCode: '9333', level: 3, location: '/Bericht/Declaratie' },
          ],
        },
      );
      expect(writes).toEqual([]);
    });
  });
});
