import { createHash } from 'node:crypto';

/**
 * A referentienummer (UUID v4 form, lower case, as the GGk pattern requires) derived from a seed.
 * The gateway uses it for messages it builds on request, such as the Du01 around a retour: the
 * same message fetched twice carries the same referentienummer, so a receiver can recognise the
 * second copy as a transport duplicate. The version and variant bits are set as for v4; the other
 * 122 bits come from SHA-256 of the seed instead of a random source.
 */
export function deriveReferentienummer(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
