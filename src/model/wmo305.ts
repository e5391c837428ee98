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

/** WMO305 Start levering (fact sheet §3.5); with `K = 'retour'` the class tree of WMO306. */

export type Wmo305StartProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ToewijzingNummer?: string;
  readonly Product?: Product;
  readonly ToewijzingIngangsdatum?: string;
  readonly Begindatum: string;
  readonly StatusAanlevering: string;
} & RetourCodesOf<K>;

export type Wmo305Client<K extends Kind = 'heen'> = {
  readonly Bsn: string;
  readonly Geboortedatum: Geboortedatum;
  readonly Geslacht: string;
  readonly Naam: VerkorteNaam;
  /** `StartProducten/StartProduct`. */
  readonly StartProducten: readonly Wmo305StartProduct<K>[];
} & RetourCodesOf<K>;

function readStartProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo305StartProduct<K> {
  const product: Building<Wmo305StartProduct> = {
    position,
    Begindatum: req(tree, 'Begindatum'),
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

export function readWmo305Client<K extends Kind>(tree: XmlTree, kind: K): Wmo305Client<K> {
  const client: Wmo305Client = {
    Bsn: req(tree, 'Bsn'),
    Geboortedatum: readGeboortedatum(node(tree, 'Geboortedatum')),
    Geslacht: req(tree, 'Geslacht'),
    Naam: readVerkorteNaam(node(tree, 'Naam')),
    StartProducten: readList(node(tree, 'StartProducten'), 'StartProduct', (child, position) =>
      readStartProduct(child, position, kind),
    ),
  };
  return withRetourCodes(client, tree, kind) as Wmo305Client<K>;
}
