import { describe, expect, it } from 'vitest';

import { generateDeclaration } from '../../../bench/generate-declaration.js';
import { BUNDLED_SCHEMA_DIR } from '../../../src/config/index.js';
import type { HeenMessageType } from '../../../src/domain/message-types.js';
import { type ParsedMessage, parseMessage } from '../../../src/model/index.js';
import { answerMessage, judgeDeclaratie, signedBedrag } from '../../../src/retour/index.js';
import type { ValidationOutcome } from '../../../src/validation/outcome.js';
import { checkLevel2 } from '../../../src/validation/rules/index.js';
import type { Violation } from '../../../src/validation/violation.js';
import { createXsdValidator } from '../../../src/validation/xsd/index.js';
import { validSample } from '../../helpers/sample-messages.js';

const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
const CONTEXT = { retourId: 'R00000000042', retourDate: '2026-11-03' };

function violation(retourCode: string, location: string): Violation {
  return { ruleId: 'TR999', retourCode, level: 3, location };
}

function rejected(
  type: HeenMessageType,
  xml: string,
  violations: readonly Violation[],
): ValidationOutcome<ParsedMessage> {
  return {
    kind: 'rejected',
    stage: 'rules',
    controlLevel: 3,
    message: parseMessage(type, xml),
    violations,
  };
}

function answer(type: HeenMessageType, xml: string, violations: readonly Violation[]) {
  const retour = answerMessage(type, rejected(type, xml, violations), { ...CONTEXT, heenXml: xml });
  expect(retour).toBeDefined();
  expect(xsd.validate(retour!.type, Buffer.from(retour!.xml))).toEqual({ valid: true });
  return { retour: retour!, parsed: parseMessage(retour!.type, retour!.xml) };
}

describe('answerMessage on level 3', () => {
  describe('when a class of a WMO301 is rejected', () => {
    it('copies the whole Client with 0200 on every class and the code on the rejected one', () => {
      const xml = validSample('WMO301');
      const { retour, parsed } = answer('WMO301', xml, [
        violation(
          '9332',
          '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/ToewijzingNummer',
        ),
      ]);
      expect(retour.codes).toEqual(['0200', '9332']);
      if (parsed.type !== 'WMO302' || parsed.Client === undefined) {
        throw new Error('expected a WMO302 with a Client');
      }
      const heen = parseMessage('WMO301', xml);
      if (heen.type !== 'WMO301') {
        throw new Error('expected a WMO301');
      }
      expect(parsed.header.RetourCodes).toEqual(['0200']);
      expect(parsed.Client.RetourCodes).toEqual(['0200']);
      expect(parsed.Client.Relaties?.map((r) => [r.RetourCodes, r.Contact.RetourCodes])).toEqual([
        [['0200'], ['0200']],
      ]);
      expect(parsed.Client.Contactgegevens.map((c) => c.RetourCodes)).toEqual([['0200'], ['0200']]);
      expect(parsed.Client.ToegewezenProducten.map((p) => p.RetourCodes)).toEqual([
        ['0200'],
        ['9332'],
      ]);
      // Copied unchanged: the retour's classes carry the heen values.
      const strip = <T extends object>(value: T): unknown =>
        JSON.parse(
          JSON.stringify(value, (key, v: unknown) => (key === 'RetourCodes' ? undefined : v)),
        );
      expect(strip(parsed.Client)).toEqual(strip(heen.Client));
    });
  });

  describe.each([
    ['WMO305', '/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering', '9063'],
    ['WMO307', '/Bericht/Client/StopProducten/StopProduct/Begindatum', '9069'],
    [
      'WMO315',
      '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ReferentieAanbieder',
      '9347',
    ],
    [
      'WMO317',
      '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/GewensteIngangsdatum',
      '9357',
    ],
    ['WMO319', '/Bericht/Antwoord/ReferentieAanbieder', '9355'],
  ] as const)('when a class of a %s is rejected', (type, location, code) => {
    it(`puts ${code} on that class and builds an XSD-valid retour`, () => {
      const { retour } = answer(type, validSample(type), [violation(code, location)]);
      expect(retour.codes).toEqual(['0200', code]);
      expect(retour.xml).toContain(`<${retour.type.toLowerCase()}:RetourCode>${code}<`);
      expect(retour.xml).toContain(`<${retour.type.toLowerCase()}:RetourCode>0200<`);
    });
  });

  describe('when the Client of a WMO317 is rejected', () => {
    it('marks every class below it as not assessed (0233)', () => {
      const { parsed } = answer('WMO317', validSample('WMO317'), [
        violation('8187', '/Bericht/Client/Bsn'),
        violation(
          '9350',
          '/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct/ToewijzingNummer',
        ),
      ]);
      if (parsed.type !== 'WMO318' || parsed.Client === undefined) {
        throw new Error('expected a WMO318 with a Client');
      }
      expect(parsed.Client.RetourCodes).toEqual(['8187']);
      expect(parsed.Client.Verzoek.RetourCodes).toEqual(['0233']);
      expect(parsed.Client.Verzoek.OngewijzigdeProducten?.[0]?.RetourCodes).toEqual(['0233']);
      expect(parsed.Client.Verzoek.NieuweProducten?.[0]?.RetourCodes).toEqual(['0233']);
    });
  });

  describe('when the Header is in error (TR056)', () => {
    it('answers header-only with that code', () => {
      const { retour, parsed } = answer('WMO305', validSample('WMO305'), [
        violation('9056', '/Bericht/Header/BerichtIdentificatie/Identificatie'),
        violation('9063', '/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering'),
      ]);
      expect(retour.codes).toEqual(['9056']);
      if (parsed.type !== 'WMO306') {
        throw new Error('expected a WMO306');
      }
      expect(parsed.Client).toBeUndefined();
      expect(parsed.header.RetourCodes).toEqual(['9056']);
    });
  });
});

/** Deterministic pseudo-random numbers for the property test. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

describe('the WMO325 for a declaration judged per Prestatie', () => {
  it('holds TR342 and validates for many generated declarations with random refusals', () => {
    for (let seed = 1; seed <= 120; seed += 1) {
      const next = random(seed);
      const xml = generateDeclaration({
        clients: 1 + Math.floor(next() * 12),
        prestatiesPerClient: 1 + Math.floor(next() * 4),
        seed,
        creditShare: 0.3,
      });
      const message = parseMessage('WMO323', xml);
      if (message.type !== 'WMO323') {
        throw new Error('expected a WMO323');
      }
      const clienten = message.Declaratie.Clienten;
      const violations: Violation[] = [];
      const at = (c: number): string => (clienten.length > 1 ? `Client[${c}]` : 'Client');
      for (const client of clienten) {
        if (next() < 0.1) {
          violations.push(
            violation('8187', `/Bericht/Declaratie/Clienten/${at(client.position)}/Bsn`),
          );
        }
        for (const prestatie of client.Prestaties) {
          if (next() < 0.25) {
            const p =
              client.Prestaties.length > 1 ? `Prestatie[${prestatie.position}]` : 'Prestatie';
            violations.push(
              violation(
                '9307',
                `/Bericht/Declaratie/Clienten/${at(client.position)}/Prestaties/${p}/ProductPeriode/Begindatum`,
              ),
            );
          }
        }
      }
      const whole = seed % 10 === 0;
      if (whole) {
        violations.push(violation('9333', '/Bericht/Declaratie/DeclaratieNummer'));
      }
      const retour = answerMessage('WMO323', rejected('WMO323', xml, violations), CONTEXT);
      expect(xsd.validate('WMO325', Buffer.from(retour!.xml)), `seed ${seed}`).toEqual({
        valid: true,
      });
      const antwoord = parseMessage('WMO325', retour!.xml);
      expect(checkLevel2(antwoord, {}), `seed ${seed}`).toEqual([]);
      if (antwoord.type !== 'WMO325' || antwoord.DeclaratieAntwoord === undefined) {
        throw new Error('expected a DeclaratieAntwoord');
      }
      const judgement = judgeDeclaratie(message.Declaratie, violations);
      const toegekend = antwoord.DeclaratieAntwoord.TotaalToegekendBedrag;
      const signed =
        toegekend.DebetCredit === 'C' ? -toegekend.TotaalBedrag : toegekend.TotaalBedrag;
      if (whole) {
        expect(signed).toBe(0);
        expect(antwoord.DeclaratieAntwoord.RetourCodes).toEqual(['9333']);
        expect(antwoord.DeclaratieAntwoord.Clienten).toBeUndefined();
        continue;
      }
      expect(signed).toBe(judgement.toegekend);
      const returned = (antwoord.DeclaratieAntwoord.Clienten ?? []).flatMap((c) => c.Prestaties);
      expect(returned).toHaveLength(judgement.refused);
      const ingediend = message.Declaratie.Clienten.flatMap((c) => c.Prestaties).reduce(
        (sum, p) => sum + signedBedrag(p),
        0,
      );
      expect(returned.reduce((sum, p) => sum + signedBedrag(p), 0)).toBe(ingediend - signed);
      expect(antwoord.header.RetourCodes).toEqual(['0200']);
      expect(antwoord.DeclaratieAntwoord.RetourCodes).toEqual([
        judgement.refused === 0 ? '8001' : '0200',
      ]);
    }
  });
});
