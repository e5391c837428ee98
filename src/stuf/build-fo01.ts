import type { StufFault } from './stuf-fault.js';
import { GGK_APPLICATIE, STUF_NAMESPACE } from './stuf-namespaces.js';
import { sanitizeSysteem, systeemNode } from './stuf-systeem.js';
import type { StufHeen, StufUitgaand } from './stuf-types.js';
import { branch, leaf, type XmlNode } from './xml-node.js';

/** XSD findings beyond this many are counted, not listed, in detailsXML. */
export const MAX_LISTED_ISSUES = 50;

export interface Fo01Input {
  /** What could be read from the message in error; for a broken envelope possibly nothing. */
  readonly antwoordOp: Partial<StufHeen>;
  readonly uitgaand: StufUitgaand;
  readonly fault: StufFault;
  /** The gateway's own applicatie name, used when the message in error names no ontvanger. */
  readonly gatewayApplicatie: string;
}

/**
 * A Fo01 error message about a Di01 (fact sheet §8.1): `code`, `plek`, `omschrijving`; `details`
 * = functie + "-" + applicatieVersie + applicatieSubversie; `crossRefnummer` = the Di01's
 * referentienummer; the XSD findings (element, line, path) in `detailsXML`. Values read from a
 * broken envelope are only used where they fit the StUF facets, so the Fo01 is always valid.
 */
export function buildFo01(input: Fo01Input): XmlNode {
  const heen = input.antwoordOp;
  const crossRef = heen.referentienummer;
  return branch(
    'StUF:Fo01Bericht',
    [
      branch('StUF:stuurgegevens', [
        leaf('StUF:berichtcode', 'Fo01'),
        systeemNode('zender', sanitizeSysteem(heen.ontvanger, input.gatewayApplicatie)),
        systeemNode('ontvanger', sanitizeSysteem(heen.zender, GGK_APPLICATIE)),
        leaf('StUF:referentienummer', input.uitgaand.referentienummer),
        leaf('StUF:tijdstipBericht', input.uitgaand.tijdstipBericht),
        leaf(
          'StUF:crossRefnummer',
          crossRef !== undefined && crossRef.length <= 40 ? crossRef : '',
        ),
      ]),
      branch('StUF:body', [
        leaf('StUF:code', input.fault.code),
        leaf('StUF:plek', input.fault.plek),
        leaf('StUF:omschrijving', input.fault.omschrijving),
        leaf('StUF:details', detailsOf(heen)),
        input.fault.issues.length === 0 ? undefined : detailsXml(input.fault),
      ]),
    ],
    { 'xmlns:StUF': STUF_NAMESPACE },
  );
}

/** e.g. `WMO301-00040003`; absent when the envelope did not say which functie it carried. */
function detailsOf(heen: Partial<StufHeen>): string | undefined {
  if (heen.functie === undefined) {
    return undefined;
  }
  const details = `${heen.functie}-${heen.applicatieVersie ?? ''}${heen.applicatieSubversie ?? ''}`;
  return details.slice(0, 1000);
}

/** `<xsdFout element=".." regel=".." pad="..">message</xsdFout>` per finding (no namespace). */
function detailsXml(fault: StufFault): XmlNode {
  const listed = fault.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => ({
    name: 'xsdFout',
    attributes: {
      ...(issue.element === undefined ? {} : { element: issue.element }),
      ...(issue.line === undefined ? {} : { regel: String(issue.line) }),
      ...(issue.path === undefined ? {} : { pad: issue.path }),
    },
    content: issue.message,
  }));
  const more = fault.issues.length - listed.length;
  return branch('StUF:detailsXML', [
    ...listed,
    more > 0 ? { name: 'meerFouten', content: String(more) } : undefined,
  ]);
}
