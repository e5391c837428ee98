import type { MessageType } from '../domain/message-types.js';
import { readXmlTree, UnsupportedXmlError } from './fast-xml-reader.js';
import type { ParsedMessage } from './parsed-message.js';
import { readHeader } from './read-header.js';
import { readDeclaratieAntwoordHeader, readRetourHeader } from './retour-header.js';
import { node, optNode } from './tree-access.js';
import { readWmo301Client } from './wmo301.js';
import { readWmo305Client } from './wmo305.js';
import { readWmo307Client } from './wmo307.js';
import { readWmo315Client } from './wmo315.js';
import { readWmo317Client } from './wmo317.js';
import { readWmo319Antwoord } from './wmo319.js';
import { readWmo323Declaratie } from './wmo323.js';
import { readWmo325DeclaratieAntwoord } from './wmo325.js';
import { parseXmlTreeDecoded, type XmlTree } from './xml-tree.js';

/**
 * Parses an XSD-valid iWmo 3.2 message into its typed model (one pass over the document, linear
 * in its size). Only call this after level 1: a document that does not match the schema of
 * `type` makes it throw, which is a gateway bug, never a business outcome.
 */
export function parseMessage(type: MessageType, xml: string): ParsedMessage {
  return readMessage(type, node(parseTree(xml), 'Bericht'));
}

/**
 * The fast single-pass reader, or fast-xml-parser for the rare document it does not handle
 * (a DOCTYPE, an entity other than the five predefined ones).
 */
function parseTree(xml: string): XmlTree {
  try {
    return readXmlTree(xml);
  } catch (caught) {
    if (caught instanceof UnsupportedXmlError) {
      return parseXmlTreeDecoded(xml);
    }
    throw caught;
  }
}

/** Builds the typed model from the `Bericht` element of an already parsed tree. */
export function readMessage(type: MessageType, bericht: XmlTree): ParsedMessage {
  const header = node(bericht, 'Header');
  switch (type) {
    case 'WMO301':
      return {
        type,
        header: readHeader(header),
        Client: readWmo301Client(node(bericht, 'Client'), 'heen'),
      };
    case 'WMO305':
      return {
        type,
        header: readHeader(header),
        Client: readWmo305Client(node(bericht, 'Client'), 'heen'),
      };
    case 'WMO307':
      return {
        type,
        header: readHeader(header),
        Client: readWmo307Client(node(bericht, 'Client'), 'heen'),
      };
    case 'WMO315':
      return {
        type,
        header: readHeader(header),
        Client: readWmo315Client(node(bericht, 'Client'), 'heen'),
      };
    case 'WMO317':
      return {
        type,
        header: readHeader(header),
        Client: readWmo317Client(node(bericht, 'Client'), 'heen'),
      };
    case 'WMO319':
      return {
        type,
        header: readHeader(header),
        Antwoord: readWmo319Antwoord(node(bericht, 'Antwoord'), 'heen'),
      };
    case 'WMO323':
      return {
        type,
        header: readHeader(header),
        Declaratie: readWmo323Declaratie(node(bericht, 'Declaratie')),
      };
    case 'WMO302':
      return withBody({ type, header: readRetourHeader(header) }, 'Client', bericht, (t) =>
        readWmo301Client(t, 'retour'),
      );
    case 'WMO306':
      return withBody({ type, header: readRetourHeader(header) }, 'Client', bericht, (t) =>
        readWmo305Client(t, 'retour'),
      );
    case 'WMO308':
      return withBody({ type, header: readRetourHeader(header) }, 'Client', bericht, (t) =>
        readWmo307Client(t, 'retour'),
      );
    case 'WMO316':
      return withBody({ type, header: readRetourHeader(header) }, 'Client', bericht, (t) =>
        readWmo315Client(t, 'retour'),
      );
    case 'WMO318':
      return withBody({ type, header: readRetourHeader(header) }, 'Client', bericht, (t) =>
        readWmo317Client(t, 'retour'),
      );
    case 'WMO320':
      return withBody({ type, header: readRetourHeader(header) }, 'Antwoord', bericht, (t) =>
        readWmo319Antwoord(t, 'retour'),
      );
    case 'WMO325':
      return withBody(
        { type, header: readDeclaratieAntwoordHeader(header) },
        'DeclaratieAntwoord',
        bericht,
        readWmo325DeclaratieAntwoord,
      );
  }
}

/** Adds the optional root child of a retour (or 325) when it is present. */
function withBody<M extends object, Key extends string, B>(
  message: M,
  key: Key,
  bericht: XmlTree,
  read: (tree: XmlTree) => B,
): M & { readonly [P in Key]?: B } {
  const body = optNode(bericht, key);
  return body === undefined ? message : { ...message, [key]: read(body) };
}
