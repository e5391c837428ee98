import { describe, expect, it } from 'vitest';

import { compareDates } from '../../../../../src/validation/rules/support/dates.js';
import {
  findOverlappingProducts,
  isHulpmiddel,
  type ProductPeriod,
} from '../../../../../src/validation/rules/support/overlap.js';

/** The XSLT's pairwise definition, for cross-checking the indexed implementation. */
function bruteForce(
  items: readonly ProductPeriod[],
  skip: (p: ProductPeriod) => boolean,
): number[] {
  const same = (a: ProductPeriod, b: ProductPeriod): boolean =>
    (a.code !== undefined &&
      b.code !== undefined &&
      a.code === b.code &&
      a.categorie === b.categorie &&
      a.categorie !== undefined) ||
    ((a.code === undefined || b.code === undefined) &&
      a.categorie !== undefined &&
      a.categorie === b.categorie) ||
    a.categorie === undefined ||
    b.categorie === undefined;
  const overlap = (a: ProductPeriod, b: ProductPeriod): boolean =>
    (a.end === undefined || compareDates(a.end, b.start) >= 0) &&
    (b.end === undefined || compareDates(b.end, a.start) >= 0);
  const result: number[] = [];
  items.forEach((item, j) => {
    if (skip(item)) {
      return;
    }
    if (
      items
        .slice(0, j)
        .some((earlier) => !skip(earlier) && same(item, earlier) && overlap(item, earlier))
    ) {
      result.push(j);
    }
  });
  return result;
}

/** Small deterministic PRNG so the cross-check is reproducible. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const day = (n: number): string =>
  `2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

describe('findOverlappingProducts', () => {
  const none = (): boolean => false;

  describe('when periods touch on one day', () => {
    it('treats them as overlapping (closed intervals)', () => {
      const items: ProductPeriod[] = [
        { categorie: '02', code: 'A', start: '2026-01-01', end: '2026-03-31' },
        { categorie: '02', code: 'A', start: '2026-03-31', end: '2026-06-30' },
      ];
      expect(findOverlappingProducts(items, none)).toEqual([1]);
    });

    it('does not flag a period that starts the day after', () => {
      const items: ProductPeriod[] = [
        { categorie: '02', code: 'A', start: '2026-01-01', end: '2026-03-31' },
        { categorie: '02', code: 'A', start: '2026-04-01', end: undefined },
      ];
      expect(findOverlappingProducts(items, none)).toEqual([]);
    });
  });

  describe('when products differ', () => {
    it('compares same category with different codes as different products', () => {
      const items: ProductPeriod[] = [
        { categorie: '02', code: 'A', start: '2026-01-01', end: undefined },
        { categorie: '02', code: 'B', start: '2026-01-01', end: undefined },
        { categorie: '03', code: 'A', start: '2026-01-01', end: undefined },
      ];
      expect(findOverlappingProducts(items, none)).toEqual([]);
    });

    it('matches an item without code against every code of its category', () => {
      const items: ProductPeriod[] = [
        { categorie: '02', code: 'A', start: '2026-01-01', end: '2026-01-31' },
        { categorie: '02', code: 'B', start: '2026-03-01', end: '2026-03-31' },
        { categorie: '02', code: undefined, start: '2026-03-15', end: '2026-04-30' },
      ];
      expect(findOverlappingProducts(items, none)).toEqual([2]);
    });

    it('matches an item without product against everything, also when it comes first', () => {
      const items: ProductPeriod[] = [
        { categorie: undefined, code: undefined, start: '2026-01-01', end: '2026-12-31' },
        { categorie: '07', code: 'X', start: '2026-06-01', end: '2026-06-30' },
      ];
      expect(findOverlappingProducts(items, none)).toEqual([1]);
    });

    it('skips exempt items entirely (hulpmiddelen)', () => {
      const items: ProductPeriod[] = [
        { categorie: '14', code: undefined, start: '2026-01-01', end: undefined },
        { categorie: undefined, code: undefined, start: '2026-01-01', end: undefined },
        { categorie: '14', code: undefined, start: '2026-01-01', end: undefined },
      ];
      expect(findOverlappingProducts(items, (i) => isHulpmiddel(i.categorie))).toEqual([]);
    });
  });

  describe('when cross-checked against the pairwise XSLT definition', () => {
    it('agrees on 300 random lists', () => {
      const next = random(42);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
      for (let round = 0; round < 300; round += 1) {
        const items: ProductPeriod[] = [];
        const count = 1 + Math.floor(next() * 12);
        for (let i = 0; i < count; i += 1) {
          const categorie = pick(['02', '03', '11', undefined]);
          const start = Math.floor(next() * 200);
          items.push({
            categorie,
            code: categorie === undefined ? undefined : pick(['A', 'B', undefined]),
            start: day(start),
            end: next() < 0.2 ? undefined : day(start + Math.floor(next() * 60)),
          });
        }
        const skip = (p: ProductPeriod): boolean => isHulpmiddel(p.categorie);
        expect(findOverlappingProducts(items, skip)).toEqual(bruteForce(items, skip));
      }
    });
  });
});
