import { describe, expect, it } from 'vitest';

import { deriveReferentienummer, formatTijdstip } from '../../../src/stuf/index.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('formatTijdstip', () => {
  it('gives 17 digits in Dutch winter time (CET)', () => {
    expect(formatTijdstip(new Date('2026-01-15T08:05:09.042Z'))).toBe('20260115090509042');
  });

  it('gives Dutch summer time (CEST), across midnight', () => {
    expect(formatTijdstip(new Date('2026-07-01T22:30:05.007Z'))).toBe('20260702003005007');
  });
});

describe('deriveReferentienummer', () => {
  it('is a lower-case UUID v4 that the GGk pattern accepts, for any seed', () => {
    for (const seed of ['', 'a', 'retour:6a1f0c2e-5b7d-4e8a-9f3c-1d2b4a6c8e0f', 'é'.repeat(100)]) {
      expect(deriveReferentienummer(seed)).toMatch(UUID_V4);
    }
  });

  it('is stable per seed and differs between seeds', () => {
    expect(deriveReferentienummer('x')).toBe(deriveReferentienummer('x'));
    expect(deriveReferentienummer('x')).not.toBe(deriveReferentienummer('y'));
  });
});
