import {
  type Building,
  type Kind,
  type Omvang,
  type Positioned,
  type Product,
  readOmvang,
  readOptionalList,
  readProduct,
  type RetourCodesOf,
  setOpt,
  withRetourCodes,
} from './common.js';
import { node, opt, optInt, optNode, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/** WMO317 Verzoek om wijziging (fact sheet §3.5); with `K = 'retour'` the class tree of WMO318. */

export type Wmo317OngewijzigdProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ToewijzingNummer: string;
} & RetourCodesOf<K>;

export type Wmo317TeWijzigenProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ToewijzingNummer: string;
  readonly GewensteIngangsdatum: string;
  readonly Einddatum?: string;
  readonly Omvang?: Omvang;
  /** Eurocents. */
  readonly Budget?: number;
} & RetourCodesOf<K>;

export type Wmo317NieuwProduct<K extends Kind = 'heen'> = Positioned & {
  readonly Product?: Product;
  readonly GewensteIngangsdatum: string;
  readonly Einddatum?: string;
  readonly Omvang?: Omvang;
  /** Eurocents. */
  readonly Budget?: number;
} & RetourCodesOf<K>;

export type Wmo317Verzoek<K extends Kind = 'heen'> = {
  readonly ReferentieAanbieder: string;
  readonly RedenVerzoek: string;
  /** `OngewijzigdeProducten/OngewijzigdProduct`; absent when the container is absent. */
  readonly OngewijzigdeProducten?: readonly Wmo317OngewijzigdProduct<K>[];
  /** `TeWijzigenProducten/TeWijzigenProduct`; absent when the container is absent. */
  readonly TeWijzigenProducten?: readonly Wmo317TeWijzigenProduct<K>[];
  /** `NieuweProducten/NieuwProduct`; absent when the container is absent. */
  readonly NieuweProducten?: readonly Wmo317NieuwProduct<K>[];
} & RetourCodesOf<K>;

export type Wmo317Client<K extends Kind = 'heen'> = {
  readonly Bsn: string;
  readonly Verzoek: Wmo317Verzoek<K>;
} & RetourCodesOf<K>;

interface Wijziging {
  readonly GewensteIngangsdatum: string;
  readonly Einddatum?: string;
  readonly Omvang?: Omvang;
  readonly Budget?: number;
}

function readWijziging(tree: XmlTree, target: Building<Wijziging>): void {
  setOpt(target, 'Einddatum', opt(tree, 'Einddatum'));
  const omvang = optNode(tree, 'Omvang');
  if (omvang !== undefined) {
    target.Omvang = readOmvang(omvang);
  }
  setOpt(target, 'Budget', optInt(tree, 'Budget'));
}

function readTeWijzigenProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo317TeWijzigenProduct<K> {
  const product: Building<Wmo317TeWijzigenProduct> = {
    position,
    ToewijzingNummer: req(tree, 'ToewijzingNummer'),
    GewensteIngangsdatum: req(tree, 'GewensteIngangsdatum'),
  };
  readWijziging(tree, product);
  return withRetourCodes(product, tree, kind);
}

function readNieuwProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo317NieuwProduct<K> {
  const product: Building<Wmo317NieuwProduct> = {
    position,
    GewensteIngangsdatum: req(tree, 'GewensteIngangsdatum'),
  };
  const productCode = optNode(tree, 'Product');
  if (productCode !== undefined) {
    product.Product = readProduct(productCode);
  }
  readWijziging(tree, product);
  return withRetourCodes(product, tree, kind);
}

function readVerzoek<K extends Kind>(tree: XmlTree, kind: K): Wmo317Verzoek<K> {
  const verzoek: Building<Wmo317Verzoek> = {
    ReferentieAanbieder: req(tree, 'ReferentieAanbieder'),
    RedenVerzoek: req(tree, 'RedenVerzoek'),
  };
  const ongewijzigd = readOptionalList(
    tree,
    'OngewijzigdeProducten',
    'OngewijzigdProduct',
    (child, position) =>
      withRetourCodes({ position, ToewijzingNummer: req(child, 'ToewijzingNummer') }, child, kind),
  );
  setOpt(verzoek, 'OngewijzigdeProducten', ongewijzigd);
  const teWijzigen = readOptionalList(
    tree,
    'TeWijzigenProducten',
    'TeWijzigenProduct',
    (child, position) => readTeWijzigenProduct(child, position, kind),
  );
  setOpt(verzoek, 'TeWijzigenProducten', teWijzigen);
  const nieuw = readOptionalList(tree, 'NieuweProducten', 'NieuwProduct', (child, position) =>
    readNieuwProduct(child, position, kind),
  );
  setOpt(verzoek, 'NieuweProducten', nieuw);
  return withRetourCodes(verzoek, tree, kind) as Wmo317Verzoek<K>;
}

export function readWmo317Client<K extends Kind>(tree: XmlTree, kind: K): Wmo317Client<K> {
  const client = {
    Bsn: req(tree, 'Bsn'),
    Verzoek: readVerzoek(node(tree, 'Verzoek'), kind),
  };
  return withRetourCodes(client, tree, kind);
}
