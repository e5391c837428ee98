import { describe, expect, it } from 'vitest';

import { EMPTY_RULE_CONTEXT } from '../../../../src/validation/rules/index.js';
import { TR101 } from '../../../../src/validation/rules/tr101.js';
import {
  client323,
  nieuwProduct,
  prestatie,
  without,
  wmo317,
  wmo323,
} from '../../../helpers/rules-messages.js';

const locations = (violations: readonly { location: string }[]) =>
  violations.map((v) => v.location);

describe('TR101', () => {
  describe('when a key element is absent in one class and present in another', () => {
    it('treats them as different keys', () => {
      const withCode = nieuwProduct({ Product: { Categorie: '11', Code: '11A01' } });
      const withoutCode = nieuwProduct({ Product: { Categorie: '11' } });
      expect(TR101.check(wmo317([withCode, withoutCode]), EMPTY_RULE_CONTEXT)).toEqual([]);
    });

    it('treats two absent parts as equal', () => {
      const a = without(
        nieuwProduct({ Omvang: { Volume: 1, Eenheid: '82', Frequentie: '6' } }),
        'Product',
      );
      expect(
        locations(
          TR101.check(
            wmo317([
              { ...a, Budget: 100 },
              { ...a, Budget: 200 },
            ]),
            EMPTY_RULE_CONTEXT,
          ),
        ),
      ).toEqual(['/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]']);
    });
  });

  describe('when a Prestatie key repeats', () => {
    it('reports a group of three once, on its last member', () => {
      const p = prestatie();
      const msg = wmo323([client323([p, prestatie({ ToewijzingNummer: '9' }), p, p])]);
      expect(locations(TR101.check(msg, EMPTY_RULE_CONTEXT))).toEqual([
        '/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[4]',
      ]);
    });

    it('distinguishes keys by VorigReferentieNummer', () => {
      const debet = prestatie();
      const credit = prestatie({
        ProductReferentie: { ReferentieNummer: 'RN-0001', VorigReferentieNummer: 'RN-OLD' },
        IngediendBedrag: { Bedrag: 5000, DebetCredit: 'C' },
      });
      expect(TR101.check(wmo323([client323([debet, credit])]), EMPTY_RULE_CONTEXT)).toEqual([]);
    });

    it('compares Prestaties only among siblings of one Client, as the XSLT does', () => {
      const msg = wmo323([client323([prestatie()]), client323([prestatie()], '999990020')]);
      expect(TR101.check(msg, EMPTY_RULE_CONTEXT)).toEqual([]);
    });
  });

  describe('when two Clients share a Bsn', () => {
    it('reports the later Client', () => {
      const msg = wmo323([
        client323([prestatie()]),
        client323([prestatie({ ToewijzingNummer: '7' })]),
      ]);
      expect(locations(TR101.check(msg, EMPTY_RULE_CONTEXT))).toEqual([
        '/Bericht/Declaratie/Clienten/Client[2]',
      ]);
    });
  });
});
