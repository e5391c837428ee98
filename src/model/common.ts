import type { RetourCode } from '../domain/retourcodes.js';
import { list, node, opt, optNode, req, reqInt, textList } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/**
 * Basisschema composite datatypes (CDT_*, fact sheet §4.2) as typed values, plus what every
 * message model shares. Element names keep the iStandaard spelling; amounts, volumes and budgets
 * are integers (eurocents for money, IV024); dates are calendar dates `YYYY-MM-DD` (LDT_Datum
 * carries no time zone); optional elements are optional properties.
 */

/** Makes a readonly model type writable while a reader builds it. */
export type Building<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Whether a class tree belongs to a heen message or to its retour. A retour repeats the heen
 * class tree and gives every berichtklasse a mandatory `RetourCodes` (fact sheet §3.3).
 */
export type Kind = 'heen' | 'retour';

/** The `RetourCodes` a berichtklasse carries in a retour; nothing in a heen message. */
export type RetourCodesOf<K extends Kind> = K extends 'retour'
  ? { readonly RetourCodes: readonly RetourCode[] }
  : unknown;

/**
 * The 1-based position of a repeated element among its same-named siblings, so rules can point
 * at it, e.g. `ToegewezenProduct[2]`.
 */
export interface Positioned {
  readonly position: number;
}

export type DebetCredit = 'D' | 'C';

export interface Geboortedatum {
  readonly Datum: string;
  readonly DatumGebruik?: string;
}

export interface Achternaam {
  readonly Achternaam: string;
  readonly Voorvoegsel?: string;
}

export interface VolledigeNaam {
  readonly Geslachtsnaam: Achternaam;
  readonly Partnernaam?: Achternaam;
  readonly Voornamen?: string;
  readonly Voorletters?: string;
  readonly NaamGebruik: string;
}

export interface VerkorteNaam {
  readonly Geslachtsnaam: Achternaam;
  readonly Voornamen?: string;
  readonly Voorletters?: string;
}

export interface Communicatie {
  readonly Vorm: string;
  readonly Taal?: string;
}

export interface Huis {
  readonly Huisnummer: number;
  readonly Huisletter?: string;
  readonly HuisnummerToevoeging?: string;
  readonly AanduidingWoonadres?: string;
}

export interface Adres {
  readonly Huis?: Huis;
  readonly Postcode?: string;
  readonly Straatnaam?: string;
  readonly Plaatsnaam?: string;
  readonly LandCode?: string;
}

export interface Telefoon {
  readonly Telefoonnummer: string;
  readonly Landnummer: string;
}

export interface Telefoonnummers {
  readonly Telefoon01: Telefoon;
  readonly Telefoon02?: Telefoon;
}

export interface OpenPeriode {
  readonly Begindatum?: string;
  readonly Einddatum?: string;
}

export interface GeslotenPeriode {
  readonly Begindatum: string;
  readonly Einddatum: string;
}

export interface Product {
  readonly Categorie: string;
  readonly Code?: string;
}

export interface Omvang {
  readonly Volume: number;
  readonly Eenheid: string;
  readonly Frequentie: string;
}

export interface Verwijzer {
  readonly Type: string;
  readonly Naam?: string;
  readonly ZorgverlenerCode?: string;
}

export interface Referentie {
  readonly ReferentieNummer: string;
  readonly VorigReferentieNummer?: string;
}

/** CDT_BedragMetDC: an unsigned amount in eurocents with its debet/credit sign. */
export interface BedragMetDC {
  readonly Bedrag: number;
  readonly DebetCredit: DebetCredit;
}

/** CDT_TotaalBedragMetDC: an unsigned total in eurocents with its debet/credit sign. */
export interface TotaalBedragMetDC {
  readonly TotaalBedrag: number;
  readonly DebetCredit: DebetCredit;
}

export function readGeboortedatum(tree: XmlTree): Geboortedatum {
  const datumGebruik = opt(tree, 'DatumGebruik');
  const datum = req(tree, 'Datum');
  return datumGebruik === undefined
    ? { Datum: datum }
    : { Datum: datum, DatumGebruik: datumGebruik };
}

function readAchternaam(tree: XmlTree): Achternaam {
  const voorvoegsel = opt(tree, 'Voorvoegsel');
  const achternaam = req(tree, 'Achternaam');
  return voorvoegsel === undefined
    ? { Achternaam: achternaam }
    : { Achternaam: achternaam, Voorvoegsel: voorvoegsel };
}

export function readVolledigeNaam(tree: XmlTree): VolledigeNaam {
  const naam: Building<VolledigeNaam> = {
    Geslachtsnaam: readAchternaam(node(tree, 'Geslachtsnaam')),
    NaamGebruik: req(tree, 'NaamGebruik'),
  };
  const partnernaam = optNode(tree, 'Partnernaam');
  if (partnernaam !== undefined) {
    naam.Partnernaam = readAchternaam(partnernaam);
  }
  setOpt(naam, 'Voornamen', opt(tree, 'Voornamen'));
  setOpt(naam, 'Voorletters', opt(tree, 'Voorletters'));
  return naam;
}

export function readVerkorteNaam(tree: XmlTree): VerkorteNaam {
  const naam: Building<VerkorteNaam> = {
    Geslachtsnaam: readAchternaam(node(tree, 'Geslachtsnaam')),
  };
  setOpt(naam, 'Voornamen', opt(tree, 'Voornamen'));
  setOpt(naam, 'Voorletters', opt(tree, 'Voorletters'));
  return naam;
}

export function readCommunicatie(tree: XmlTree): Communicatie {
  const taal = opt(tree, 'Taal');
  const vorm = req(tree, 'Vorm');
  return taal === undefined ? { Vorm: vorm } : { Vorm: vorm, Taal: taal };
}

function readHuis(tree: XmlTree): Huis {
  const huis: Building<Huis> = { Huisnummer: reqInt(tree, 'Huisnummer') };
  setOpt(huis, 'Huisletter', opt(tree, 'Huisletter'));
  setOpt(huis, 'HuisnummerToevoeging', opt(tree, 'HuisnummerToevoeging'));
  setOpt(huis, 'AanduidingWoonadres', opt(tree, 'AanduidingWoonadres'));
  return huis;
}

export function readAdres(tree: XmlTree): Adres {
  const adres: Building<Adres> = {};
  const huis = optNode(tree, 'Huis');
  if (huis !== undefined) {
    adres.Huis = readHuis(huis);
  }
  setOpt(adres, 'Postcode', opt(tree, 'Postcode'));
  setOpt(adres, 'Straatnaam', opt(tree, 'Straatnaam'));
  setOpt(adres, 'Plaatsnaam', opt(tree, 'Plaatsnaam'));
  setOpt(adres, 'LandCode', opt(tree, 'LandCode'));
  return adres;
}

function readTelefoon(tree: XmlTree): Telefoon {
  return { Telefoonnummer: req(tree, 'Telefoonnummer'), Landnummer: req(tree, 'Landnummer') };
}

export function readTelefoonnummers(tree: XmlTree): Telefoonnummers {
  const telefoon02 = optNode(tree, 'Telefoon02');
  const telefoon01 = readTelefoon(node(tree, 'Telefoon01'));
  return telefoon02 === undefined
    ? { Telefoon01: telefoon01 }
    : { Telefoon01: telefoon01, Telefoon02: readTelefoon(telefoon02) };
}

export function readOpenPeriode(tree: XmlTree): OpenPeriode {
  const periode: Building<OpenPeriode> = {};
  setOpt(periode, 'Begindatum', opt(tree, 'Begindatum'));
  setOpt(periode, 'Einddatum', opt(tree, 'Einddatum'));
  return periode;
}

export function readGeslotenPeriode(tree: XmlTree): GeslotenPeriode {
  return { Begindatum: req(tree, 'Begindatum'), Einddatum: req(tree, 'Einddatum') };
}

export function readProduct(tree: XmlTree): Product {
  const code = opt(tree, 'Code');
  const categorie = req(tree, 'Categorie');
  return code === undefined ? { Categorie: categorie } : { Categorie: categorie, Code: code };
}

export function readOmvang(tree: XmlTree): Omvang {
  return {
    Volume: reqInt(tree, 'Volume'),
    Eenheid: req(tree, 'Eenheid'),
    Frequentie: req(tree, 'Frequentie'),
  };
}

export function readVerwijzer(tree: XmlTree): Verwijzer {
  const verwijzer: Building<Verwijzer> = { Type: req(tree, 'Type') };
  setOpt(verwijzer, 'Naam', opt(tree, 'Naam'));
  setOpt(verwijzer, 'ZorgverlenerCode', opt(tree, 'ZorgverlenerCode'));
  return verwijzer;
}

export function readReferentie(tree: XmlTree): Referentie {
  const vorig = opt(tree, 'VorigReferentieNummer');
  const nummer = req(tree, 'ReferentieNummer');
  return vorig === undefined
    ? { ReferentieNummer: nummer }
    : { ReferentieNummer: nummer, VorigReferentieNummer: vorig };
}

function readDebetCredit(tree: XmlTree): DebetCredit {
  const value = req(tree, 'DebetCredit');
  if (value !== 'D' && value !== 'C') {
    throw new Error(`element DebetCredit has value ${value}`);
  }
  return value;
}

export function readBedragMetDC(tree: XmlTree): BedragMetDC {
  return { Bedrag: reqInt(tree, 'Bedrag'), DebetCredit: readDebetCredit(tree) };
}

export function readTotaalBedragMetDC(tree: XmlTree): TotaalBedragMetDC {
  return { TotaalBedrag: reqInt(tree, 'TotaalBedrag'), DebetCredit: readDebetCredit(tree) };
}

/** Reads `RetourCodes/RetourCode*` (the XSD restricts the values to the WJ001 list). */
export function readRetourCodes(tree: XmlTree): readonly RetourCode[] {
  return textList(node(tree, 'RetourCodes'), 'RetourCode') as readonly RetourCode[];
}

/**
 * Adds `RetourCodes` to a class read from a retour; leaves a heen class as it is. The cast is the
 * one place where the `Kind` parameter meets the runtime value.
 */
export function withRetourCodes<T extends object, K extends Kind>(
  value: T,
  tree: XmlTree,
  kind: K,
): T & RetourCodesOf<K> {
  if (kind === 'retour') {
    (value as Building<{ RetourCodes: readonly RetourCode[] }>).RetourCodes = readRetourCodes(tree);
  }
  return value as T & RetourCodesOf<K>;
}

/** Reads each repeated child with its 1-based position. */
export function readList<T>(
  tree: XmlTree,
  name: string,
  read: (child: XmlTree, position: number) => T,
): readonly T[] {
  return list(tree, name).map((child, index) => read(child, index + 1));
}

/** Reads a 0..1 list container such as `Relaties`: undefined when the container is absent. */
export function readOptionalList<T>(
  tree: XmlTree,
  container: string,
  name: string,
  read: (child: XmlTree, position: number) => T,
): readonly T[] | undefined {
  const wrapper = optNode(tree, container);
  return wrapper === undefined ? undefined : readList(wrapper, name, read);
}

/** Sets an optional property only when the element was present (exactOptionalPropertyTypes). */
export function setOpt<T, Key extends keyof T>(
  target: Building<T>,
  key: Key,
  value: T[Key] | undefined,
): void {
  if (value !== undefined) {
    target[key] = value;
  }
}
