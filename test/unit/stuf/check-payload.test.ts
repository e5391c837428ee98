import { afterAll, describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../../src/config/index.js';
import { checkDi01Payload, type Di01Request, travelsAsDi01 } from '../../../src/stuf/index.js';
import { createXsdValidator } from '../../../src/validation/xsd/index.js';
import { HEEN, iwmoSample } from './stuf-fixtures.js';

const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, 'libxml2-wasm');
afterAll(() => xsd.close());

function request(payload: string, functie = 'WMO301'): Di01Request {
  return {
    soapVersion: '1.1',
    heen: { ...HEEN, functie },
    bestand: { kind: 'xml', content: Buffer.from(payload) },
  };
}

function faultOf(check: ReturnType<typeof checkDi01Payload>) {
  if (check.kind !== 'refused') {
    throw new Error('expected a refusal');
  }
  return check.fault;
}

describe('checkDi01Payload', () => {
  describe('when the payload is the XSD-valid message the functie names', () => {
    it('accepts it and identifies it', () => {
      const check = checkDi01Payload(request(iwmoSample('WMO301')), xsd);
      expect(check.kind).toBe('accepted');
      expect(check.kind === 'accepted' && check.identity).toMatchObject({
        messageType: 'WMO301',
        sender: '0363',
        receiver: '12345678',
      });
    });
  });

  describe('when the functie is not an iWmo message that travels as Di01', () => {
    it('answers IB004 for an unknown functie', () => {
      expect(faultOf(checkDi01Payload(request(iwmoSample('WMO301'), 'WMO399'), xsd))).toMatchObject(
        { code: 'IB004', plek: 'client' },
      );
    });

    it('answers IB240 for a retour, which travels as Du01', () => {
      expect(faultOf(checkDi01Payload(request(iwmoSample('WMO301'), 'WMO302'), xsd)).code).toBe(
        'IB240',
      );
    });

    it('lets heen messages and WMO325 travel as Di01, retours not', () => {
      expect(travelsAsDi01('WMO301')).toBe(true);
      expect(travelsAsDi01('WMO323')).toBe(true);
      expect(travelsAsDi01('WMO325')).toBe(true);
      expect(travelsAsDi01('WMO302')).toBe(false);
    });
  });

  describe('when the payload fails level 1', () => {
    it('answers StUF055 with the XSD finding: element and line', () => {
      const invalid = iwmoSample('WMO301').replace(
        /<wmo301:Bsn>[^<]*<\/wmo301:Bsn>/,
        '<wmo301:Bsn>12AB</wmo301:Bsn>',
      );
      const fault = faultOf(checkDi01Payload(request(invalid), xsd));
      expect(fault.code).toBe('StUF055');
      expect(fault.omschrijving).toMatch(
        /^Berichtbody is niet conform schema in sectormodel: element Bsn, regel \d+/,
      );
      expect(fault.issues[0]).toMatchObject({ element: 'Bsn', line: expect.any(Number) });
    });

    it.each([
      ['another message than the functie', iwmoSample('WMO305'), 'het bericht is een WMO305'],
      ['not XML', 'geen xml', 'not well-formed'],
      ['a DTD', `<!DOCTYPE x>${iwmoSample('WMO301')}`, 'DTD'],
      ['a byte order mark', `\uFEFF${iwmoSample('WMO301')}`, 'byte order mark'],
    ])('answers StUF055 for %s', (_, payload, reason) => {
      const fault = faultOf(checkDi01Payload(request(payload), xsd));
      expect(fault.code).toBe('StUF055');
      expect(fault.omschrijving).toContain(reason);
    });

    it('answers StUF055 for a tekstBestand', () => {
      const tekst: Di01Request = {
        ...request(''),
        bestand: { kind: 'tekst', bestandsnaam: 'a.xml', content: Buffer.from('x') },
      };
      expect(faultOf(checkDi01Payload(tekst, xsd)).omschrijving).toContain('tekstBestand');
    });
  });
});
