import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../src/model/index.js';
import { TR378 } from '../../../../../src/validation/rules/tr378.js';
import {
  aangevraagdProduct,
  toegewezenProduct,
  wmo301,
  wmo305,
  wmo315,
} from '../../../../helpers/rules-messages.js';
import { declaration, from, priced } from './declarations.js';
import { check } from './level4-fixtures.js';

const WEESP = '0457';

/** A WMO301 from `afzender`, dated `dagtekening`, for a toewijzing starting on `ingangsdatum`. */
function toewijzing(afzender: string, dagtekening: string, ingangsdatum: string): ParsedMessage {
  const msg = wmo301(
    {
      ToegewezenProducten: [
        toegewezenProduct({ Ingangsdatum: ingangsdatum, Toewijzingsdatum: ingangsdatum }),
      ],
    },
    dagtekening,
  );
  return { ...msg, header: { ...msg.header, Afzender: afzender, Ontvanger: '12345678' } };
}

describe('TR378', () => {
  describe('Weesp (0457), merged into Amsterdam on 2022-03-24', () => {
    it('accepts a toewijzing sent before the merger', () => {
      expect(check(TR378, toewijzing(WEESP, '2022-03-23', '2022-03-01'))).toEqual([]);
    });

    it('accepts it after the merger for a toewijzing that started on the last day of Weesp', () => {
      expect(check(TR378, toewijzing(WEESP, '2022-05-02', '2022-03-23'))).toEqual([]);
    });

    it('refuses it for a toewijzing that started on the day of the merger', () => {
      expect(check(TR378, toewijzing(WEESP, '2022-05-02', '2022-03-24'))).toEqual([
        {
          ruleId: 'TR378',
          retourCode: 'S300',
          level: 4,
          location: '/Bericht/Header/Afzender',
          detail:
            'gemeentecode 0457 staat niet in de CBS-lijst op de Dagtekening 2022-05-02 of op een Ingangsdatum',
        },
      ]);
    });

    it('accepts Amsterdam from the day of the merger, and always', () => {
      expect(check(TR378, toewijzing('0363', '2022-03-24', '2022-03-24'))).toEqual([]);
    });

    it('uses the ToewijzingIngangsdatum of a verzoek om toewijzing (315), at the Ontvanger', () => {
      const verzoek = (ingangsdatum: string) => {
        const msg = wmo315([aangevraagdProduct({ ToewijzingIngangsdatum: ingangsdatum })]);
        return { ...msg, header: { ...msg.header, Afzender: '12345678', Ontvanger: WEESP } };
      };
      expect(check(TR378, verzoek('2022-03-23'))).toEqual([]);
      expect(check(TR378, verzoek('2022-03-24')).map((v) => v.location)).toEqual([
        '/Bericht/Header/Ontvanger',
      ]);
    });

    it('uses the first day of each ProductPeriode of a declaration', () => {
      const declaratie = (begin: string) =>
        declaration([priced('01A01', '01', 3_200, from(begin, '2022-03-31'))], {
          gemeente: WEESP,
          dagtekening: '2022-04-05',
        });
      expect(check(TR378, declaratie('2022-03-01'))).toEqual([]);
      expect(check(TR378, declaratie('2022-03-24'))).toHaveLength(1);
    });

    it('uses only the Dagtekening for a start without ToewijzingIngangsdatum', () => {
      const start = (dagtekening: string) => {
        const msg = wmo305({ Datum: '1950-01-01' }, dagtekening);
        return { ...msg, header: { ...msg.header, Afzender: '12345678', Ontvanger: WEESP } };
      };
      expect(check(TR378, start('2022-03-23'))).toEqual([]);
      expect(check(TR378, start('2022-03-24'))).toHaveLength(1);
    });
  });

  describe('a code created in a herindeling (Dijk en Waard 1980, 2022-01-01)', () => {
    it('is refused before its first day and accepted from it', () => {
      expect(check(TR378, toewijzing('1980', '2021-12-31', '2021-12-01'))).toHaveLength(1);
      expect(check(TR378, toewijzing('1980', '2022-01-01', '2021-12-01'))).toEqual([]);
    });
  });

  it('refuses a code that never existed', () => {
    expect(check(TR378, toewijzing('0000', '2026-03-02', '2026-03-01'))).toHaveLength(1);
  });
});
