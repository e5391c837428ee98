import { defineRule } from './define-rule.js';
import { findOverlappingProducts, isHulpmiddel } from './support/overlap.js';
import { TR_SOURCE } from './support/sources.js';
import { stepAt } from './support/xpath.js';

/*
 * The rule text does not mention hulpmiddelen, but the XSLT 2.10.5 exempts categories 11–14 here
 * as it does for TR302 and TR410; the gateway follows the XSLT.
 */
export const TR386 = defineRule({
  id: 'TR386',
  appliesTo: ['WMO315'],
  level: 2,
  retourCode: '0001',
  description:
    'Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.',
  source: TR_SOURCE,
  check(msg) {
    const producten = msg.Client.AangevraagdeProducten;
    const overlapping = findOverlappingProducts(
      producten.map((p) => ({
        categorie: p.Product?.Categorie,
        code: p.Product?.Code,
        start: p.ToewijzingIngangsdatum,
        end: p.ToewijzingEinddatum,
      })),
      (item) => isHulpmiddel(item.categorie),
    );
    return overlapping.map((index) => ({
      location: `/Bericht/Client/AangevraagdeProducten/${stepAt('AangevraagdProduct', index, producten.length)}`,
      detail: 'Product komt vaker voor met overlappende periodes',
    }));
  },
});
