import { XMLParser } from 'fast-xml-parser';

/**
 * A namespace-stripped element tree as fast-xml-parser builds it: element name → string value,
 * child tree, or array of either. Only used on documents that already passed the XSD, so the
 * structure is known; the typed readers turn it into the typed model.
 */
export type XmlTree = { readonly [name: string]: XmlValue };
export type XmlValue = string | XmlTree | readonly (string | XmlTree)[];

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  processEntities: false,
  trimValues: true,
});

/** Parses an XSD-valid message into a tree. Never call this on unchecked input. */
export function parseXmlTree(xml: string): XmlTree {
  return parser.parse(xml) as XmlTree;
}

const decodingParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: false,
  trimValues: true,
});

/**
 * As {@link parseXmlTree}, but with XML entity and character references decoded (`&amp;` → `&`,
 * `&#233;` → `é`), so the typed model holds each value as the message means it.
 */
export function parseXmlTreeDecoded(xml: string): XmlTree {
  return decodingParser.parse(xml) as XmlTree;
}
