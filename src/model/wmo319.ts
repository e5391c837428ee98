import { type Kind, type RetourCodesOf, withRetourCodes } from './common.js';
import { opt, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/** WMO319 Antwoordbericht (fact sheet §3.5); with `K = 'retour'` the class tree of WMO320. */
export type Wmo319Antwoord<K extends Kind = 'heen'> = {
  readonly ReferentieAanbieder: string;
  readonly VerzoekAntwoord: string;
  readonly RedenAfwijzingVerzoek?: string;
} & RetourCodesOf<K>;

export function readWmo319Antwoord<K extends Kind>(tree: XmlTree, kind: K): Wmo319Antwoord<K> {
  const reden = opt(tree, 'RedenAfwijzingVerzoek');
  const antwoord = {
    ReferentieAanbieder: req(tree, 'ReferentieAanbieder'),
    VerzoekAntwoord: req(tree, 'VerzoekAntwoord'),
    ...(reden === undefined ? {} : { RedenAfwijzingVerzoek: reden }),
  };
  return withRetourCodes(antwoord, tree, kind);
}
