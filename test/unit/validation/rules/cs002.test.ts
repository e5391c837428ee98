import { describe, expect, it } from 'vitest';

import { CS002, passes11Proef } from '../../../../src/validation/rules/cs002.js';
import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { client323, prestatie, wmo301, wmo323 } from '../../../helpers/rules-messages.js';

describe('CS002', () => {
  describe('the 11-proef', () => {
    it.each(['999990019', '999900006', '999900018', '123456782', '000000000'])(
      'accepts %s',
      (bsn) => {
        expect(passes11Proef(bsn)).toBe(true);
      },
    );

    it.each(['999990018', '123456789', '99999001', 'ABCDEFGHI'])('rejects %s', (bsn) => {
      expect(passes11Proef(bsn)).toBe(false);
    });
  });

  describe('when a client in a declaration has a wrong Bsn', () => {
    it('points at that client', () => {
      const msg = wmo323([client323([prestatie()]), client323([prestatie()], '999990018')]);
      expect(CS002.check(msg, EMPTY_RULE_CONTEXT).map((v) => v.location)).toEqual([
        '/Bericht/Declaratie/Clienten/Client[2]/Bsn',
      ]);
    });
  });

  describe('when the Client of a WMO301 has a wrong Bsn', () => {
    it('points at Client/Bsn', () => {
      expect(CS002.check(wmo301({ Bsn: '999990018' }), EMPTY_RULE_CONTEXT)).toEqual([
        expect.objectContaining({ ruleId: 'CS002', location: '/Bericht/Client/Bsn' }),
      ]);
    });
  });
});
