import type {
  MessageHeader,
  Wmo301Client,
  Wmo301Contact,
  Wmo301Message,
  Wmo301ToegewezenProduct,
  Wmo305Message,
  Wmo315AangevraagdProduct,
  Wmo315Message,
  Wmo317Message,
  Wmo317NieuwProduct,
  Wmo323Client,
  Wmo323Message,
  Wmo323Prestatie,
  Wmo325Client,
  Wmo325DeclaratieAntwoord,
  Wmo325Message,
} from '../../src/model/index.js';

/**
 * Typed-model builders for rule unit tests: a level-2-clean message per type, with overrides for
 * the part a test is about. Synthetic data only (test BSNs that pass the 11-proef).
 */

export function header(code: string, dagtekening: string): MessageHeader {
  return {
    BerichtCode: code,
    BerichtVersie: '3',
    BerichtSubversie: '2',
    Afzender: '87654321',
    Ontvanger: '0363',
    BerichtIdentificatie: { Identificatie: 'UNIT-0001', Dagtekening: dagtekening },
    XsdVersie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
  };
}

export function contact301(overrides: Partial<Wmo301Contact> = {}): Wmo301Contact {
  return {
    position: 1,
    Soort: '01',
    Adres: { Huis: { Huisnummer: 12 }, Postcode: '1234AB', LandCode: 'NL' },
    ...overrides,
  };
}

export function toegewezenProduct(
  overrides: Partial<Wmo301ToegewezenProduct> = {},
): Wmo301ToegewezenProduct {
  return {
    position: 1,
    ToewijzingNummer: '5001',
    Product: { Categorie: '02', Code: '02A01' },
    Toewijzingsdatum: '2026-03-02',
    Toewijzingstijd: '09:15:00',
    Ingangsdatum: '2026-03-01',
    Einddatum: '2026-12-31',
    Omvang: { Volume: 4, Eenheid: '04', Frequentie: '2' },
    ...overrides,
  };
}

/** A copy without the given optional property (exactOptionalPropertyTypes forbids `undefined`). */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Gives each item its 1-based position, as the parser does. */
export function positioned<T extends { readonly position: number }>(items: readonly T[]): T[] {
  return items.map((item, index) => ({ ...item, position: index + 1 }));
}

export function wmo301(
  client: Partial<Wmo301Client> = {},
  dagtekening = '2026-03-02',
): Wmo301Message {
  return {
    type: 'WMO301',
    header: header('414', dagtekening),
    Client: {
      Bsn: '999990019',
      Geboortedatum: { Datum: '1955-04-12' },
      Geslacht: '2',
      Naam: { Geslachtsnaam: { Achternaam: 'Testpersoon' }, NaamGebruik: '1' },
      Contactgegevens: [contact301()],
      ToegewezenProducten: [toegewezenProduct()],
      ...client,
    },
  };
}

export function wmo305(
  geboortedatum: Wmo305Message['Client']['Geboortedatum'],
  dagtekening: string,
): Wmo305Message {
  return {
    type: 'WMO305',
    header: header('418', dagtekening),
    Client: {
      Bsn: '999990019',
      Geboortedatum: geboortedatum,
      Geslacht: '1',
      Naam: { Geslachtsnaam: { Achternaam: 'Testpersoon' } },
      StartProducten: [
        {
          position: 1,
          ToewijzingNummer: '5001',
          Begindatum: '2026-03-03',
          StatusAanlevering: '1',
        },
      ],
    },
  };
}

export function aangevraagdProduct(
  overrides: Partial<Wmo315AangevraagdProduct> = {},
): Wmo315AangevraagdProduct {
  return {
    position: 1,
    ReferentieAanbieder: 'VOT-0001',
    Product: { Categorie: '02', Code: '02A01' },
    ToewijzingIngangsdatum: '2026-04-01',
    ToewijzingEinddatum: '2026-12-31',
    Omvang: { Volume: 4, Eenheid: '04', Frequentie: '2' },
    Verwijzer: { Type: '02', ZorgverlenerCode: '01234567' },
    ...overrides,
  };
}

export function wmo315(producten: readonly Wmo315AangevraagdProduct[]): Wmo315Message {
  return {
    type: 'WMO315',
    header: header('444', '2026-03-09'),
    Client: {
      Bsn: '999990019',
      Geboortedatum: { Datum: '1955-04-12' },
      Geslacht: '1',
      Naam: { Geslachtsnaam: { Achternaam: 'Testpersoon' } },
      AangevraagdeProducten: positioned(producten),
    },
  };
}

export function nieuwProduct(overrides: Partial<Wmo317NieuwProduct> = {}): Wmo317NieuwProduct {
  return {
    position: 1,
    Product: { Categorie: '07', Code: '07A01' },
    GewensteIngangsdatum: '2026-05-01',
    Einddatum: '2026-12-31',
    Omvang: { Volume: 2, Eenheid: '16', Frequentie: '2' },
    ...overrides,
  };
}

export function wmo317(
  nieuweProducten: readonly Wmo317NieuwProduct[],
  dagtekening = '2026-04-10',
): Wmo317Message {
  return {
    type: 'WMO317',
    header: header('480', dagtekening),
    Client: {
      Bsn: '999990019',
      Verzoek: {
        ReferentieAanbieder: 'VOW-0001',
        RedenVerzoek: '1',
        OngewijzigdeProducten: [{ position: 1, ToewijzingNummer: '5002' }],
        NieuweProducten: positioned(nieuweProducten),
      },
    },
  };
}

export function prestatie(overrides: Partial<Wmo323Prestatie> = {}): Wmo323Prestatie {
  return {
    position: 1,
    ProductReferentie: { ReferentieNummer: 'RN-0001' },
    ToewijzingNummer: '5001',
    ProductCategorie: '02',
    ProductCode: '02A01',
    ProductPeriode: { Begindatum: '2026-03-01', Einddatum: '2026-03-31' },
    GeleverdVolume: 4,
    Eenheid: '04',
    ProductTarief: 1250,
    IngediendBedrag: { Bedrag: 5000, DebetCredit: 'D' },
    ...overrides,
  };
}

export function client323(prestaties: readonly Wmo323Prestatie[], bsn = '999990019'): Wmo323Client {
  return { position: 1, Bsn: bsn, Prestaties: positioned(prestaties) };
}

/** A WMO323 whose TotaalIngediendBedrag matches its Prestaties unless `totaal` is given. */
export function wmo323(
  clienten: readonly Wmo323Client[],
  options: {
    readonly totaal?: Wmo323Message['Declaratie']['TotaalIngediendBedrag'];
    readonly periode?: Wmo323Message['Declaratie']['DeclaratiePeriode'];
    readonly dagtekening?: string;
    readonly declaratieDagtekening?: string;
  } = {},
): Wmo323Message {
  let som = 0;
  for (const client of clienten) {
    for (const p of client.Prestaties) {
      som +=
        p.IngediendBedrag.DebetCredit === 'D'
          ? p.IngediendBedrag.Bedrag
          : -p.IngediendBedrag.Bedrag;
    }
  }
  const dagtekening = options.dagtekening ?? '2026-04-06';
  return {
    type: 'WMO323',
    header: header('484', dagtekening),
    Declaratie: {
      DeclaratieNummer: 'DEC202603',
      DeclaratiePeriode: options.periode ?? { Begindatum: '2026-03-01', Einddatum: '2026-03-31' },
      DeclaratieDagtekening: options.declaratieDagtekening ?? dagtekening,
      TotaalIngediendBedrag: options.totaal ?? {
        TotaalBedrag: Math.abs(som),
        DebetCredit: som < 0 ? 'C' : 'D',
      },
      Clienten: positioned(clienten),
    },
  };
}

export function client325(prestaties: readonly Wmo323Prestatie[], bsn = '999990019'): Wmo325Client {
  return {
    position: 1,
    Bsn: bsn,
    Prestaties: positioned(prestaties).map((p) => ({ ...p, RetourCodes: ['9339'] as const })),
    RetourCodes: ['0200'],
  };
}

export function wmo325(antwoord: Wmo325DeclaratieAntwoord | undefined): Wmo325Message {
  const base = {
    type: 'WMO325' as const,
    header: {
      ...header('485', '2026-04-13'),
      DeclaratieIdentificatie: { Identificatie: 'UNIT-0323', Dagtekening: '2026-04-06' },
      XsdVersieDeclaratie: { BasisschemaXsdVersie: '1.0.0', BerichtXsdVersie: '1.0.0' },
      RetourCodes: ['0200' as const],
    },
  };
  return antwoord === undefined ? base : { ...base, DeclaratieAntwoord: antwoord };
}
