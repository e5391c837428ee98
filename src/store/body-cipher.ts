import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { GatewayError } from '../errors/index.js';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for message bodies at rest: a stored iWmo message holds BSNs, names and addresses,
 * and Redis (and its AOF) should not hold them in clear text. Layout: version | iv | tag | data.
 */
export class BodyCipher {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) {
      throw new Error('the body encryption key must be 32 bytes');
    }
    this.#key = key;
  }

  encrypt(plain: Uint8Array): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), data]);
  }

  decrypt(sealed: Buffer): Buffer {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new GatewayError('GW_ERR_STORE_BODY_UNREADABLE', { message: 'unknown body format' });
    }
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
    } catch (caught) {
      throw new GatewayError('GW_ERR_STORE_BODY_UNREADABLE', { cause: caught });
    }
  }
}
