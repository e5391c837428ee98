import type { RetourCode } from '../domain/retourcodes.js';
import { readRetourCodes } from './common.js';
import type { BerichtIdentificatie, MessageHeader, XsdVersie } from './header.js';
import { readHeader } from './read-header.js';
import { node, opt, optNode, req } from './tree-access.js';
import type { XmlTree } from './xml-tree.js';

/**
 * Header of the six retour messages (302, 306, 308, 316, 318, 320; fact sheet §3.2): the heen
 * header copied unchanged plus the retour's own identification and versions.
 */
export interface RetourHeader extends MessageHeader {
  readonly IdentificatieRetour: string;
  readonly DagtekeningRetour: string;
  /** Mandatory in practice when rejecting on the XSLT checks (IV033). */
  readonly XsltVersie?: string;
  readonly XsdVersieRetour: XsdVersie;
  /** Absent when the heen message was accepted without remarks. */
  readonly RetourCodes?: readonly RetourCode[];
}

/**
 * Header of WMO325 (declaratie-antwoord, fact sheet §3.4): its own identification, plus the
 * identification and XSD versions of the WMO323 it answers; RetourCodes is mandatory.
 */
export interface DeclaratieAntwoordHeader extends MessageHeader {
  readonly DeclaratieIdentificatie: BerichtIdentificatie;
  readonly XsltVersie?: string;
  readonly XsdVersieDeclaratie: XsdVersie;
  readonly RetourCodes: readonly RetourCode[];
}

function readXsdVersie(tree: XmlTree): XsdVersie {
  return {
    BasisschemaXsdVersie: req(tree, 'BasisschemaXsdVersie'),
    BerichtXsdVersie: req(tree, 'BerichtXsdVersie'),
  };
}

export function readRetourHeader(header: XmlTree): RetourHeader {
  const xsltVersie = opt(header, 'XsltVersie');
  const retourCodes = optNode(header, 'RetourCodes');
  return {
    ...readHeader(header),
    IdentificatieRetour: req(header, 'IdentificatieRetour'),
    DagtekeningRetour: req(header, 'DagtekeningRetour'),
    ...(xsltVersie === undefined ? {} : { XsltVersie: xsltVersie }),
    XsdVersieRetour: readXsdVersie(node(header, 'XsdVersieRetour')),
    ...(retourCodes === undefined ? {} : { RetourCodes: readRetourCodes(header) }),
  };
}

export function readDeclaratieAntwoordHeader(header: XmlTree): DeclaratieAntwoordHeader {
  const declaratieIdentificatie = node(header, 'DeclaratieIdentificatie');
  const xsltVersie = opt(header, 'XsltVersie');
  return {
    ...readHeader(header),
    DeclaratieIdentificatie: {
      Identificatie: req(declaratieIdentificatie, 'Identificatie'),
      Dagtekening: req(declaratieIdentificatie, 'Dagtekening'),
    },
    ...(xsltVersie === undefined ? {} : { XsltVersie: xsltVersie }),
    XsdVersieDeclaratie: readXsdVersie(node(header, 'XsdVersieDeclaratie')),
    RetourCodes: readRetourCodes(header),
  };
}
