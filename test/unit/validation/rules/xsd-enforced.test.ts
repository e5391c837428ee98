import { describe, expect, it } from 'vitest';

import type { Wmo323Message } from '../../../../src/model/index.js';
import { CS015 } from '../../../../src/validation/rules/cs015.js';
import { CS025 } from '../../../../src/validation/rules/cs025.js';
import { CS319 } from '../../../../src/validation/rules/cs319.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { client323, prestatie, wmo301, wmo323 } from '../../../helpers/rules-messages.js';

/**
 * CS015, CS025 and CS319 are fully enforced by the XSD, so no XSD-valid sample can violate them.
 * Their re-verification is tested on typed messages built directly.
 */
describe('rules enforced by the XSD', () => {
  describe('CS015', () => {
    it('accepts BerichtSubversie 2 and rejects anything else', () => {
      const msg = wmo301();
      expect(CS015.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
      const wrong = { ...msg, header: { ...msg.header, BerichtSubversie: '1' } };
      expect(CS015.check(wrong, EMPTY_RULE_CONTEXT)).toEqual([
        expect.objectContaining({ ruleId: 'CS015', location: '/Bericht/Header/BerichtSubversie' }),
      ]);
      expect(CS015.enforcedByXsd).toBe(true);
    });
  });

  describe('CS025', () => {
    it('accepts BerichtVersie 3 and rejects anything else', () => {
      const msg = wmo301();
      expect(CS025.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
      const wrong = { ...msg, header: { ...msg.header, BerichtVersie: '2' } };
      expect(CS025.check(wrong, EMPTY_RULE_CONTEXT)).toEqual([
        expect.objectContaining({ ruleId: 'CS025', location: '/Bericht/Header/BerichtVersie' }),
      ]);
      expect(CS025.enforcedByXsd).toBe(true);
    });
  });

  describe('CS319', () => {
    const withNummer = (nummer: string): Wmo323Message => {
      const msg = wmo323([client323([prestatie()])]);
      return { ...msg, Declaratie: { ...msg.Declaratie, DeclaratieNummer: nummer } };
    };

    it('accepts letters and digits only', () => {
      expect(CS319.check(withNummer('DEC2026a03'), EMPTY_RULE_CONTEXT)).toEqual([]);
    });

    it.each(['DEC-2026', 'DEC 2026', 'DÉC2026'])('rejects %s', (nummer) => {
      expect(CS319.check(withNummer(nummer), EMPTY_RULE_CONTEXT)).toEqual([
        expect.objectContaining({
          ruleId: 'CS319',
          location: '/Bericht/Declaratie/DeclaratieNummer',
        }),
      ]);
      expect(CS319.enforcedByXsd).toBe(true);
    });
  });
});
