import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR134 } from '../../../../src/validation/rules/tr134.js';
import { TR137 } from '../../../../src/validation/rules/tr137.js';
import { TR380 } from '../../../../src/validation/rules/tr380.js';
import {
  client323,
  nieuwProduct,
  prestatie,
  toegewezenProduct,
  wmo301,
  wmo305,
  wmo317,
  wmo323,
} from '../../../helpers/rules-messages.js';

describe('TR134', () => {
  describe('when a date equals the Dagtekening', () => {
    it('accepts it', () => {
      expect(
        TR134.check(wmo305({ Datum: '2026-03-06' }, '2026-03-06'), EMPTY_RULE_CONTEXT),
      ).toEqual([]);
      const msg = wmo301({
        ToegewezenProducten: [toegewezenProduct({ Toewijzingsdatum: '2026-03-02' })],
      });
      expect(TR134.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
    });
  });

  describe('when a date is one day after the Dagtekening', () => {
    it('rejects it', () => {
      expect(
        TR134.check(wmo305({ Datum: '2026-03-07' }, '2026-03-06'), EMPTY_RULE_CONTEXT),
      ).toEqual([expect.objectContaining({ location: '/Bericht/Client/Geboortedatum/Datum' })]);
    });
  });
});

describe('TR137', () => {
  describe('when Einddatum equals Begindatum and the Dagtekening', () => {
    it('accepts it', () => {
      const msg = wmo323(
        [
          client323([
            prestatie({ ProductPeriode: { Begindatum: '2026-03-31', Einddatum: '2026-03-31' } }),
          ]),
        ],
        { dagtekening: '2026-03-31' },
      );
      expect(TR137.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
    });
  });

  describe('when a ProductPeriode ends before it begins and after the Dagtekening', () => {
    it('reports both checks, as the XSLT does', () => {
      const msg = wmo323(
        [
          client323([
            prestatie({ ProductPeriode: { Begindatum: '2026-04-20', Einddatum: '2026-04-10' } }),
          ]),
        ],
        {
          dagtekening: '2026-04-06',
          periode: { Begindatum: '2026-03-01', Einddatum: '2026-03-31' },
        },
      );
      expect(TR137.check(msg, EMPTY_RULE_CONTEXT).map((v) => v.detail)).toEqual([
        'Einddatum ligt voor Begindatum',
        'Einddatum ligt na de Dagtekening van het bericht',
      ]);
    });
  });
});

describe('TR380', () => {
  it('accepts a GewensteIngangsdatum one day after the Dagtekening, not on it', () => {
    expect(
      TR380.check(
        wmo317([nieuwProduct({ GewensteIngangsdatum: '2026-04-11' })]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toEqual([]);
    expect(
      TR380.check(
        wmo317([nieuwProduct({ GewensteIngangsdatum: '2026-04-10' })]),
        EMPTY_RULE_CONTEXT,
      ),
    ).toHaveLength(1);
  });
});
