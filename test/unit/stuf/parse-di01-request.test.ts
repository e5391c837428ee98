import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import {
  buildBv03,
  type Di01ParseResult,
  EnvelopeSchema,
  parseDi01Request,
  renderDocument,
  soapEnvelope,
} from '../../../src/stuf/index.js';
import { di01Request, HEEN, inSoap11, iwmoSample } from './stuf-fixtures.js';

const schema = EnvelopeSchema.fromDir();
afterAll(() => schema.close());

const OFFICIAL_EXAMPLES = resolve(
  process.cwd(),
  '../shared/reference/iwmo/stuf-ggk0210-2.1.04/ggk0210/voorbeeldberichten',
);

function parse(xml: string | Uint8Array): Di01ParseResult {
  return parseDi01Request(typeof xml === 'string' ? Buffer.from(xml) : xml, schema, '1.1');
}

function refusal(result: Di01ParseResult) {
  if (result.kind !== 'refused') {
    throw new Error('expected a refusal');
  }
  return result;
}

describe('parseDi01Request', () => {
  describe('when the request is a valid SOAP 1.1 Di01', () => {
    it('returns the stuurgegevens, parameters and the decoded payload', () => {
      const payload = iwmoSample('WMO301');
      const result = parse(di01Request(payload));
      expect(result).toEqual({
        kind: 'di01',
        request: {
          soapVersion: '1.1',
          heen: HEEN,
          bestand: { kind: 'xml', content: Buffer.from(payload) },
        },
      });
    });

    it('decodes a payload whose base64 is split over lines', () => {
      const payload = iwmoSample('WMO301');
      const base64 = Buffer.from(payload).toString('base64');
      const wrapped = base64.replace(/.{76}/g, '$&\r\n');
      const xml = di01Request(payload).replace(base64, wrapped);
      const result = parse(xml);
      expect(result.kind === 'di01' && result.request.bestand.content.toString()).toBe(payload);
    });
  });

  describe('when the request is a SOAP 1.2 Di01', () => {
    it('answers in SOAP 1.2', () => {
      const result = parse(di01Request(iwmoSample('WMO301'), {}, '1.2'));
      expect(result.kind === 'di01' && result.request.soapVersion).toBe('1.2');
    });
  });

  describe.skipIf(!existsSync(OFFICIAL_EXAMPLES))('with the official example envelopes', () => {
    it('reads the xmlBestand example', () => {
      const example = readFileSync(
        resolve(OFFICIAL_EXAMPLES, 'envelopHeenbericht-ggk_Di01_v21-xml.xml'),
        'utf8',
      );
      const result = parse(inSoap11(example));
      expect(result.kind).toBe('di01');
      if (result.kind === 'di01') {
        expect(result.request.heen.functie).toBe('WMO301');
        expect(result.request.heen.referentienummer).toBe('9c0f7b90-5c69-41e5-a837-0800200c9a66');
        expect(result.request.bestand.content.toString()).toBe(
          'Hier staat een iWmo/iJw-heenbericht.',
        );
      }
    });

    it('reads the tekstBestand example with its bestandsnaam', () => {
      const example = readFileSync(
        resolve(OFFICIAL_EXAMPLES, 'envelopHeenbericht-ggk_Di01_v21-tekst.xml'),
        'utf8',
      );
      const result = parse(inSoap11(example));
      expect(result.kind === 'di01' && result.request.bestand).toMatchObject({
        kind: 'tekst',
        bestandsnaam: 'AanleveringQ1.csv',
      });
    });
  });

  describe('when the request cannot be a Di01', () => {
    const sample = iwmoSample('WMO301');
    it.each([
      ['an empty body', '', 'leeg'],
      [
        'a DOCTYPE',
        `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>${di01Request(sample).replace(/^<\?xml[^>]*\?>/, '')}`,
        'DTD',
      ],
      [
        'another declared encoding',
        di01Request(sample).replace('UTF-8', 'ISO-8859-1'),
        'ISO-8859-1',
      ],
      ['broken XML', '<soap:Envelope', 'well-formed'],
      [
        'a bare Di01 without SOAP',
        renderDocument({ name: 'x', content: [] }),
        'geen SOAP Envelope',
      ],
      [
        'a Bv03 in the Body',
        renderDocument(
          soapEnvelope(
            '1.1',
            buildBv03(HEEN, { referentienummer: 'a', tijdstipBericht: '20260101' }),
          ),
        ),
        'precies één envelopHeenbericht-ggk_Di01',
      ],
    ])('refuses %s with IB001', (_, xml, reason) => {
      const { fault } = refusal(parse(xml));
      expect(fault.code).toBe('IB001');
      expect(fault.plek).toBe('client');
      expect(fault.omschrijving).toContain(reason);
    });

    it('refuses invalid UTF-8 with IB001', () => {
      const bytes = Buffer.concat([Buffer.from(di01Request(sample)), Buffer.from([0xff, 0xfe])]);
      expect(refusal(parse(bytes)).fault.omschrijving).toContain('UTF-8');
    });
  });

  describe('when the envelope does not conform to the envelope schema', () => {
    const xml = di01Request(iwmoSample('WMO301'), {
      referentienummer: '3F2B8C1E-7D4A-4B9E-9C1D-2A6F8E0B5C47',
    });

    it('refuses it with IB001 naming the element, and keeps what it could read', () => {
      const result = refusal(parse(xml));
      expect(result.fault.code).toBe('IB001');
      expect(result.fault.omschrijving).toMatch(/element referentienummer, regel \d+/);
      expect(result.fault.issues[0]).toMatchObject({ element: 'referentienummer' });
      expect(result.antwoordOp).toMatchObject({
        zender: HEEN.zender,
        functie: 'WMO301',
        referentienummer: '3F2B8C1E-7D4A-4B9E-9C1D-2A6F8E0B5C47',
      });
    });

    it('refuses a missing functie in SOAP 1.2 and answers in SOAP 1.2', () => {
      const soap12 = di01Request(iwmoSample('WMO301'), {}, '1.2').replace(
        /<StUF:functie>[^<]*<\/StUF:functie>/,
        '',
      );
      const result = refusal(parse(soap12));
      expect(result.soapVersion).toBe('1.2');
      expect(result.fault.issues[0]?.message).toContain('functie');
    });
  });
});
