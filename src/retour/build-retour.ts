import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

import {
  BASISSCHEMA_NAMESPACE,
  type HeenMessageType,
  MESSAGE_CATALOGUE,
  XSD_VERSIONS,
} from '../domain/message-types.js';
import type { MessageHeader, XsdVersie } from '../model/header.js';
import type { XmlTree } from '../model/xml-tree.js';
import { appendRetourBody } from './build-retour-body.js';
import { RETOUR_BODY_SPECS } from './retour-classes.js';

/** A heen message that is answered by a retour (everything except the declaration). */
export type RetourableHeenType = Exclude<HeenMessageType, 'WMO323'>;

export interface RetourInput {
  readonly heenType: RetourableHeenType;
  /** The heen header, copied unchanged (Afzender and Ontvanger are not swapped, §7.1). */
  readonly heenHeader: MessageHeader;
  /** IdentificatieRetour: at most 12 characters, unique per retour type per sender. */
  readonly retourId: string;
  /** DagtekeningRetour (YYYY-MM-DD). */
  readonly retourDate: string;
  /** Header RetourCodes; empty for a fully accepted message (header-only retour, no RetourCodes). */
  readonly headerCodes: readonly string[];
  /** Present when the message was rejected on the level-2 (XSLT) checks (IV033). */
  readonly xsltVersie?: string;
  /**
   * For a rejection on a class (level 3/4): the heen root child (Client or Antwoord) to copy
   * and the codes per class XPath (fact sheet §7.1).
   */
  readonly body?: {
    readonly heenRoot: XmlTree;
    readonly codes: ReadonlyMap<string, readonly string[]>;
  };
}

const BASIS = 'iwmo';

/**
 * Builds the retour (302/306/308/316/318/320) of a heen message: accepted (header only, no
 * RetourCodes), rejected on level 2 (header only, 0001), on a header rule of level 3/4 (header
 * only, that code), or on classes (Header 0200 plus the copied body with codes per class).
 * Fact sheet §3.2, §7.1; IV028, IV032–IV034.
 */
export function buildRetour(input: RetourInput): string {
  const retourType = MESSAGE_CATALOGUE[input.heenType].answeredBy;
  if (retourType === undefined) {
    throw new Error(`${input.heenType} has no retour message`);
  }
  const spec = MESSAGE_CATALOGUE[retourType];
  const p = retourType.toLowerCase();
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc
    .ele(spec.namespace, `${p}:Bericht`)
    .att('http://www.w3.org/2000/xmlns/', `xmlns:${BASIS}`, BASISSCHEMA_NAMESPACE);
  const el = (parent: XMLBuilder, name: string, value?: string): XMLBuilder => {
    const node = parent.ele(spec.namespace, `${p}:${name}`);
    return value === undefined ? node : node.txt(value);
  };
  const h = input.heenHeader;
  const header = el(root, 'Header');
  el(header, 'BerichtCode', spec.berichtCode);
  el(header, 'BerichtVersie', h.BerichtVersie);
  el(header, 'BerichtSubversie', h.BerichtSubversie);
  el(header, 'Afzender', h.Afzender);
  el(header, 'Ontvanger', h.Ontvanger);
  const identificatie = el(header, 'BerichtIdentificatie');
  basis(identificatie, 'Identificatie', h.BerichtIdentificatie.Identificatie);
  basis(identificatie, 'Dagtekening', h.BerichtIdentificatie.Dagtekening);
  xsdVersie(el(header, 'XsdVersie'), h.XsdVersie);
  el(header, 'IdentificatieRetour', input.retourId);
  el(header, 'DagtekeningRetour', input.retourDate);
  if (input.xsltVersie !== undefined) {
    el(header, 'XsltVersie', input.xsltVersie);
  }
  xsdVersie(el(header, 'XsdVersieRetour'), OWN_XSD_VERSIE);
  if (input.headerCodes.length > 0) {
    const codes = el(header, 'RetourCodes');
    for (const code of input.headerCodes) {
      el(codes, 'RetourCode', code);
    }
  }
  if (input.body !== undefined) {
    appendRetourBody(root, {
      spec: RETOUR_BODY_SPECS[input.heenType],
      heenRoot: input.body.heenRoot,
      namespace: spec.namespace,
      prefix: p,
      codes: input.body.codes,
    });
  }
  return doc.end({ prettyPrint: true, newline: '\r\n' });
}

/** The versions of the XSDs the gateway builds retours with (IV034). */
export const OWN_XSD_VERSIE: XsdVersie = {
  BasisschemaXsdVersie: XSD_VERSIONS.basisschema,
  BerichtXsdVersie: XSD_VERSIONS.bericht,
};

export function basis(parent: XMLBuilder, name: string, value: string): XMLBuilder {
  return parent.ele(BASISSCHEMA_NAMESPACE, `${BASIS}:${name}`).txt(value);
}

export function xsdVersie(parent: XMLBuilder, versie: XsdVersie): void {
  basis(parent, 'BasisschemaXsdVersie', versie.BasisschemaXsdVersie);
  basis(parent, 'BerichtXsdVersie', versie.BerichtXsdVersie);
}
