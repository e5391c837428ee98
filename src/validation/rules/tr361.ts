import { messageParties, type ProductRef } from '../../domain/register/index.js';
import { defineRule } from './define-rule.js';
import {
  CLIENT,
  clientOf,
  toewijzingOf,
  TR_CROSS_MESSAGE_SOURCE,
} from './support/cross-message.js';
import { locate } from './support/located.js';
import { findOverlappingProducts, isHulpmiddel, type ProductPeriod } from './support/overlap.js';

/**
 * The desired situation may hold a product twice only without overlapping periods (OP347).
 * OngewijzigdProduct and TeWijzigenProduct get Product and period from the toewijzing they name
 * (TeWijzigenProduct: GewensteIngangsdatum to its Einddatum). Hulpmiddelen (11–14) are exempt.
 * Overlaps between NieuwProducten alone are TR410 (level 2). Uses the O(n log n) overlap index.
 */
export const TR361 = defineRule({
  id: 'TR361',
  appliesTo: ['WMO317'],
  level: 3,
  retourCode: '9361',
  description:
    'Een Product mag alleen vaker in verzoek om wijziging voorkomen als de zorgperiodes elkaar niet overlappen, of indien sprake is van hulpmiddelen',
  source: TR_CROSS_MESSAGE_SOURCE,
  check(msg, { register }) {
    const { aanbieder } = messageParties(msg.type, msg.header);
    const client = clientOf(register, msg.Client.Bsn);
    const verzoek = msg.Client.Verzoek;
    const items: (ProductPeriod & { readonly path: string })[] = [];
    const fromToewijzing = (product: ProductRef | undefined) => ({
      categorie: product?.categorie,
      code: product?.code,
    });
    for (const { item, path } of locate(
      verzoek.OngewijzigdeProducten,
      `${CLIENT}/Verzoek/OngewijzigdeProducten`,
      'OngewijzigdProduct',
    )) {
      const t = toewijzingOf(register, aanbieder, client.clientId, item.ToewijzingNummer);
      if (t !== undefined) {
        items.push({ ...fromToewijzing(t.product), start: t.ingangsdatum, end: t.einddatum, path });
      }
    }
    for (const { item, path } of locate(
      verzoek.TeWijzigenProducten,
      `${CLIENT}/Verzoek/TeWijzigenProducten`,
      'TeWijzigenProduct',
    )) {
      const t = toewijzingOf(register, aanbieder, client.clientId, item.ToewijzingNummer);
      if (t !== undefined) {
        items.push({
          ...fromToewijzing(t.product),
          start: item.GewensteIngangsdatum,
          end: item.Einddatum,
          path,
        });
      }
    }
    for (const { item, path } of locate(
      verzoek.NieuweProducten,
      `${CLIENT}/Verzoek/NieuweProducten`,
      'NieuwProduct',
    )) {
      items.push({
        categorie: item.Product?.Categorie,
        code: item.Product?.Code,
        start: item.GewensteIngangsdatum,
        end: item.Einddatum,
        path,
      });
    }
    return findOverlappingProducts(items, (item) => isHulpmiddel(item.categorie)).map((index) => ({
      location: items[index]?.path ?? `${CLIENT}/Verzoek`,
      detail: 'Hetzelfde product komt vaker voor met overlappende periodes',
    }));
  },
});
