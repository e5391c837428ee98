import { describe, expect, it } from 'vitest';

import { BUNDLED_SCHEMA_DIR } from '../../../src/config/index.js';
import { createXsdValidator, XSD_ENGINES } from '../../../src/validation/xsd/index.js';
import { validSample } from '../../helpers/sample-messages.js';

describe.each(XSD_ENGINES)('the %s XSD engine', (engine) => {
  const xsd = createXsdValidator(BUNDLED_SCHEMA_DIR, engine);

  it('compiles every project schema', () => {
    expect(xsd.messageTypes).toHaveLength(14);
  });

  it('accepts a valid message and names element and line of an invalid one', () => {
    const xml = validSample('WMO301');
    expect(xsd.validate('WMO301', Buffer.from(xml))).toEqual({ valid: true });
    const result = xsd.validate(
      'WMO301',
      Buffer.from(xml.replace(/<wmo301:Geslacht>\d/, '<wmo301:Geslacht>7')),
    );
    expect(result).toMatchObject({
      valid: false,
      wellFormed: true,
      issues: [expect.objectContaining({ element: 'Geslacht', line: expect.any(Number) })],
    });
  });

  it('refuses bytes that are not UTF-8 instead of repairing them', () => {
    const bytes = Buffer.from(
      validSample('WMO301').replace('<wmo301:Geslacht>', '<wmo301:Geslacht>\u0000'),
    );
    bytes[bytes.indexOf(0)] = 0xff;
    expect(xsd.validate('WMO301', bytes)).toMatchObject({ valid: false, wellFormed: false });
  });
});
