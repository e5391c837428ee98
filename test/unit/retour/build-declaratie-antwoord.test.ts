import { describe, expect, it } from 'vitest';

import { generateDeclaration } from '../../../bench/generate-declaration.js';
import { parseMessage } from '../../../src/model/index.js';
import {
  buildDeclaratieAntwoord,
  type DeclaratieAntwoordClient,
  type DeclaratieAntwoordInput,
} from '../../../src/retour/index.js';
import { escapeText, PrettyXmlWriter } from '../../../src/retour/pretty-xml-writer.js';
import { referenceDeclaratieAntwoord } from '../../helpers/reference-declaratie-antwoord.js';

/**
 * The WMO325 is written as text (PrettyXmlWriter) instead of through an xmlbuilder2 DOM; it must
 * stay byte for byte what xmlbuilder2 wrote (test/helpers/reference-declaratie-antwoord.ts).
 */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

function declaration(seed: number) {
  const message = parseMessage(
    'WMO323',
    generateDeclaration({
      clients: 1 + (seed % 9),
      prestatiesPerClient: 3,
      seed,
      creditShare: 0.3,
    }),
  );
  if (message.type !== 'WMO323') {
    throw new Error('expected a WMO323');
  }
  return message;
}

function inputOf(seed: number): DeclaratieAntwoordInput {
  const next = random(seed);
  const message = declaration(seed);
  const clienten: DeclaratieAntwoordClient[] = message.Declaratie.Clienten.map((client) => ({
    Bsn: client.Bsn,
    codes: next() < 0.2 ? ['8187', '0233'] : ['0200'],
    prestaties: client.Prestaties.filter(() => next() < 0.6).map((prestatie) => ({
      prestatie,
      codes: next() < 0.5 ? ['9307'] : ['0611', '9389'],
    })),
  }));
  const header = message.header;
  return {
    declaratieHeader: header,
    antwoordId: 'R00000000042',
    antwoordDate: '2026-11-03',
    headerCodes: seed % 7 === 0 ? ['0001'] : ['0200'],
    ...(seed % 7 === 0 ? { xsltVersie: '2.10.5' } : {}),
    ...(seed % 5 === 0
      ? {}
      : {
          antwoord: {
            DeclaratieNummer: message.Declaratie.DeclaratieNummer,
            TotaalIngediendBedrag: message.Declaratie.TotaalIngediendBedrag,
            TotaalToegekendBedrag: { TotaalBedrag: seed * 101, DebetCredit: 'D' as const },
            codes: ['0200'],
            clienten,
          },
        }),
  };
}

describe('buildDeclaratieAntwoord', () => {
  it('writes what xmlbuilder2 wrote, for many generated answers', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const input = inputOf(seed);
      expect(buildDeclaratieAntwoord(input), `seed ${seed}`).toBe(
        referenceDeclaratieAntwoord(input),
      );
    }
  });

  it('escapes text and self-closes empty elements as xmlbuilder2 does', () => {
    const input = inputOf(3);
    const client = input.antwoord?.clienten?.[0];
    const prestatie = client?.prestaties[0]?.prestatie;
    if (input.antwoord === undefined || client === undefined || prestatie === undefined) {
      throw new Error('the generated answer has no refused Prestatie');
    }
    const odd: DeclaratieAntwoordInput = {
      ...input,
      antwoord: {
        ...input.antwoord,
        DeclaratieNummer: 'A&B<1>"2\'',
        clienten: [
          {
            Bsn: '',
            codes: ['0200'],
            prestaties: [
              {
                prestatie: {
                  ...prestatie,
                  ProductReferentie: { ReferentieNummer: 'R&D]]>', VorigReferentieNummer: '<x>' },
                },
                codes: ['9307'],
              },
            ],
          },
          { Bsn: '999990019', codes: ['0200'], prestaties: [] },
        ],
      },
    };
    const xml = buildDeclaratieAntwoord(odd);
    expect(xml).toBe(referenceDeclaratieAntwoord(odd));
    expect(xml).toContain(
      '<wmo325:DeclaratieNummer>A&amp;B&lt;1&gt;"2\'</wmo325:DeclaratieNummer>',
    );
    expect(xml).toContain('<wmo325:Bsn/>');
    expect(xml).toContain('<wmo325:Prestaties/>');
  });

  it('copies 20,000 refused Prestaties in well under a second', () => {
    const message = declaration(11);
    const prestatie = message.Declaratie.Clienten[0]?.Prestaties[0];
    if (prestatie === undefined) {
      throw new Error('no Prestatie');
    }
    const prestaties = Array.from({ length: 20_000 }, () => ({ prestatie, codes: ['9307'] }));
    const input: DeclaratieAntwoordInput = {
      ...inputOf(11),
      antwoord: {
        DeclaratieNummer: 'D1',
        TotaalIngediendBedrag: { TotaalBedrag: 1, DebetCredit: 'D' },
        TotaalToegekendBedrag: { TotaalBedrag: 0, DebetCredit: 'D' },
        codes: ['0200'],
        clienten: [{ Bsn: '999990019', codes: ['0200'], prestaties }],
      },
    };
    const start = performance.now();
    const xml = buildDeclaratieAntwoord(input);
    // xmlbuilder2 took ≈ 4 s here; a generous bound, so that a loaded machine does not fail it.
    expect(performance.now() - start).toBeLessThan(1_500);
    expect(xml.split('<wmo325:Prestatie>').length - 1).toBe(20_000);
  });
});

describe('PrettyXmlWriter', () => {
  it('refuses to close what is not open and to finish with open elements', () => {
    const writer = new PrettyXmlWriter();
    expect(() => writer.close('a')).toThrow(/no open element/);
    writer.open('a');
    expect(() => writer.toString()).toThrow(/not closed/);
  });

  it('leaves text without &, < and > as it is', () => {
    const text = 'geen bijzondere tekens "\' é';
    expect(escapeText(text)).toBe(text);
    expect(escapeText('a&b<c>d')).toBe('a&amp;b&lt;c&gt;d');
  });
});
