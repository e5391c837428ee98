import type { StufSysteem } from './stuf-types.js';
import { branch, leaf, type XmlNode } from './xml-node.js';

/** `<StUF:zender>`/`<StUF:ontvanger>` with the parts that are present, in schema order. */
export function systeemNode(name: 'zender' | 'ontvanger', systeem: StufSysteem): XmlNode {
  return branch(`StUF:${name}`, [
    leaf('StUF:organisatie', systeem.organisatie),
    leaf('StUF:applicatie', systeem.applicatie),
    leaf('StUF:administratie', systeem.administratie),
    leaf('StUF:gebruiker', systeem.gebruiker),
  ]);
}

const LIMITS = { organisatie: 200, administratie: 50, gebruiker: 100 } as const;

/**
 * Keeps only the parts of an untrusted systeem that fit the StUF facets, so that an error answer
 * about a broken envelope is itself always valid. An unusable applicatie becomes `fallback`.
 */
export function sanitizeSysteem(
  systeem: Partial<StufSysteem> | undefined,
  fallback: string,
): StufSysteem {
  const { organisatie, applicatie, administratie, gebruiker } = systeem ?? {};
  const fits = (value: string | undefined, max: number): value is string =>
    value !== undefined && value.length <= max;
  return {
    ...(fits(organisatie, LIMITS.organisatie) ? { organisatie } : {}),
    applicatie:
      applicatie !== undefined && applicatie.length >= 3 && applicatie.length <= 50
        ? applicatie
        : fallback,
    ...(fits(administratie, LIMITS.administratie) ? { administratie } : {}),
    ...(fits(gebruiker, LIMITS.gebruiker) ? { gebruiker } : {}),
  };
}
