import {
  type Adres,
  type Building,
  type Communicatie,
  type Geboortedatum,
  type Kind,
  type Omvang,
  type OpenPeriode,
  type Positioned,
  type Product,
  readAdres,
  readCommunicatie,
  readGeboortedatum,
  readList,
  readOmvang,
  readOpenPeriode,
  readOptionalList,
  readProduct,
  readTelefoonnummers,
  readVolledigeNaam,
  type RetourCodesOf,
  setOpt,
  type Telefoonnummers,
  type VolledigeNaam,
  withRetourCodes,
} from './common.js';
import { node, opt, optInt, optNode, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/** WMO301 Toewijzing (fact sheet §3.5); with `K = 'retour'` the class tree of WMO302. */

/** `Contact` under `Contactgegevens` (1..n) or under `Relatie` (1..1, position 1). */
export type Wmo301Contact<K extends Kind = 'heen'> = Positioned & {
  readonly Soort: string;
  readonly Adres?: Adres;
  readonly Organisatie?: string;
  readonly Telefoon?: Telefoonnummers;
  readonly Emailadres?: string;
  readonly Periode?: OpenPeriode;
} & RetourCodesOf<K>;

export type Wmo301Relatie<K extends Kind = 'heen'> = Positioned & {
  readonly Nummer: string;
  readonly Volgorde?: number;
  readonly Soort: string;
  readonly Geboortedatum?: Geboortedatum;
  readonly Geslacht?: string;
  readonly Naam: VolledigeNaam;
  readonly Contact: Wmo301Contact<K>;
} & RetourCodesOf<K>;

export type Wmo301ToegewezenProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ToewijzingNummer: string;
  readonly ReferentieAanbieder?: string;
  readonly Product?: Product;
  readonly Toewijzingsdatum: string;
  readonly Toewijzingstijd: string;
  readonly Ingangsdatum: string;
  readonly Einddatum?: string;
  readonly RedenWijziging?: string;
  readonly Omvang?: Omvang;
  /** Eurocents. */
  readonly Budget?: number;
  readonly Commentaar?: string;
} & RetourCodesOf<K>;

export type Wmo301Client<K extends Kind = 'heen'> = {
  readonly Bsn: string;
  readonly Geboortedatum: Geboortedatum;
  readonly Geslacht: string;
  readonly Naam: VolledigeNaam;
  readonly Communicatie?: Communicatie;
  readonly JuridischeStatus?: string;
  readonly WettelijkeVertegenwoordiging?: string;
  readonly Commentaar?: string;
  /** `Relaties/Relatie`; absent when the `Relaties` container is absent. */
  readonly Relaties?: readonly Wmo301Relatie<K>[];
  /** `Contactgegevens/Contact`. */
  readonly Contactgegevens: readonly Wmo301Contact<K>[];
  /** `ToegewezenProducten/ToegewezenProduct`. */
  readonly ToegewezenProducten: readonly Wmo301ToegewezenProduct<K>[];
} & RetourCodesOf<K>;

function readContact<K extends Kind>(tree: XmlTree, position: number, kind: K): Wmo301Contact<K> {
  const contact: Building<Wmo301Contact> = { position, Soort: req(tree, 'Soort') };
  const adres = optNode(tree, 'Adres');
  if (adres !== undefined) {
    contact.Adres = readAdres(adres);
  }
  setOpt(contact, 'Organisatie', opt(tree, 'Organisatie'));
  const telefoon = optNode(tree, 'Telefoon');
  if (telefoon !== undefined) {
    contact.Telefoon = readTelefoonnummers(telefoon);
  }
  setOpt(contact, 'Emailadres', opt(tree, 'Emailadres'));
  const periode = optNode(tree, 'Periode');
  if (periode !== undefined) {
    contact.Periode = readOpenPeriode(periode);
  }
  return withRetourCodes(contact, tree, kind);
}

function readRelatie<K extends Kind>(tree: XmlTree, position: number, kind: K): Wmo301Relatie<K> {
  const relatie: Building<Wmo301Relatie> = {
    position,
    Nummer: req(tree, 'Nummer'),
    Soort: req(tree, 'Soort'),
    Naam: readVolledigeNaam(node(tree, 'Naam')),
    Contact: readContact(node(tree, 'Contact'), 1, kind),
  };
  setOpt(relatie, 'Volgorde', optInt(tree, 'Volgorde'));
  const geboortedatum = optNode(tree, 'Geboortedatum');
  if (geboortedatum !== undefined) {
    relatie.Geboortedatum = readGeboortedatum(geboortedatum);
  }
  setOpt(relatie, 'Geslacht', opt(tree, 'Geslacht'));
  return withRetourCodes(relatie, tree, kind) as Wmo301Relatie<K>;
}

function readToegewezenProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo301ToegewezenProduct<K> {
  const product: Building<Wmo301ToegewezenProduct> = {
    position,
    ToewijzingNummer: req(tree, 'ToewijzingNummer'),
    Toewijzingsdatum: req(tree, 'Toewijzingsdatum'),
    Toewijzingstijd: req(tree, 'Toewijzingstijd'),
    Ingangsdatum: req(tree, 'Ingangsdatum'),
  };
  setOpt(product, 'ReferentieAanbieder', opt(tree, 'ReferentieAanbieder'));
  const productCode = optNode(tree, 'Product');
  if (productCode !== undefined) {
    product.Product = readProduct(productCode);
  }
  setOpt(product, 'Einddatum', opt(tree, 'Einddatum'));
  setOpt(product, 'RedenWijziging', opt(tree, 'RedenWijziging'));
  const omvang = optNode(tree, 'Omvang');
  if (omvang !== undefined) {
    product.Omvang = readOmvang(omvang);
  }
  setOpt(product, 'Budget', optInt(tree, 'Budget'));
  setOpt(product, 'Commentaar', opt(tree, 'Commentaar'));
  return withRetourCodes(product, tree, kind);
}

export function readWmo301Client<K extends Kind>(tree: XmlTree, kind: K): Wmo301Client<K> {
  const client: Building<Wmo301Client> = {
    Bsn: req(tree, 'Bsn'),
    Geboortedatum: readGeboortedatum(node(tree, 'Geboortedatum')),
    Geslacht: req(tree, 'Geslacht'),
    Naam: readVolledigeNaam(node(tree, 'Naam')),
    Contactgegevens: readList(node(tree, 'Contactgegevens'), 'Contact', (child, position) =>
      readContact(child, position, kind),
    ),
    ToegewezenProducten: readList(
      node(tree, 'ToegewezenProducten'),
      'ToegewezenProduct',
      (child, position) => readToegewezenProduct(child, position, kind),
    ),
  };
  const communicatie = optNode(tree, 'Communicatie');
  if (communicatie !== undefined) {
    client.Communicatie = readCommunicatie(communicatie);
  }
  setOpt(client, 'JuridischeStatus', opt(tree, 'JuridischeStatus'));
  setOpt(client, 'WettelijkeVertegenwoordiging', opt(tree, 'WettelijkeVertegenwoordiging'));
  setOpt(client, 'Commentaar', opt(tree, 'Commentaar'));
  const relaties = readOptionalList(tree, 'Relaties', 'Relatie', (child, position) =>
    readRelatie(child, position, kind),
  );
  if (relaties !== undefined) {
    client.Relaties = relaties;
  }
  return withRetourCodes(client, tree, kind) as Wmo301Client<K>;
}
