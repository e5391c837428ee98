import { describe, expect, it } from 'vitest';

import { parseMessage } from '../../../../src/model/index.js';
import { checkLevel2, EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { largeDeclaratie } from '../../../helpers/model-large-declaratie.js';

/**
 * Guards the linear-time design of the line-comparing rules (TR101, TR315, TR316, TR416, …): with
 * 20 000 Prestaties under one Client a pairwise comparison would make 2·10⁸ comparisons per rule
 * and time the test out. Timing itself belongs in the benchmarks, not here; the generous timeout
 * only keeps a loaded CI machine from failing a linear implementation.
 */
const TIMEOUT_MS = 15_000;
describe('checkLevel2 on a large declaration', () => {
  describe('when 20 000 Prestaties hold one duplicate at the end', () => {
    it(
      'finds exactly that duplicate',
      () => {
        const xml = largeDeclaratie({ count: 20_000, duplicateLastOfFirst: true });
        const violations = checkLevel2(parseMessage('WMO323', xml), EMPTY_RULE_CONTEXT);
        expect(violations).toEqual([
          expect.objectContaining({
            ruleId: 'TR101',
            location: '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[20000]',
          }),
        ]);
      },
      TIMEOUT_MS,
    );
  });

  describe('when the same 20 000 Prestaties have no duplicate', () => {
    it(
      'finds nothing',
      () => {
        const xml = largeDeclaratie({ count: 20_000, clients: 5 });
        expect(checkLevel2(parseMessage('WMO323', xml), EMPTY_RULE_CONTEXT)).toEqual([]);
      },
      TIMEOUT_MS,
    );
  });
});
