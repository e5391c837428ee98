import { describe, expect, it } from 'vitest';

import { parseSearchQuery } from '../../../src/search/index.js';

describe('parseSearchQuery', () => {
  describe('when dates are given as Dutch calendar days', () => {
    it('starts `from` at local midnight and ends `to` after that whole day', () => {
      const query = parseSearchQuery({ from: '2026-07-01', to: '2026-07-01' });
      expect(query.from?.toISOString()).toBe('2026-06-30T22:00:00.000Z');
      expect(query.to?.toISOString()).toBe('2026-07-01T22:00:00.000Z');
    });
  });

  describe('when dates are ISO instants', () => {
    it('takes them as they are', () => {
      expect(parseSearchQuery({ to: '2026-07-01T10:00:00Z' }).to?.toISOString()).toBe(
        '2026-07-01T10:00:00.000Z',
      );
    });
  });

  it('ignores empty fields, trims text and defaults the page size to 50', () => {
    expect(parseSearchQuery({ sender: ' 0363 ', receiver: '', limit: '' })).toEqual({
      sender: '0363',
      limit: 50,
    });
  });

  it('rejects unknown parameters, bad types and statuses, and a BSN that is not 8 or 9 digits', () => {
    for (const raw of [
      { foo: 'x' },
      { messageType: 'WMO399' },
      { status: 'done' },
      { bsn: '1234' },
      { limit: '501' },
      { from: 'yesterday' },
    ]) {
      expect(() => parseSearchQuery(raw)).toThrow();
    }
  });
});
