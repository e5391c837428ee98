import { defineRule } from './define-rule.js';
import { findOverlappingProducts, isHulpmiddel } from './support/overlap.js';
import { TR_SOURCE } from './support/sources.js';
import { stepAt } from './support/xpath.js';

export const TR410 = defineRule({
  id: 'TR410',
  appliesTo: ['WMO317'],
  level: 2,
  retourCode: '0001',
  description:
    'Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet overlappen, of indien sprake is van hulpmiddelen.',
  source: TR_SOURCE,
  check(msg) {
    const producten = msg.Client.Verzoek.NieuweProducten ?? [];
    const overlapping = findOverlappingProducts(
      producten.map((p) => ({
        categorie: p.Product?.Categorie,
        code: p.Product?.Code,
        start: p.GewensteIngangsdatum,
        end: p.Einddatum,
      })),
      (item) => isHulpmiddel(item.categorie),
    );
    return overlapping.map((index) => ({
      location: `/Bericht/Client/Verzoek/NieuweProducten/${stepAt('NieuwProduct', index, producten.length)}`,
      detail: 'Product komt vaker voor met overlappende periodes',
    }));
  },
});
