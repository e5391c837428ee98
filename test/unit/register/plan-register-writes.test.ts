import { describe, expect, it } from 'vitest';

import { start305, toewijzing301 } from '../../../bench/iwmo-messages.js';
import {
  type LeveringGroup,
  leveringGroupKey,
  startKey,
  type ToewijzingVersion,
} from '../../../src/domain/register/index.js';
import { parseMessage } from '../../../src/model/index.js';
import { planRegisterWrites, registerKeys } from '../../../src/register/index.js';
import type { AtomicWrite } from '../../../src/store/index.js';
import {
  BSN,
  client,
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
});
