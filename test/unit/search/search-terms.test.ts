import { describe, expect, it } from 'vitest';

import { BsnHasher, extractSearchTerms, normaliseBsn } from '../../../src/search/index.js';
import { validSample } from '../../helpers/sample-messages.js';

describe('extractSearchTerms', () => {
  describe('when a declaration names several clients and toewijzingen', () => {
    it('returns each BSN, ToewijzingNummer and DeclaratieNummer once', () => {
      const terms = extractSearchTerms(validSample('WMO323'));
      expect(terms.declaratieNummers).toEqual(['D2026030001']);
      expect(terms.bsns).toContain('999990019');
      expect(new Set(terms.bsns).size).toBe(terms.bsns.length);
      expect(terms.toewijzingNummers).toEqual(expect.arrayContaining(['260001', '260002']));
    });
  });

  describe('when elements have no prefix or surrounding whitespace', () => {
    it('reads them too', () => {
      const terms = extractSearchTerms(
        '<a><Bsn> 123456782 </Bsn><x:ToewijzingNummer>7</x:ToewijzingNummer></a>',
      );
      expect(terms).toEqual({
        bsns: ['123456782'],
        toewijzingNummers: ['7'],
        declaratieNummers: [],
      });
    });
  });
});

describe('BsnHasher', () => {
  const key = Buffer.alloc(32, 7);

  it('hashes the same BSN the same way and never returns it in clear', () => {
    const a = new BsnHasher(key).hash('999990019');
    expect(new BsnHasher(key).hash(' 999990019 ')).toBe(a);
    expect(a).not.toContain('999990019');
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives other hashes under another body key', () => {
    expect(new BsnHasher(Buffer.alloc(32, 8)).hash('999990019')).not.toBe(
      new BsnHasher(key).hash('999990019'),
    );
  });

  it('restores the leading zero of an eight-digit BSN', () => {
    expect(normaliseBsn('12345678')).toBe('012345678');
  });
});
