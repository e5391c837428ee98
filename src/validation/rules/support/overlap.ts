import { dateNumber } from './dates.js';

/**
 * "The same product more than once with overlapping periods" (TR302, TR386, TR410), as the
 * official XSLT decides it, in O(n log n) instead of the XSLT's pairwise comparison.
 *
 * Two items are the same product when they have the same Categorie and the same Code, or the same
 * Categorie and at least one of them has no Code, or at least one of them has no Product at all.
 * Periods are closed intervals; a missing end date is open-ended. Like the XSLT, an item is
 * reported when it overlaps an earlier (in document order) item of the same product.
 */
export interface ProductPeriod {
  /** Product/Categorie; undefined when the class has no Product. */
  readonly categorie: string | undefined;
  /** Product/Code; undefined when absent. */
  readonly code: string | undefined;
  readonly start: string;
  readonly end: string | undefined;
}

/**
 * Online set of closed intervals: insert, and ask whether any inserted interval intersects
 * [start, end]. The start coordinates of everything that will be inserted are known up front, so
 * a Fenwick tree over them keeps the maximum end per prefix.
 */
class IntervalSet {
  readonly #starts: number[];
  readonly #maxEnd: number[];

  constructor(starts: readonly number[]) {
    this.#starts = [...new Set(starts)].sort((a, b) => a - b);
    this.#maxEnd = new Array<number>(this.#starts.length + 1).fill(Number.NEGATIVE_INFINITY);
  }

  insert(start: number, end: number): void {
    for (let i = upperBound(this.#starts, start); i < this.#maxEnd.length; i += i & -i) {
      if ((this.#maxEnd[i] ?? Number.NEGATIVE_INFINITY) < end) {
        this.#maxEnd[i] = end;
      }
    }
  }

  /** Is there an inserted [a, b] with a ≤ end and b ≥ start? */
  intersects(start: number, end: number): boolean {
    let best = Number.NEGATIVE_INFINITY;
    for (let i = upperBound(this.#starts, end); i > 0; i -= i & -i) {
      best = Math.max(best, this.#maxEnd[i] ?? Number.NEGATIVE_INFINITY);
    }
    return best >= start;
  }
}

/** Number of values ≤ x in an ascending array (also the 1-based Fenwick index of x). */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

const ALL = 'all';
const NO_PRODUCT = 'none';
const category = (c: string): string => `cat\u0001${c}`;
const withoutCode = (c: string): string => `nocode\u0001${c}`;
const withCode = (c: string, code: string): string => `code\u0001${c}\u0001${code}`;

interface Plan {
  readonly start: number;
  readonly end: number;
  readonly insertInto: readonly string[];
  readonly queryIn: readonly string[];
}

function plan(item: ProductPeriod): Plan {
  const start = dateNumber(item.start);
  const end = item.end === undefined ? Number.POSITIVE_INFINITY : dateNumber(item.end);
  const { categorie, code } = item;
  if (categorie === undefined) {
    return { start, end, insertInto: [ALL, NO_PRODUCT], queryIn: [ALL] };
  }
  if (code === undefined) {
    return {
      start,
      end,
      insertInto: [ALL, category(categorie), withoutCode(categorie)],
      queryIn: [category(categorie), NO_PRODUCT],
    };
  }
  return {
    start,
    end,
    insertInto: [ALL, category(categorie), withCode(categorie, code)],
    queryIn: [withCode(categorie, code), withoutCode(categorie), NO_PRODUCT],
  };
}

/**
 * Indices (into `items`) of the items that overlap an earlier item of the same product.
 * `skip(item)` removes an item from the comparison altogether (hulpmiddelen, deleted toewijzingen).
 */
export function findOverlappingProducts<T extends ProductPeriod>(
  items: readonly T[],
  skip: (item: T) => boolean,
): number[] {
  const plans: (Plan | undefined)[] = items.map((item) => (skip(item) ? undefined : plan(item)));
  const starts = new Map<string, number[]>();
  for (const p of plans) {
    for (const set of p?.insertInto ?? []) {
      const list = starts.get(set);
      if (list === undefined) {
        starts.set(set, [p?.start ?? 0]);
      } else {
        list.push(p?.start ?? 0);
      }
    }
  }
  const sets = new Map<string, IntervalSet>();
  for (const [name, list] of starts) {
    sets.set(name, new IntervalSet(list));
  }
  const overlapping: number[] = [];
  plans.forEach((p, index) => {
    if (p === undefined) {
      return;
    }
    if (p.queryIn.some((name) => sets.get(name)?.intersects(p.start, p.end) === true)) {
      overlapping.push(index);
    }
    for (const name of p.insertInto) {
      sets.get(name)?.insert(p.start, p.end);
    }
  });
  return overlapping;
}

/** Productcategorieën 11–14 (hulpmiddelen) are exempt from the overlap rules (OP259, XSLT). */
export function isHulpmiddel(categorie: string | undefined): boolean {
  return categorie === '11' || categorie === '12' || categorie === '13' || categorie === '14';
}
