import type { Omvang, ParsedMessage, Product } from '../../../model/index.js';
import { dateNumber } from './dates.js';
import { locate } from './located.js';

/**
 * The classes that describe a (requested) toewijzing with Product, period, Omvang and Budget:
 * ToegewezenProduct (301), AangevraagdProduct (315), TeWijzigenProduct and NieuwProduct (317).
 * Several conditions (CD041, CD075–CD080, CD095, CD096, CS003, CS338, CS343) apply to the same
 * elements of these classes under different names; this gives them one shape.
 */
export type ToewijzingKlasseNaam =
  'ToegewezenProduct' | 'AangevraagdProduct' | 'TeWijzigenProduct' | 'NieuwProduct';

export interface ToewijzingKlasse {
  readonly klasse: ToewijzingKlasseNaam;
  /** XPath of the class element. */
  readonly path: string;
  /** Product; always undefined for TeWijzigenProduct, which has no Product element. */
  readonly product: Product | undefined;
  /** Ingangsdatum, ToewijzingIngangsdatum or GewensteIngangsdatum. */
  readonly ingangsdatum: string;
  readonly einddatum: string | undefined;
  /** Element name of the end date: `Einddatum` or `ToewijzingEinddatum` (315). */
  readonly einddatumNaam: 'Einddatum' | 'ToewijzingEinddatum';
  readonly omvang: Omvang | undefined;
  readonly budget: number | undefined;
}

export type ToewijzingMessage = ParsedMessage<'WMO301' | 'WMO315' | 'WMO317'>;

const CLIENT = '/Bericht/Client';

export function toewijzingKlassen(msg: ToewijzingMessage): ToewijzingKlasse[] {
  switch (msg.type) {
    case 'WMO301':
      return locate(
        msg.Client.ToegewezenProducten,
        `${CLIENT}/ToegewezenProducten`,
        'ToegewezenProduct',
      ).map(({ item, path }) => ({
        klasse: 'ToegewezenProduct',
        path,
        product: item.Product,
        ingangsdatum: item.Ingangsdatum,
        einddatum: item.Einddatum,
        einddatumNaam: 'Einddatum',
        omvang: item.Omvang,
        budget: item.Budget,
      }));
    case 'WMO315':
      return locate(
        msg.Client.AangevraagdeProducten,
        `${CLIENT}/AangevraagdeProducten`,
        'AangevraagdProduct',
      ).map(({ item, path }) => ({
        klasse: 'AangevraagdProduct',
        path,
        product: item.Product,
        ingangsdatum: item.ToewijzingIngangsdatum,
        einddatum: item.ToewijzingEinddatum,
        einddatumNaam: 'ToewijzingEinddatum',
        omvang: item.Omvang,
        budget: item.Budget,
      }));
    case 'WMO317': {
      const verzoek = msg.Client.Verzoek;
      const teWijzigen = locate(
        verzoek.TeWijzigenProducten,
        `${CLIENT}/Verzoek/TeWijzigenProducten`,
        'TeWijzigenProduct',
      ).map(({ item, path }): ToewijzingKlasse => ({
        klasse: 'TeWijzigenProduct',
        path,
        product: undefined,
        ingangsdatum: item.GewensteIngangsdatum,
        einddatum: item.Einddatum,
        einddatumNaam: 'Einddatum',
        omvang: item.Omvang,
        budget: item.Budget,
      }));
      const nieuw = locate(
        verzoek.NieuweProducten,
        `${CLIENT}/Verzoek/NieuweProducten`,
        'NieuwProduct',
      ).map(({ item, path }): ToewijzingKlasse => ({
        klasse: 'NieuwProduct',
        path,
        product: item.Product,
        ingangsdatum: item.GewensteIngangsdatum,
        einddatum: item.Einddatum,
        einddatumNaam: 'Einddatum',
        omvang: item.Omvang,
        budget: item.Budget,
      }));
      return [...teWijzigen, ...nieuw];
    }
  }
}

/** "Einddatum groter dan 31-12-2020 of leeg" (CD080, CD095, CD096, CS338, CS343). */
export function eindigtNa2020OfOpen(einddatum: string | undefined): boolean {
  return einddatum === undefined || dateNumber(einddatum) > 20201231;
}
