import { STUF_NAMESPACE } from './stuf-namespaces.js';
import { systeemNode } from './stuf-systeem.js';
import type { StufHeen, StufUitgaand } from './stuf-types.js';
import { branch, leaf, type XmlNode } from './xml-node.js';

/**
 * The Bv03 acknowledgement of a Di01: "received, stuurgegevens checked". Zender and ontvanger are
 * those of the Di01, swapped; crossRefnummer is the Di01's referentienummer.
 * @see fact sheet §8.1; the GGk WSDL answers ggk_Di01 with StUF:Bv03
 */
export function buildBv03(heen: StufHeen, uitgaand: StufUitgaand): XmlNode {
  return branch(
    'StUF:Bv03Bericht',
    [
      branch('StUF:stuurgegevens', [
        leaf('StUF:berichtcode', 'Bv03'),
        systeemNode('zender', heen.ontvanger),
        systeemNode('ontvanger', heen.zender),
        leaf('StUF:referentienummer', uitgaand.referentienummer),
        leaf('StUF:tijdstipBericht', uitgaand.tijdstipBericht),
        leaf('StUF:crossRefnummer', heen.referentienummer),
      ]),
    ],
    { 'xmlns:StUF': STUF_NAMESPACE },
  );
}
