/**
 * Duplicate detection in one pass with a Map (never a comparison of every item with every other
 * item: a 25 MB declaration holds ≈ 100k Prestaties).
 */

const ABSENT = '\u0000';
const SEPARATOR = '\u0001';

/**
 * A map key for a tuple of element values. An absent element differs from every present value
 * and equals another absent element, as in the XSLT's `not(*[…])` branches. The two control
 * characters cannot occur in XML 1.0 text, so keys never collide.
 */
export function keyOf(values: readonly (string | undefined)[]): string {
  return values.map((value) => value ?? ABSENT).join(SEPARATOR);
}

/**
 * For every group of two or more items with the same key, the group's last item in the given
 * order. The official XSLT reports a duplicate group once, on the member without a following
 * duplicate sibling (TR101).
 */
export function lastOfDuplicateGroups<T>(items: readonly T[], key: (item: T) => string): T[] {
  const groups = new Map<string, { count: number; last: T }>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) {
      groups.set(k, { count: 1, last: item });
    } else {
      group.count += 1;
      group.last = item;
    }
  }
  const result: T[] = [];
  for (const group of groups.values()) {
    if (group.count > 1) {
      result.push(group.last);
    }
  }
  return result;
}
