import { randomBytes } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { GatewayError } from '../../../src/errors/index.js';
import { BodyCipher } from '../../../src/store/index.js';

describe('BodyCipher', () => {
  const cipher = new BodyCipher(randomBytes(32));
  const plain = Buffer.from('<wmo301:Bsn>999990019</wmo301:Bsn>');

  it('round-trips a body and never stores it in clear text', () => {
    const sealed = cipher.encrypt(plain);
    expect(sealed.includes(Buffer.from('999990019'))).toBe(false);
    expect(cipher.decrypt(sealed)).toEqual(plain);
  });

  it('refuses a tampered body', () => {
    const sealed = cipher.encrypt(plain);
    sealed.writeUInt8((sealed.at(-1) ?? 0) ^ 0xff, sealed.length - 1);
    expect(() => cipher.decrypt(sealed)).toThrow(GatewayError);
  });

  it('refuses a body sealed with another key', () => {
    const other = new BodyCipher(randomBytes(32));
    expect(() => other.decrypt(cipher.encrypt(plain))).toThrow(/decrypted/);
  });
});
