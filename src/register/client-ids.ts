import { createHmac, hkdfSync } from 'node:crypto';

const INFO = 'iwmo-gateway register client-id v1';
const SALT = 'iwmo-gateway register';

/**
 * The register key: derived from the body encryption key with HKDF-SHA256 (RFC 5869), so there
 * is no second secret to manage, yet the two keys are independent for every practical purpose.
 * Changing BODY_ENCRYPTION_KEY therefore also re-keys the register (see docs/operations.md).
 */
export function deriveRegisterKey(bodyKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', bodyKey, SALT, INFO, 32));
}

/**
 * Pseudonymous client ids: HMAC-SHA256(register key, BSN), 128 bits in base64url. A BSN never
 * appears in a Redis key or value of the register, and without the key the ids cannot be
 * reversed by trying all ~10^9 BSNs.
 */
export class ClientIds {
  readonly #key: Buffer;

  constructor(registerKey: Uint8Array) {
    this.#key = Buffer.from(registerKey);
  }

  of(bsn: string): string {
    return createHmac('sha256', this.#key)
      .update(bsn)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
