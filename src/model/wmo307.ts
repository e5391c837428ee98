import {
  type Building,
  type Geboortedatum,
  type Kind,
  type Positioned,
  type Product,
  readGeboortedatum,
  readList,
  readProduct,
  readVerkorteNaam,
  type RetourCodesOf,
  setOpt,
  type VerkorteNaam,
  withRetourCodes,
} from './common.js';
import { node, opt, optNode, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/** WMO307 Stop levering (fact sheet §3.5); with `K = 'retour'` the class tree of WMO308. */

export type Wmo307StopProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ToewijzingNummer?: string;
  readonly Product?: Product;
  readonly ToewijzingIngangsdatum?: string;
  readonly Begindatum: string;
  readonly RedenBeeindiging: string;
  readonly Einddatum: string;
  readonly StatusAanlevering: string;
} & RetourCodesOf<K>;

export type Wmo307Client<K extends Kind = 'heen'> = {
  readonly Bsn: string;
  readonly Geboortedatum: Geboortedatum;
  readonly Geslacht: string;
  readonly Naam: VerkorteNaam;
  /** `StopProducten/StopProduct`. */
  readonly StopProducten: readonly Wmo307StopProduct<K>[];
} & RetourCodesOf<K>;

function readStopProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo307StopProduct<K> {
  const product: Building<Wmo307StopProduct> = {
    position,
    Begindatum: req(tree, 'Begindatum'),
    RedenBeeindiging: req(tree, 'RedenBeeindiging'),
    Einddatum: req(tree, 'Einddatum'),
    StatusAanlevering: req(tree, 'StatusAanlevering'),
  };
  setOpt(product, 'ToewijzingNummer', opt(tree, 'ToewijzingNummer'));
  const productCode = optNode(tree, 'Product');
  if (productCode !== undefined) {
    product.Product = readProduct(productCode);
  }
  setOpt(product, 'ToewijzingIngangsdatum', opt(tree, 'ToewijzingIngangsdatum'));
  return withRetourCodes(product, tree, kind);
}

export function readWmo307Client<K extends Kind>(tree: XmlTree, kind: K): Wmo307Client<K> {
  const client: Wmo307Client = {
    Bsn: req(tree, 'Bsn'),
    Geboortedatum: readGeboortedatum(node(tree, 'Geboortedatum')),
    Geslacht: req(tree, 'Geslacht'),
    Naam: readVerkorteNaam(node(tree, 'Naam')),
    StopProducten: readList(node(tree, 'StopProducten'), 'StopProduct', (child, position) =>
      readStopProduct(child, position, kind),
    ),
  };
  return withRetourCodes(client, tree, kind) as Wmo307Client<K>;
}
