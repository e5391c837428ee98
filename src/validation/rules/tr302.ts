import type { Wmo301ToegewezenProduct } from '../../model/index.js';
import { defineRule } from './define-rule.js';
import { compareDates } from './support/dates.js';
import { findOverlappingProducts, isHulpmiddel } from './support/overlap.js';
import { TR_SOURCE } from './support/sources.js';
import { stepAt } from './support/xpath.js';

/**
 * A deleted toewijzing (RedenWijziging 13, or legacy 01, with Einddatum = Ingangsdatum) does not
 * count towards stapeling (toelichting TR302).
 */
function isVerwijderd(product: Wmo301ToegewezenProduct): boolean {
  return (
    (product.RedenWijziging === '13' || product.RedenWijziging === '01') &&
    product.Einddatum !== undefined &&
    compareDates(product.Ingangsdatum, product.Einddatum) === 0
  );
}

export const TR302 = defineRule({
  id: 'TR302',
  appliesTo: ['WMO301'],
  level: 2,
  retourCode: '0001',
  description:
    'Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen, of indien sprake is van hulpmiddelen',
  source: TR_SOURCE,
  check(msg) {
    const producten = msg.Client.ToegewezenProducten;
    const overlapping = findOverlappingProducts(
      producten.map((p) => ({
        categorie: p.Product?.Categorie,
        code: p.Product?.Code,
        start: p.Ingangsdatum,
        end: p.Einddatum,
        verwijderd: isVerwijderd(p),
      })),
      (item) => item.verwijderd || isHulpmiddel(item.categorie),
    );
    return overlapping.map((index) => ({
      location: `/Bericht/Client/ToegewezenProducten/${stepAt('ToegewezenProduct', index, producten.length)}`,
      detail: 'Product komt vaker voor met overlappende periodes',
    }));
  },
});
