import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../../src/config/index.js';
import {
  HEEN_MESSAGE_TYPES,
  type HeenMessageType,
  MESSAGE_CATALOGUE,
} from '../../../src/domain/message-types.js';
import type { MessageHeader } from '../../../src/model/header.js';
import { answerMessage, retourTypeFor } from '../../../src/retour/index.js';
import type { ValidationOutcome } from '../../../src/validation/outcome.js';
import type { CheckedMessage } from '../../../src/validation/pipeline.js';
import { createXsdValidator } from '../../../src/validation/xsd/index.js';

const GOLDEN_DIR = join(import.meta.dirname, '../../../samples/retours');
const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');

function headerFor(type: HeenMessageType): MessageHeader {
  const spec = MESSAGE_CATALOGUE[type];
  const gemeente = '0363';
  const aanbieder = '12345678';
  return {
    BerichtCode: spec.berichtCode,
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: spec.afzender === 'gemeente' ? gemeente : aanbieder,
    Ontvanger: spec.ontvanger === 'gemeente' ? gemeente : aanbieder,
    BerichtIdentificatie: { Identificatie: 'MSG-0001', Dagtekening: '2026-11-02' },
    XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
  };
}

function outcomes(type: HeenMessageType): [string, ValidationOutcome<CheckedMessage>][] {
  const message = { type, header: headerFor(type) };
  return [
    ['accepted', { kind: 'accepted', controlLevel: 2, message }],
    [
      'level2-rejected',
      {
        kind: 'rejected',
        stage: 'rules',
        controlLevel: 2,
        message,
        violations: [
          { ruleId: 'CS002', retourCode: '0001', level: 2, location: '/Bericht/Client/Bsn' },
        ],
      },
    ],
  ];
}

/** Compares with the golden file; UPDATE_GOLDEN=1 rewrites it (review the diff!). */
function expectGolden(name: string, xml: string): void {
  const file = join(GOLDEN_DIR, `${name}.xml`);
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(file)) {
    writeFileSync(file, xml);
  }
  expect(xml).toBe(readFileSync(file, 'utf8'));
}

describe('answerMessage', () => {
  for (const type of HEEN_MESSAGE_TYPES) {
    const retourType = retourTypeFor(type);
    for (const [name, outcome] of outcomes(type)) {
      it(`builds the ${String(retourType)} for a ${name} ${type}, valid against the project XSD`, () => {
        const retour = answerMessage(type, outcome, {
          retourId: 'R00000000007',
          retourDate: '2026-11-03',
          declaratie: {
            DeclaratieNummer: 'DEC2026110',
            TotaalIngediendBedrag: { TotaalBedrag: 123456, DebetCredit: 'D' },
          },
        });
        expect(retour).toBeDefined();
        expect(retour?.type).toBe(retourType);
        expect(xsd.validate(retour!.type, Buffer.from(retour!.xml))).toEqual({ valid: true });
        expectGolden(`${String(retourType)}-${name}`, retour!.xml);
      });
    }
  }

  describe('when the heen message failed the XSD', () => {
    it('builds no retour (level 1 is answered at transport level)', () => {
      const outcome: ValidationOutcome<CheckedMessage> = {
        kind: 'rejected',
        stage: 'xsd',
        controlLevel: 1,
        wellFormed: true,
        issues: [{ message: 'bad', line: 3, element: 'Bsn' }],
      };
      expect(
        answerMessage('WMO301', outcome, { retourId: 'R1', retourDate: '2026-11-03' }),
      ).toBeUndefined();
    });
  });

  describe('when the message is itself a retour or a 325', () => {
    it('builds nothing: retours and declaratie-antwoorden are not answered', () => {
      const header = headerFor('WMO301');
      for (const type of ['WMO302', 'WMO325'] as const) {
        const outcome: ValidationOutcome<CheckedMessage> = {
          kind: 'accepted',
          controlLevel: 2,
          message: { type, header },
        };
        expect(
          answerMessage(type, outcome, { retourId: 'R1', retourDate: '2026-11-03' }),
        ).toBeUndefined();
      }
    });
  });

  describe('when a WMO323 is fully accepted', () => {
    it('grants the full amount with 0200 in the header and 8001 on DeclaratieAntwoord', () => {
      const [, accepted] = outcomes('WMO323')[0]!;
      const retour = answerMessage('WMO323', accepted, {
        retourId: 'R2',
        retourDate: '2026-11-03',
        declaratie: {
          DeclaratieNummer: 'D1',
          TotaalIngediendBedrag: { TotaalBedrag: 500, DebetCredit: 'C' },
        },
      });
      expect(retour?.codes).toEqual(['0200']);
      expect(retour?.xml).toMatch(
        /<wmo325:TotaalToegekendBedrag>\s*<iwmo:TotaalBedrag>500<\/iwmo:TotaalBedrag>\s*<iwmo:DebetCredit>C<\/iwmo:DebetCredit>/,
      );
      expect(retour?.xml).toContain('<wmo325:RetourCode>8001</wmo325:RetourCode>');
      // The 325's own Afzender is the gemeente that received the 323.
      expect(retour?.xml).toContain('<wmo325:Afzender>0363</wmo325:Afzender>');
      expect(() =>
        answerMessage('WMO323', accepted, { retourId: 'R3', retourDate: '2026-11-03' }),
      ).toThrow();
    });
  });
});
