import {
  type BedragMetDC,
  type Building,
  type GeslotenPeriode,
  type Kind,
  type Positioned,
  readBedragMetDC,
  readGeslotenPeriode,
  readList,
  readReferentie,
  readTotaalBedragMetDC,
  type Referentie,
  type RetourCodesOf,
  setOpt,
  type TotaalBedragMetDC,
  withRetourCodes,
} from './common.js';
import { node, optInt, req, reqInt } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/**
 * WMO323 Declaratie (fact sheet §3.5). With `K = 'retour'` a Prestatie is the one WMO325 returns
 * (the same elements plus RetourCodes, §3.4).
 */

export type Wmo323Prestatie<K extends Kind = 'heen'> = Positioned & {
  readonly ProductReferentie: Referentie;
  readonly ToewijzingNummer: string;
  readonly ProductCategorie: string;
  readonly ProductCode: string;
  readonly ProductPeriode: GeslotenPeriode;
  readonly GeleverdVolume: number;
  readonly Eenheid: string;
  /** Eurocents; absent for Eenheid 83 (CD087). */
  readonly ProductTarief?: number;
  readonly IngediendBedrag: BedragMetDC;
} & RetourCodesOf<K>;

export interface Wmo323Client extends Positioned {
  readonly Bsn: string;
  /** `Prestaties/Prestatie`. */
  readonly Prestaties: readonly Wmo323Prestatie[];
}

export interface Wmo323Declaratie {
  readonly DeclaratieNummer: string;
  readonly DeclaratiePeriode: GeslotenPeriode;
  readonly DeclaratieDagtekening: string;
  readonly TotaalIngediendBedrag: TotaalBedragMetDC;
  /** `Clienten/Client`. */
  readonly Clienten: readonly Wmo323Client[];
}

export function readWmo323Prestatie<K extends Kind>(
  tree: XmlTree,
  position: number,
  kind: K,
): Wmo323Prestatie<K> {
  const prestatie: Building<Wmo323Prestatie> = {
    position,
    ProductReferentie: readReferentie(node(tree, 'ProductReferentie')),
    ToewijzingNummer: req(tree, 'ToewijzingNummer'),
    ProductCategorie: req(tree, 'ProductCategorie'),
    ProductCode: req(tree, 'ProductCode'),
    ProductPeriode: readGeslotenPeriode(node(tree, 'ProductPeriode')),
    GeleverdVolume: reqInt(tree, 'GeleverdVolume'),
    Eenheid: req(tree, 'Eenheid'),
    IngediendBedrag: readBedragMetDC(node(tree, 'IngediendBedrag')),
  };
  setOpt(prestatie, 'ProductTarief', optInt(tree, 'ProductTarief'));
  return withRetourCodes(prestatie, tree, kind);
}

function readClient(tree: XmlTree, position: number): Wmo323Client {
  return {
    position,
    Bsn: req(tree, 'Bsn'),
    Prestaties: readList(node(tree, 'Prestaties'), 'Prestatie', (child, index) =>
      readWmo323Prestatie(child, index, 'heen'),
    ),
  };
}

export function readWmo323Declaratie(tree: XmlTree): Wmo323Declaratie {
  return {
    DeclaratieNummer: req(tree, 'DeclaratieNummer'),
    DeclaratiePeriode: readGeslotenPeriode(node(tree, 'DeclaratiePeriode')),
    DeclaratieDagtekening: req(tree, 'DeclaratieDagtekening'),
    TotaalIngediendBedrag: readTotaalBedragMetDC(node(tree, 'TotaalIngediendBedrag')),
    Clienten: readList(node(tree, 'Clienten'), 'Client', readClient),
  };
}
