import { describe, expect, it } from 'vitest';

import type { ParsedMessage } from '../../../../../src/model/index.js';
import { TR135 } from '../../../../../src/validation/rules/tr135.js';
import { wmo301 } from '../../../../helpers/rules-messages.js';
import { check } from './level4-fixtures.js';

function dated(dagtekening: string): ParsedMessage {
  const msg = wmo301();
  return {
    ...msg,
    header: {
      ...msg.header,
      BerichtIdentificatie: { ...msg.header.BerichtIdentificatie, Dagtekening: dagtekening },
    },
  };
}

describe('TR135', () => {
  it('accepts a Dagtekening of today and of the past', () => {
    expect(check(TR135, dated('2026-07-01'), { today: '2026-07-01' })).toEqual([]);
    expect(check(TR135, dated('2020-02-29'), { today: '2026-07-01' })).toEqual([]);
  });

  it('refuses tomorrow, pointing at the header Dagtekening', () => {
    expect(check(TR135, dated('2026-07-02'), { today: '2026-07-01' })).toEqual([
      {
        ruleId: 'TR135',
        retourCode: '8848',
        level: 4,
        location: '/Bericht/Header/BerichtIdentificatie/Dagtekening',
        detail: 'Dagtekening 2026-07-02 ligt na de systeemdatum 2026-07-01',
      },
    ]);
  });

  it('turns over at midnight between 31 December and 1 January, and on a leap day', () => {
    expect(check(TR135, dated('2027-01-01'), { today: '2026-12-31' })).toHaveLength(1);
    expect(check(TR135, dated('2027-01-01'), { today: '2027-01-01' })).toEqual([]);
    expect(check(TR135, dated('2028-02-29'), { today: '2028-02-28' })).toHaveLength(1);
    expect(check(TR135, dated('2028-02-29'), { today: '2028-02-29' })).toEqual([]);
  });
});
