import {
  type Building,
  type Geboortedatum,
  type Kind,
  type Omvang,
  type Positioned,
  type Product,
  readGeboortedatum,
  readList,
  readOmvang,
  readProduct,
  readVerkorteNaam,
  readVerwijzer,
  type RetourCodesOf,
  setOpt,
  type VerkorteNaam,
  type Verwijzer,
  withRetourCodes,
} from './common.js';
import { node, opt, optInt, optNode, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/** WMO315 Verzoek om toewijzing (fact sheet §3.5); with `K = 'retour'` the class tree of WMO316. */

export type Wmo315AangevraagdProduct<K extends Kind = 'heen'> = Positioned & {
  readonly ReferentieAanbieder: string;
  readonly BeschikkingNummer?: string;
  readonly Product?: Product;
  readonly BeschikkingIngangsdatum?: string;
  readonly ToewijzingIngangsdatum: string;
  readonly ToewijzingEinddatum?: string;
  readonly Omvang?: Omvang;
  /** Eurocents. */
  readonly Budget?: number;
  readonly Verwijzer: Verwijzer;
  readonly Raamcontract?: string;
  readonly Commentaar?: string;
} & RetourCodesOf<K>;

export type Wmo315Client<K extends Kind = 'heen'> = {
  readonly Bsn: string;
  readonly Geboortedatum: Geboortedatum;
  readonly Geslacht: string;
  readonly Naam: VerkorteNaam;
  readonly Commentaar?: string;
  /** `AangevraagdeProducten/AangevraagdProduct`. */
  readonly AangevraagdeProducten: readonly Wmo315AangevraagdProduct<K>[];
} & RetourCodesOf<K>;

function readAangevraagdProduct<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo315AangevraagdProduct<K> {
  const product: Building<Wmo315AangevraagdProduct> = {
    position,
    ReferentieAanbieder: req(tree, 'ReferentieAanbieder'),
    ToewijzingIngangsdatum: req(tree, 'ToewijzingIngangsdatum'),
    Verwijzer: readVerwijzer(node(tree, 'Verwijzer')),
  };
  setOpt(product, 'BeschikkingNummer', opt(tree, 'BeschikkingNummer'));
  const productCode = optNode(tree, 'Product');
  if (productCode !== undefined) {
    product.Product = readProduct(productCode);
  }
  setOpt(product, 'BeschikkingIngangsdatum', opt(tree, 'BeschikkingIngangsdatum'));
  setOpt(product, 'ToewijzingEinddatum', opt(tree, 'ToewijzingEinddatum'));
  const omvang = optNode(tree, 'Omvang');
  if (omvang !== undefined) {
    product.Omvang = readOmvang(omvang);
  }
  setOpt(product, 'Budget', optInt(tree, 'Budget'));
  setOpt(product, 'Raamcontract', opt(tree, 'Raamcontract'));
  setOpt(product, 'Commentaar', opt(tree, 'Commentaar'));
  return withRetourCodes(product, tree, kind);
}

export function readWmo315Client<K extends Kind>(tree: XmlTree, kind: K): Wmo315Client<K> {
  const client: Building<Wmo315Client> = {
    Bsn: req(tree, 'Bsn'),
    Geboortedatum: readGeboortedatum(node(tree, 'Geboortedatum')),
    Geslacht: req(tree, 'Geslacht'),
    Naam: readVerkorteNaam(node(tree, 'Naam')),
    AangevraagdeProducten: readList(
      node(tree, 'AangevraagdeProducten'),
      'AangevraagdProduct',
      (child, position) => readAangevraagdProduct(child, position, kind),
    ),
  };
  setOpt(client, 'Commentaar', opt(tree, 'Commentaar'));
  return withRetourCodes(client, tree, kind) as Wmo315Client<K>;
}
