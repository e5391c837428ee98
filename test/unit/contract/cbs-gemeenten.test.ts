import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { GatewayError } from '../../../src/errors/index.js';
import {
  BUNDLED_CBS_GEMEENTEN_FILE,
  CbsGemeenten,
  loadCbsGemeenten,
} from '../../../src/reference-data/index.js';
import { SHARED_DIR } from '../../helpers/shared-reference.js';

const CBS_MD = join(SHARED_DIR, 'reference/iwmo/3.2/codelijsten/CBS_Gemeentecodes.md');

describe('the bundled CBS gemeenten list', () => {
  const cbs = loadCbsGemeenten();

  it('holds the 342 current gemeenten and the historic codes', () => {
    const raw = JSON.parse(readFileSync(BUNDLED_CBS_GEMEENTEN_FILE, 'utf8')) as {
      gemeenten: { validUntil?: string }[];
    };
    expect(raw.gemeenten.filter((g) => g.validUntil === undefined)).toHaveLength(342);
    expect(cbs.size).toBe(raw.gemeenten.length);
  });

  describe('Weesp (0457), merged into Amsterdam (0363) on 2022-03-24', () => {
    it('is a code up to and including 2022-03-23', () => {
      expect(cbs.isValidOn('0457', '2022-03-23')).toBe(true);
      expect(cbs.isValidOn('0457', '2019-06-01')).toBe(true);
    });

    it('is no code from 2022-03-24', () => {
      expect(cbs.isValidOn('0457', '2022-03-24')).toBe(false);
      expect(cbs.isValidOn('0363', '2022-03-24')).toBe(true);
    });
  });

  describe('a code created in a herindeling (Dijk en Waard 1980, 2022-01-01)', () => {
    it('is valid from its first day only', () => {
      expect(cbs.isValidOn('1980', '2021-12-31')).toBe(false);
      expect(cbs.isValidOn('1980', '2022-01-01')).toBe(true);
      expect(cbs.isValidOn('0398', '2021-12-31')).toBe(true);
      expect(cbs.isValidOn('0398', '2022-01-01')).toBe(false);
    });
  });

  it('knows the seven gemeenten of Gooi en Vechtstreek and not an unknown code', () => {
    for (const code of ['0376', '0317', '1942', '0402', '0406', '0417', '1696']) {
      expect(cbs.isValidOn(code, '2026-01-01'), code).toBe(true);
    }
    expect(cbs.isValidOn('0000', '2026-01-01')).toBe(false);
    expect(cbs.isValidOn('9999', '2026-01-01')).toBe(false);
  });

  it.skipIf(!existsSync(CBS_MD))(
    'has exactly the current codes of the CBS list in ../shared',
    () => {
      const listed = [...readFileSync(CBS_MD, 'utf8').matchAll(/^\| (\d{4}) \| ([^|]+?) \|/gm)].map(
        (m) => m[1],
      );
      const raw = JSON.parse(readFileSync(BUNDLED_CBS_GEMEENTEN_FILE, 'utf8')) as {
        gemeenten: { code: string; validUntil?: string }[];
      };
      const current = raw.gemeenten.filter((g) => g.validUntil === undefined).map((g) => g.code);
      expect([...current].sort()).toEqual([...listed].sort());
    },
  );
});

describe('CbsGemeenten.fromData', () => {
  const base = {
    format: 'iwmo-gateway/cbs-gemeenten@1',
    source: 'test',
    listDate: '2026-01-01',
  };

  it('lists every problem: overlapping periods and a successor that does not exist', () => {
    let error: unknown;
    try {
      CbsGemeenten.fromData({
        ...base,
        gemeenten: [
          { code: '0001', name: 'A', province: 'P', validUntil: '2020-12-31', mergedInto: '0002' },
          { code: '0001', name: 'A2', province: 'P', validFrom: '2020-12-31' },
          {
            code: '0003',
            name: 'C',
            province: 'P',
            validFrom: '2021-01-02',
            validUntil: '2021-01-01',
          },
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GatewayError);
    const message = (error as GatewayError).message;
    expect(message).toContain('periods of code 0001 overlap');
    expect(message).toContain('mergedInto 0002 is not a gemeentecode on 2021-01-01');
    expect(message).toContain('validUntil is before validFrom at gemeenten[2]');
  });

  it('reports schema problems with their paths', () => {
    expect(() =>
      CbsGemeenten.fromData({ ...base, gemeenten: [{ code: '12', name: 'X', province: 'P' }] }),
    ).toThrow(/gemeenten\[0\]\.code/);
  });
});
