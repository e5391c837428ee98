import { createHmac, hkdfSync } from 'node:crypto';

/**
 * Keyed hash of a BSN for the search index: HMAC-SHA256 with a key derived from the body
 * encryption key by HKDF-SHA256, so the index never holds a BSN in clear and a copy of Redis
 * alone cannot be matched against a list of BSNs (the key lives outside Redis). The same body
 * key gives the same hashes in every process.
 */
export class BsnHasher {
  readonly #key: Buffer;

  constructor(bodyKey: Buffer) {
    this.#key = Buffer.from(hkdfSync('sha256', bodyKey, 'iwmo-gateway', 'search-index bsn v1', 32));
  }

  /** base64url HMAC of the normalised BSN (digits only, 9 long: leading zeros restored). */
  hash(bsn: string): string {
    return createHmac('sha256', this.#key).update(normaliseBsn(bsn)).digest('base64url');
  }
}

/** A BSN as the index keys it: whitespace removed, padded to nine digits. */
export function normaliseBsn(bsn: string): string {
  const digits = bsn.replace(/\s+/g, '');
  return digits.length < 9 ? digits.padStart(9, '0') : digits;
}

/** Whether `value` looks like a BSN an operator may search for (8 or 9 digits). */
export function isBsnInput(value: string): boolean {
  return /^\d{8,9}$/.test(value.replace(/\s+/g, ''));
}
