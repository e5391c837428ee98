import { describe, expect, it } from 'vitest';

import {
  keyOf,
  lastOfDuplicateGroups,
} from '../../../../../src/validation/rules/support/duplicates.js';

describe('duplicates', () => {
  it('keeps an absent key part apart from every present value', () => {
    expect(keyOf(['A', undefined])).not.toBe(keyOf(['A', '']));
    expect(keyOf(['A', undefined])).toBe(keyOf(['A', undefined]));
    expect(keyOf(['AB', 'C'])).not.toBe(keyOf(['A', 'BC']));
  });

  it('reports each duplicate group once, on its last member', () => {
    const items = ['a', 'b', 'a', 'c', 'a', 'b'].map((key, index) => ({ key, index }));
    expect(lastOfDuplicateGroups(items, (item) => item.key).map((item) => item.index)).toEqual([
      4, 5,
    ]);
  });
});
