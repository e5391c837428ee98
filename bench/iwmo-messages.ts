/**
 * Builders of synthetic, XSD-valid and level-2-clean iWmo 3.2 heen messages (no real person),
 * for the level-3 scenario tests and the traffic generator. Each takes the values a test cares
 * about and fills the rest with fixed synthetic data.
 */

import { lastDayOfMonth } from '../src/contract/index.js';

export interface HeaderValues {
  readonly afzender: string;
  readonly ontvanger: string;
  readonly identificatie: string;
  readonly dagtekening: string;
}

export interface OmvangValues {
  readonly volume: number;
  readonly eenheid: string;
  readonly frequentie: string;
}

const NS = (n: string): string => `http://www.istandaarden.nl/iwmo/3_2/wmo${n}/schema`;
const BASIS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';
const CODES: Record<string, string> = {
  '301': '414',
  '305': '418',
  '307': '420',
  '315': '444',
  '317': '480',
  '319': '482',
  '323': '484',
};

function escape(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** `<p:name>value</p:name>` when value is defined, '' otherwise. */
function opt(p: string, name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${p}:${name}>${escape(String(value))}</${p}:${name}>`;
}

function envelope(n: string, header: HeaderValues, body: string): string {
  const p = `wmo${n}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:${p}="${NS(n)}" xmlns:iwmo="${BASIS}">
  <${p}:Header>
    <${p}:BerichtCode>${CODES[n] ?? ''}</${p}:BerichtCode>
    <${p}:BerichtVersie>3</${p}:BerichtVersie>
    <${p}:BerichtSubversie>2</${p}:BerichtSubversie>
    <${p}:Afzender>${header.afzender}</${p}:Afzender>
    <${p}:Ontvanger>${header.ontvanger}</${p}:Ontvanger>
    <${p}:BerichtIdentificatie><iwmo:Identificatie>${escape(header.identificatie)}</iwmo:Identificatie><iwmo:Dagtekening>${header.dagtekening}</iwmo:Dagtekening></${p}:BerichtIdentificatie>
    <${p}:XsdVersie><iwmo:BasisschemaXsdVersie>1.0.0</iwmo:BasisschemaXsdVersie><iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie></${p}:XsdVersie>
  </${p}:Header>
${body}
</${p}:Bericht>
`;
}

function product(categorie: string | undefined, code: string | undefined): string {
  if (categorie === undefined) {
    return '';
  }
  return `<iwmo:Categorie>${categorie}</iwmo:Categorie>${code === undefined ? '' : `<iwmo:Code>${code}</iwmo:Code>`}`;
}

function omvang(value: OmvangValues | undefined): string {
  return value === undefined
    ? ''
    : `<iwmo:Volume>${value.volume}</iwmo:Volume><iwmo:Eenheid>${value.eenheid}</iwmo:Eenheid><iwmo:Frequentie>${value.frequentie}</iwmo:Frequentie>`;
}

function wrap(p: string, name: string, inner: string): string {
  return inner === '' ? '' : `<${p}:${name}>${inner}</${p}:${name}>`;
}

const GEBOORTEDATUM = '<iwmo:Datum>1950-06-15</iwmo:Datum>';
const VERKORTE_NAAM =
  '<iwmo:Geslachtsnaam><iwmo:Achternaam>Proefpersoon</iwmo:Achternaam></iwmo:Geslachtsnaam><iwmo:Voorletters>T</iwmo:Voorletters>';

/** A Client with Bsn, Geboortedatum, Geslacht, a short Naam and one list of products. */
function clientWithProducts(p: string, bsn: string, list: string, items: string): string {
  return `  <${p}:Client>
    <${p}:Bsn>${bsn}</${p}:Bsn>
    <${p}:Geboortedatum>${GEBOORTEDATUM}</${p}:Geboortedatum>
    <${p}:Geslacht>2</${p}:Geslacht>
    <${p}:Naam>${VERKORTE_NAAM}</${p}:Naam>
    <${p}:${list}>
      ${items}
    </${p}:${list}>
  </${p}:Client>`;
}

export interface ToegewezenProductValues {
  readonly nummer: string;
  readonly referentieAanbieder?: string;
  readonly categorie?: string;
  readonly code?: string;
  readonly toewijzingsdatum: string;
  readonly toewijzingstijd: string;
  readonly ingangsdatum: string;
  readonly einddatum?: string;
  readonly redenWijziging?: string;
  readonly omvang?: OmvangValues;
  readonly budget?: number;
}

/** WMO301 Toewijzing for one client. */
export function toewijzing301(
  header: HeaderValues,
  bsn: string,
  producten: readonly ToegewezenProductValues[],
): string {
  const p = 'wmo301';
  const items = producten
    .map(
      (t) =>
        `<${p}:ToegewezenProduct>${opt(p, 'ToewijzingNummer', t.nummer)}${opt(p, 'ReferentieAanbieder', t.referentieAanbieder)}${wrap(p, 'Product', product(t.categorie, t.code))}${opt(p, 'Toewijzingsdatum', t.toewijzingsdatum)}${opt(p, 'Toewijzingstijd', t.toewijzingstijd)}${opt(p, 'Ingangsdatum', t.ingangsdatum)}${opt(p, 'Einddatum', t.einddatum)}${opt(p, 'RedenWijziging', t.redenWijziging)}${wrap(p, 'Omvang', omvang(t.omvang))}${opt(p, 'Budget', t.budget)}</${p}:ToegewezenProduct>`,
    )
    .join('\n      ');
  return envelope(
    '301',
    header,
    `  <${p}:Client>
    <${p}:Bsn>${bsn}</${p}:Bsn>
    <${p}:Geboortedatum>${GEBOORTEDATUM}</${p}:Geboortedatum>
    <${p}:Geslacht>2</${p}:Geslacht>
    <${p}:Naam><iwmo:Geslachtsnaam><iwmo:Achternaam>Proefpersoon</iwmo:Achternaam></iwmo:Geslachtsnaam><iwmo:Voorletters>T</iwmo:Voorletters><iwmo:NaamGebruik>1</iwmo:NaamGebruik></${p}:Naam>
    <${p}:Contactgegevens><${p}:Contact><${p}:Soort>01</${p}:Soort><${p}:Adres><iwmo:Huis><iwmo:Huisnummer>1</iwmo:Huisnummer></iwmo:Huis><iwmo:Postcode>1011AB</iwmo:Postcode><iwmo:Straatnaam>Proefstraat</iwmo:Straatnaam><iwmo:Plaatsnaam>Amsterdam</iwmo:Plaatsnaam><iwmo:LandCode>NL</iwmo:LandCode></${p}:Adres></${p}:Contact></${p}:Contactgegevens>
    <${p}:ToegewezenProducten>
      ${items}
    </${p}:ToegewezenProducten>
  </${p}:Client>`,
  );
}

export interface LeveringValues {
  readonly nummer?: string;
  readonly categorie?: string;
  readonly code?: string;
  readonly toewijzingIngangsdatum?: string;
  readonly begindatum: string;
  /** 1 new, 3 delete. @defaultValue '1' */
  readonly status?: string;
}

/** WMO305 Start levering for one client. */
export function start305(
  header: HeaderValues,
  bsn: string,
  producten: readonly LeveringValues[],
): string {
  const p = 'wmo305';
  const items = producten
    .map(
      (s) =>
        `<${p}:StartProduct>${opt(p, 'ToewijzingNummer', s.nummer)}${wrap(p, 'Product', product(s.categorie, s.code))}${opt(p, 'ToewijzingIngangsdatum', s.toewijzingIngangsdatum)}${opt(p, 'Begindatum', s.begindatum)}${opt(p, 'StatusAanlevering', s.status ?? '1')}</${p}:StartProduct>`,
    )
    .join('\n      ');
  return envelope('305', header, clientWithProducts(p, bsn, 'StartProducten', items));
}

export interface StopValues extends LeveringValues {
  readonly redenBeeindiging: string;
  readonly einddatum: string;
}

/** WMO307 Stop levering for one client. */
export function stop307(
  header: HeaderValues,
  bsn: string,
  producten: readonly StopValues[],
): string {
  const p = 'wmo307';
  const items = producten
    .map(
      (s) =>
        `<${p}:StopProduct>${opt(p, 'ToewijzingNummer', s.nummer)}${wrap(p, 'Product', product(s.categorie, s.code))}${opt(p, 'ToewijzingIngangsdatum', s.toewijzingIngangsdatum)}${opt(p, 'Begindatum', s.begindatum)}${opt(p, 'RedenBeeindiging', s.redenBeeindiging)}${opt(p, 'Einddatum', s.einddatum)}${opt(p, 'StatusAanlevering', s.status ?? '1')}</${p}:StopProduct>`,
    )
    .join('\n      ');
  return envelope('307', header, clientWithProducts(p, bsn, 'StopProducten', items));
}

export interface AangevraagdProductValues {
  readonly referentie: string;
  readonly categorie: string;
  readonly code?: string;
  readonly ingangsdatum: string;
  readonly einddatum?: string;
  readonly omvang?: OmvangValues;
}

/** WMO315 Verzoek om toewijzing for one client (Verwijzer: huisarts by name). */
export function verzoek315(
  header: HeaderValues,
  bsn: string,
  producten: readonly AangevraagdProductValues[],
): string {
  const p = 'wmo315';
  const items = producten
    .map(
      (a) =>
        `<${p}:AangevraagdProduct>${opt(p, 'ReferentieAanbieder', a.referentie)}${wrap(p, 'Product', product(a.categorie, a.code))}${opt(p, 'ToewijzingIngangsdatum', a.ingangsdatum)}${opt(p, 'ToewijzingEinddatum', a.einddatum)}${wrap(p, 'Omvang', omvang(a.omvang))}<${p}:Verwijzer><iwmo:Type>02</iwmo:Type><iwmo:Naam>Huisarts Proef</iwmo:Naam></${p}:Verwijzer></${p}:AangevraagdProduct>`,
    )
    .join('\n      ');
  return envelope('315', header, clientWithProducts(p, bsn, 'AangevraagdeProducten', items));
}

export interface VerzoekValues {
  readonly referentie: string;
  readonly ongewijzigd?: readonly string[];
  readonly teWijzigen?: readonly {
    readonly nummer: string;
    readonly gewensteIngangsdatum: string;
    readonly einddatum?: string;
    readonly omvang?: OmvangValues;
    readonly budget?: number;
  }[];
  readonly nieuw?: readonly {
    readonly categorie: string;
    readonly code?: string;
    readonly gewensteIngangsdatum: string;
    readonly einddatum?: string;
    readonly omvang?: OmvangValues;
  }[];
}

/** WMO317 Verzoek om wijziging (RedenVerzoek 1). */
export function verzoek317(header: HeaderValues, bsn: string, verzoek: VerzoekValues): string {
  const p = 'wmo317';
  const ongewijzigd = (verzoek.ongewijzigd ?? [])
    .map(
      (n) =>
        `<${p}:OngewijzigdProduct><${p}:ToewijzingNummer>${n}</${p}:ToewijzingNummer></${p}:OngewijzigdProduct>`,
    )
    .join('');
  const teWijzigen = (verzoek.teWijzigen ?? [])
    .map(
      (t) =>
        `<${p}:TeWijzigenProduct>${opt(p, 'ToewijzingNummer', t.nummer)}${opt(p, 'GewensteIngangsdatum', t.gewensteIngangsdatum)}${opt(p, 'Einddatum', t.einddatum)}${wrap(p, 'Omvang', omvang(t.omvang))}${opt(p, 'Budget', t.budget)}</${p}:TeWijzigenProduct>`,
    )
    .join('');
  const nieuw = (verzoek.nieuw ?? [])
    .map(
      (n) =>
        `<${p}:NieuwProduct>${wrap(p, 'Product', product(n.categorie, n.code))}${opt(p, 'GewensteIngangsdatum', n.gewensteIngangsdatum)}${opt(p, 'Einddatum', n.einddatum)}${wrap(p, 'Omvang', omvang(n.omvang))}</${p}:NieuwProduct>`,
    )
    .join('');
  return envelope(
    '317',
    header,
    `  <${p}:Client>
    <${p}:Bsn>${bsn}</${p}:Bsn>
    <${p}:Verzoek>
      <${p}:ReferentieAanbieder>${escape(verzoek.referentie)}</${p}:ReferentieAanbieder>
      <${p}:RedenVerzoek>1</${p}:RedenVerzoek>
      ${wrap(p, 'OngewijzigdeProducten', ongewijzigd)}${wrap(p, 'TeWijzigenProducten', teWijzigen)}${wrap(p, 'NieuweProducten', nieuw)}
    </${p}:Verzoek>
  </${p}:Client>`,
  );
}

/** WMO319 Antwoordbericht: 1 afgewezen (with RedenAfwijzingVerzoek), 2 in onderzoek. */
export function antwoord319(
  header: HeaderValues,
  referentie: string,
  verzoekAntwoord: '1' | '2',
): string {
  const p = 'wmo319';
  return envelope(
    '319',
    header,
    `  <${p}:Antwoord>
    <${p}:ReferentieAanbieder>${escape(referentie)}</${p}:ReferentieAanbieder>
    <${p}:VerzoekAntwoord>${verzoekAntwoord}</${p}:VerzoekAntwoord>${verzoekAntwoord === '1' ? `\n    <${p}:RedenAfwijzingVerzoek>4</${p}:RedenAfwijzingVerzoek>` : ''}
  </${p}:Antwoord>`,
  );
}

export interface PrestatieValues {
  readonly referentie: string;
  readonly vorigReferentie?: string;
  readonly nummer: string;
  readonly categorie: string;
  readonly code: string;
  readonly begindatum: string;
  readonly einddatum: string;
  readonly volume: number;
  readonly eenheid: string;
  /** Eurocents per unit; absent for Eenheid 83. */
  readonly tarief?: number;
  readonly debetCredit: 'D' | 'C';
}

/** The IngediendBedrag of a Prestatie: volume × tarief, or the volume for Eenheid 83 (CS339). */
export function bedragOf(prestatie: PrestatieValues): number {
  return prestatie.tarief === undefined ? prestatie.volume : prestatie.volume * prestatie.tarief;
}

export interface DeclaratieValues {
  readonly nummer: string;
  /** DeclaratiePeriode as YYYY-MM (one whole month, CS340). */
  readonly maand: string;
  readonly clienten: readonly {
    readonly bsn: string;
    readonly prestaties: readonly PrestatieValues[];
  }[];
}

/** WMO323 Declaratie; TotaalIngediendBedrag is computed (TR358). */
export function declaratie323(header: HeaderValues, declaratie: DeclaratieValues): string {
  const p = 'wmo323';
  let total = 0;
  const clienten = declaratie.clienten
    .map((client) => {
      const prestaties = client.prestaties
        .map((x) => {
          const bedrag = bedragOf(x);
          total += x.debetCredit === 'D' ? bedrag : -bedrag;
          return `<${p}:Prestatie><${p}:ProductReferentie><iwmo:ReferentieNummer>${escape(x.referentie)}</iwmo:ReferentieNummer>${x.vorigReferentie === undefined ? '' : `<iwmo:VorigReferentieNummer>${escape(x.vorigReferentie)}</iwmo:VorigReferentieNummer>`}</${p}:ProductReferentie>${opt(p, 'ToewijzingNummer', x.nummer)}${opt(p, 'ProductCategorie', x.categorie)}${opt(p, 'ProductCode', x.code)}<${p}:ProductPeriode><iwmo:Begindatum>${x.begindatum}</iwmo:Begindatum><iwmo:Einddatum>${x.einddatum}</iwmo:Einddatum></${p}:ProductPeriode>${opt(p, 'GeleverdVolume', x.volume)}${opt(p, 'Eenheid', x.eenheid)}${opt(p, 'ProductTarief', x.tarief)}<${p}:IngediendBedrag><iwmo:Bedrag>${bedrag}</iwmo:Bedrag><iwmo:DebetCredit>${x.debetCredit}</iwmo:DebetCredit></${p}:IngediendBedrag></${p}:Prestatie>`;
        })
        .join('\n          ');
      return `<${p}:Client><${p}:Bsn>${client.bsn}</${p}:Bsn><${p}:Prestaties>
          ${prestaties}
        </${p}:Prestaties></${p}:Client>`;
    })
    .join('\n      ');
  return envelope(
    '323',
    header,
    `  <${p}:Declaratie>
    <${p}:DeclaratieNummer>${declaratie.nummer}</${p}:DeclaratieNummer>
    <${p}:DeclaratiePeriode><iwmo:Begindatum>${declaratie.maand}-01</iwmo:Begindatum><iwmo:Einddatum>${lastDayOfMonth(declaratie.maand)}</iwmo:Einddatum></${p}:DeclaratiePeriode>
    <${p}:DeclaratieDagtekening>${header.dagtekening}</${p}:DeclaratieDagtekening>
    <${p}:TotaalIngediendBedrag><iwmo:TotaalBedrag>${Math.abs(total)}</iwmo:TotaalBedrag><iwmo:DebetCredit>${total < 0 ? 'C' : 'D'}</iwmo:DebetCredit></${p}:TotaalIngediendBedrag>
    <${p}:Clienten>
      ${clienten}
    </${p}:Clienten>
  </${p}:Declaratie>`,
  );
}

/** The last day of a month `YYYY-MM` as YYYY-MM-DD. */
export const lastDayOf = lastDayOfMonth;
