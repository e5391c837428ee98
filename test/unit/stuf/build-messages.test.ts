import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  buildBv03,
  buildDi01,
  buildFo01,
  buildRetourEnvelope,
  EnvelopeSchema,
  GATEWAY_APPLICATIE,
  MAX_LISTED_ISSUES,
  renderDocument,
  soapEnvelope,
  soapFault,
  stufFault,
  type XmlNode,
} from '../../../src/stuf/index.js';
import { di01Input, expectStufGolden, HEEN, iwmoSample } from './stuf-fixtures.js';

const schema = EnvelopeSchema.fromDir();
afterAll(() => schema.close());

const RETOURS_DIR = join(import.meta.dirname, '../../../samples/retours');
const UITGAAND = {
  referentienummer: '0d6b5f2a-93c1-4e7b-8a45-6c2e9f1b7d30',
  tijdstipBericht: '20261102101501234',
};
const XSD_ISSUE = {
  message:
    "Element '{http://www.istandaarden.nl/iwmo/3_2/basisschema/schema}Geslacht': [facet 'enumeration'] The value '7' is not an element of the set {'0', '1', '2'}.",
  line: 24,
  element: 'Geslacht',
  path: '/wmo301:Bericht/wmo301:Client/wmo301:Geslacht',
};

/** Renders, checks against the project envelope schema and compares with the golden file. */
function expectValidGolden(name: string, node: XmlNode): string {
  const xml = renderDocument(node);
  expect(schema.validate(Buffer.from(xml))).toEqual({ valid: true });
  expectStufGolden(name, xml);
  return xml;
}

describe('the StUF-GGk builders', () => {
  describe('buildDi01', () => {
    it('wraps a WMO301 as base64 xmlBestand with the sender stuurgegevens', () => {
      const xml = expectValidGolden('di01-wmo301.xml', buildDi01(di01Input(iwmoSample('WMO301'))));
      expect(xml).toContain('<StUF:berichtcode>Di01</StUF:berichtcode>');
      expect(xml).not.toContain('crossRefnummer');
    });

    it('gives the SOAP 1.1 request a sender posts', () => {
      expectValidGolden(
        'soap11-di01-wmo301.xml',
        soapEnvelope('1.1', buildDi01(di01Input(iwmoSample('WMO301')))),
      );
    });
  });

  describe('buildBv03', () => {
    it('swaps zender and ontvanger and points crossRefnummer to the Di01', () => {
      const xml = expectValidGolden('bv03.xml', buildBv03(HEEN, UITGAAND));
      expect(xml).toContain(`<StUF:crossRefnummer>${HEEN.referentienummer}</StUF:crossRefnummer>`);
      expect(xml.indexOf('<StUF:organisatie>12345678')).toBeLessThan(
        xml.indexOf('<StUF:organisatie>0363'),
      );
    });

    it('is valid in a SOAP 1.1 and a SOAP 1.2 response', () => {
      expectValidGolden('soap11-bv03.xml', soapEnvelope('1.1', buildBv03(HEEN, UITGAAND)));
      expectValidGolden('soap12-bv03.xml', soapEnvelope('1.2', buildBv03(HEEN, UITGAAND)));
    });
  });

  describe('buildRetourEnvelope', () => {
    const retourXml = readFileSync(join(RETOURS_DIR, 'WMO302-accepted.xml'), 'utf8');

    it('puts a WMO302 in a Du01 whose crossRefnummer is the Di01 referentienummer', () => {
      const node = buildRetourEnvelope({
        heen: HEEN,
        messageId: '6a1f0c2e-5b7d-4e8a-9f3c-1d2b4a6c8e0f',
        retourType: 'WMO302',
        retourXml,
        decidedAt: new Date('2026-11-02T09:16:00.000Z'),
      });
      const xml = expectValidGolden('du01-wmo302.xml', node);
      expect(xml).toContain('<StUF:berichtcode>Du01</StUF:berichtcode>');
      expect(xml).toContain(`<StUF:crossRefnummer>${HEEN.referentienummer}</StUF:crossRefnummer>`);
      expect(xml).toContain('<StUF:functie>WMO302</StUF:functie>');
      // 09:16 UTC is 10:16 in Amsterdam (CET)
      expect(xml).toContain('<StUF:tijdstipBericht>20261102101600000</StUF:tijdstipBericht>');
      const base64 = /<GGK:xmlBestand>([^<]+)</.exec(xml)?.[1] ?? '';
      expect(Buffer.from(base64, 'base64').toString('utf8')).toBe(retourXml);
    });

    it('addresses the Du01 from the Di01 ontvanger to the Di01 zender via the GGk', () => {
      const xml = renderDocument(
        buildRetourEnvelope({
          heen: HEEN,
          messageId: 'x',
          retourType: 'WMO302',
          retourXml,
          decidedAt: new Date(0),
        }),
      );
      expect(xml).toMatch(
        new RegExp(
          `<StUF:zender>\\s*<StUF:organisatie>12345678</StUF:organisatie>\\s*<StUF:applicatie>${GATEWAY_APPLICATIE}</StUF:applicatie>`,
        ),
      );
      expect(xml).toMatch(
        /<StUF:ontvanger>\s*<StUF:organisatie>0363<\/StUF:organisatie>\s*<StUF:applicatie>GGk<\/StUF:applicatie>/,
      );
    });

    it('gives the same referentienummer for the same message and another for another', () => {
      const reference = (messageId: string): string =>
        /<StUF:referentienummer>([^<]+)</.exec(
          renderDocument(
            buildRetourEnvelope({
              heen: HEEN,
              messageId,
              retourType: 'WMO302',
              retourXml,
              decidedAt: new Date(0),
            }),
          ),
        )?.[1] ?? '';
      expect(reference('a')).toBe(reference('a'));
      expect(reference('a')).not.toBe(reference('b'));
      expect(reference('a')).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    });

    it('sends the WMO325 declaratie-antwoord as a Di01 of its own (fact sheet §8.1)', () => {
      const node = buildRetourEnvelope({
        heen: { ...HEEN, functie: 'WMO323' },
        messageId: '6a1f0c2e-5b7d-4e8a-9f3c-1d2b4a6c8e0f',
        retourType: 'WMO325',
        retourXml: readFileSync(join(RETOURS_DIR, 'WMO325-accepted.xml'), 'utf8'),
        decidedAt: new Date('2026-11-02T09:16:00.000Z'),
      });
      const xml = expectValidGolden('di01-wmo325.xml', node);
      expect(xml).toContain('<StUF:berichtcode>Di01</StUF:berichtcode>');
      expect(xml).not.toContain('crossRefnummer');
    });
  });

  describe('buildFo01', () => {
    it('carries StUF055 with details and every XSD finding (element, line, path)', () => {
      const node = buildFo01({
        antwoordOp: HEEN,
        uitgaand: UITGAAND,
        fault: stufFault('StUF055', 'element Geslacht, regel 24', [XSD_ISSUE]),
        gatewayApplicatie: GATEWAY_APPLICATIE,
      });
      const xml = expectValidGolden('fo01-stuf055.xml', node);
      expect(xml).toContain('<StUF:code>StUF055</StUF:code>');
      expect(xml).toContain('<StUF:plek>client</StUF:plek>');
      expect(xml).toContain('<StUF:details>WMO301-00040003</StUF:details>');
      expect(xml).toContain(`<StUF:crossRefnummer>${HEEN.referentienummer}</StUF:crossRefnummer>`);
      expect(xml).toContain('element="Geslacht" regel="24"');
    });

    it('is the detail of a SOAP 1.1 Client fault and a SOAP 1.2 Sender fault', () => {
      const fo01 = buildFo01({
        antwoordOp: HEEN,
        uitgaand: UITGAAND,
        fault: stufFault('StUF055', 'element Geslacht, regel 24', [XSD_ISSUE]),
        gatewayApplicatie: GATEWAY_APPLICATIE,
      });
      const reason = 'Berichtbody is niet conform schema in sectormodel';
      const soap11 = expectValidGolden(
        'soap11-fault-stuf055.xml',
        soapFault('1.1', { plek: 'client', reason, detail: fo01 }),
      );
      expect(soap11).toContain('<faultcode>soap:Client</faultcode>');
      const soap12 = expectValidGolden(
        'soap12-fault-stuf055.xml',
        soapFault('1.2', { plek: 'client', reason, detail: fo01 }),
      );
      expect(soap12).toContain('<env:Value>env:Sender</env:Value>');
    });

    it('stays valid for a broken envelope: unusable values are left out or replaced', () => {
      const node = buildFo01({
        antwoordOp: {
          zender: { organisatie: 'x'.repeat(201), applicatie: 'ab' },
          referentienummer: 'r'.repeat(41),
          functie: 'WMO301',
        },
        uitgaand: UITGAAND,
        fault: stufFault('IB001', 'a'.repeat(500)),
        gatewayApplicatie: GATEWAY_APPLICATIE,
      });
      const xml = renderDocument(node);
      expect(schema.validate(Buffer.from(xml))).toEqual({ valid: true });
      expect(xml).toContain('<StUF:crossRefnummer></StUF:crossRefnummer>');
      expect(xml).toContain('<StUF:details>WMO301-</StUF:details>');
      expect(/<StUF:omschrijving>([^<]*)</.exec(xml)?.[1]).toHaveLength(200);
    });

    it(`lists at most ${MAX_LISTED_ISSUES} findings and counts the rest`, () => {
      const issues = Array.from({ length: MAX_LISTED_ISSUES + 7 }, (_, i) => ({
        ...XSD_ISSUE,
        line: i + 1,
      }));
      const xml = renderDocument(
        buildFo01({
          antwoordOp: HEEN,
          uitgaand: UITGAAND,
          fault: stufFault('StUF055', undefined, issues),
          gatewayApplicatie: GATEWAY_APPLICATIE,
        }),
      );
      expect(xml.match(/<xsdFout /g)).toHaveLength(MAX_LISTED_ISSUES);
      expect(xml).toContain('<meerFouten>7</meerFouten>');
      expect(schema.validate(Buffer.from(xml))).toEqual({ valid: true });
    });

    it('escapes markup and replaces characters XML cannot carry', () => {
      const xml = renderDocument(
        buildFo01({
          antwoordOp: { functie: '<x>&"\u0001' },
          uitgaand: UITGAAND,
          fault: stufFault('IB004', "functie <x>&'"),
          gatewayApplicatie: GATEWAY_APPLICATIE,
        }),
      );
      expect(xml).toContain('<StUF:details>&lt;x&gt;&amp;&quot;\uFFFD-</StUF:details>');
      expect(schema.validate(Buffer.from(xml))).toEqual({ valid: true });
    });
  });
});
