import type { RetourCode } from '../domain/retourcodes.js';
import {
  type Positioned,
  readList,
  readOptionalList,
  readRetourCodes,
  readTotaalBedragMetDC,
  type TotaalBedragMetDC,
} from './common.js';
import { node, req } from './tree-access.js';
import { readWmo323Prestatie, type Wmo323Prestatie } from './wmo323.js';
import type { XmlTree } from './xml-tree.js';

/**
 * WMO325 Declaratie-antwoord body (fact sheet §3.4). Only rejected Prestaties are returned; each
 * carries the WMO323 Prestatie elements plus RetourCodes.
 */

export interface Wmo325Client extends Positioned {
  readonly Bsn: string;
  /** `Prestaties/Prestatie`. */
  readonly Prestaties: readonly Wmo323Prestatie<'retour'>[];
  readonly RetourCodes: readonly RetourCode[];
}

export interface Wmo325DeclaratieAntwoord {
  readonly DeclaratieNummer: string;
  readonly TotaalIngediendBedrag: TotaalBedragMetDC;
  readonly TotaalToegekendBedrag: TotaalBedragMetDC;
  /** `Clienten/Client`; absent when no Prestatie was rejected. */
  readonly Clienten?: readonly Wmo325Client[];
  readonly RetourCodes: readonly RetourCode[];
}

function readClient(tree: XmlTree, position: number): Wmo325Client {
  return {
    position,
    Bsn: req(tree, 'Bsn'),
    Prestaties: readList(node(tree, 'Prestaties'), 'Prestatie', (child, index) =>
      readWmo323Prestatie(child, index, 'retour'),
    ),
    RetourCodes: readRetourCodes(tree),
  };
}

export function readWmo325DeclaratieAntwoord(tree: XmlTree): Wmo325DeclaratieAntwoord {
  const clienten = readOptionalList(tree, 'Clienten', 'Client', readClient);
  return {
    DeclaratieNummer: req(tree, 'DeclaratieNummer'),
    TotaalIngediendBedrag: readTotaalBedragMetDC(node(tree, 'TotaalIngediendBedrag')),
    TotaalToegekendBedrag: readTotaalBedragMetDC(node(tree, 'TotaalToegekendBedrag')),
    ...(clienten === undefined ? {} : { Clienten: clienten }),
    RetourCodes: readRetourCodes(tree),
  };
}
