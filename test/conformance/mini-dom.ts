/**
 * A deliberately small XML tree for generating test documents: it keeps every byte of text and
 * every attribute as written (no entity decoding, no whitespace trimming), so a parsed document
 * serialises back to itself and a mutation changes exactly one thing. Enough for the iWmo example
 * messages (elements, attributes, text, comments, processing instructions, CDATA); not a general
 * XML parser and never used on untrusted input.
 */

export interface XmlElementNode {
  readonly kind: 'element';
  /** Qualified name as written, e.g. `wmo301:Client`. */
  name: string;
  /** Attributes in document order as `[qualified name, raw value]`. */
  attributes: [string, string][];
  children: XmlNode[];
}

/** Character data exactly as written (entity references are not decoded). */
export interface XmlTextNode {
  readonly kind: 'text';
  raw: string;
}

/** Comment, processing instruction or CDATA section, kept verbatim. */
export interface XmlRawNode {
  readonly kind: 'raw';
  raw: string;
}

export type XmlNode = XmlElementNode | XmlTextNode | XmlRawNode;

export interface XmlDoc {
  /** Everything before the root element (XML declaration, comments). */
  prolog: string;
  root: XmlElementNode;
  /** Everything after the root element. */
  epilog: string;
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses a document; throws on anything it does not understand (the inputs are our own). */
export function parseXml(source: string): XmlDoc {
  const stack: XmlElementNode[] = [];
  let root: XmlElementNode | undefined;
  let prolog = '';
  let epilog = '';
  let consumed = 0;
  for (const match of source.matchAll(TOKEN)) {
    if (match.index !== consumed) {
      throw new Error(`cannot tokenise XML at offset ${consumed}`);
    }
    consumed += match[0].length;
    const [token, closing, opening, attributeText, selfClosing] = match;
    const parent = stack.at(-1);
    if (opening !== undefined) {
      const element: XmlElementNode = {
        kind: 'element',
        name: opening,
        attributes: parseAttributes(attributeText ?? ''),
        children: [],
      };
      if (parent !== undefined) {
        parent.children.push(element);
      } else if (root === undefined) {
        root = element;
      } else {
        throw new Error('more than one root element');
      }
      if (selfClosing !== '/') {
        stack.push(element);
      }
    } else if (closing !== undefined) {
      if (parent?.name !== closing) {
        throw new Error(`unexpected </${closing}>`);
      }
      stack.pop();
    } else if (parent !== undefined) {
      const isMarkup = token.startsWith('<');
      parent.children.push(isMarkup ? { kind: 'raw', raw: token } : { kind: 'text', raw: token });
    } else if (root === undefined) {
      prolog += token;
    } else {
      epilog += token;
    }
  }
  if (root === undefined || stack.length > 0 || consumed !== source.length) {
    throw new Error('incomplete XML document');
  }
  return { prolog, root, epilog };
}

function parseAttributes(text: string): [string, string][] {
  return [...text.matchAll(ATTRIBUTE)].map((m) => [m[1] ?? '', m[2] ?? m[3] ?? '']);
}

export function serializeXml(doc: XmlDoc): string {
  return doc.prolog + serializeNode(doc.root) + doc.epilog;
}

function serializeNode(node: XmlNode): string {
  if (node.kind !== 'element') {
    return node.raw;
  }
  const attributes = node.attributes
    .map(([name, value]) => (value.includes('"') ? ` ${name}='${value}'` : ` ${name}="${value}"`))
    .join('');
  if (node.children.length === 0) {
    return `<${node.name}${attributes}/>`;
  }
  return `<${node.name}${attributes}>${node.children.map(serializeNode).join('')}</${node.name}>`;
}

export function cloneDoc(doc: XmlDoc): XmlDoc {
  return { prolog: doc.prolog, root: cloneElement(doc.root), epilog: doc.epilog };
}

export function cloneElement(element: XmlElementNode): XmlElementNode {
  return {
    kind: 'element',
    name: element.name,
    attributes: element.attributes.map(([name, value]) => [name, value]),
    children: element.children.map((child) =>
      child.kind === 'element' ? cloneElement(child) : { ...child },
    ),
  };
}

export function localName(element: XmlElementNode): string {
  const colon = element.name.indexOf(':');
  return colon < 0 ? element.name : element.name.slice(colon + 1);
}

export function prefixOf(element: XmlElementNode): string | undefined {
  const colon = element.name.indexOf(':');
  return colon < 0 ? undefined : element.name.slice(0, colon);
}

export function elementChildren(element: XmlElementNode): XmlElementNode[] {
  return element.children.filter((child): child is XmlElementNode => child.kind === 'element');
}

/** A leaf holds only character data (what the iWmo schemas call a simple-typed element). */
export function isLeaf(element: XmlElementNode): boolean {
  return element.children.every((child) => child.kind === 'text');
}

/** The raw character data of a leaf. */
export function leafText(element: XmlElementNode): string {
  return element.children.map((child) => (child.kind === 'text' ? child.raw : '')).join('');
}

export function setLeafText(element: XmlElementNode, raw: string): void {
  element.children = raw === '' ? [] : [{ kind: 'text', raw }];
}

/** Escapes a plain value for use as character data. */
export function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The first child element with the given local name. */
export function childByLocalName(
  element: XmlElementNode,
  name: string,
): XmlElementNode | undefined {
  return elementChildren(element).find((child) => localName(child) === name);
}

/** The namespace URI the root declares for `prefix` (`xmlns:prefix`). */
export function declaredNamespace(doc: XmlDoc, prefix: string): string | undefined {
  return doc.root.attributes.find(([name]) => name === `xmlns:${prefix}`)?.[1];
}

/** The prefix the root declares for a namespace URI matching `test`. */
export function prefixForNamespace(doc: XmlDoc, test: (uri: string) => boolean): string {
  const found = doc.root.attributes.find(([name, uri]) => name.startsWith('xmlns:') && test(uri));
  if (found === undefined) {
    throw new Error('namespace not declared on the root element');
  }
  return found[0].slice('xmlns:'.length);
}

/** One element of a document with its address: child-element indexes from the root. */
export interface LocatedElement {
  readonly element: XmlElementNode;
  readonly parent: XmlElementNode | undefined;
  /** Indexes into `elementChildren` at each level; `[]` is the root. */
  readonly address: readonly number[];
  /** Readable location such as `/Bericht/Client/Relaties/Relatie[2]/Naam`. */
  readonly path: string;
}

/** Every element in document order (pre-order), root first. */
export function locateElements(doc: XmlDoc): LocatedElement[] {
  const found: LocatedElement[] = [];
  const visit = (
    element: XmlElementNode,
    parent: XmlElementNode | undefined,
    address: number[],
    path: string,
  ): void => {
    found.push({ element, parent, address, path });
    const children = elementChildren(element);
    children.forEach((child, index) => {
      const name = localName(child);
      const sameName = children.filter((c) => localName(c) === name);
      const position = sameName.length > 1 ? `[${sameName.indexOf(child) + 1}]` : '';
      visit(child, element, [...address, index], `${path}/${name}${position}`);
    });
  };
  visit(doc.root, undefined, [], `/${localName(doc.root)}`);
  return found;
}

/** Finds the element at `address` in a (cloned) document. */
export function elementAt(doc: XmlDoc, address: readonly number[]): XmlElementNode {
  let current = doc.root;
  for (const index of address) {
    const next = elementChildren(current)[index];
    if (next === undefined) {
      throw new Error(`no element at ${address.join('/')}`);
    }
    current = next;
  }
  return current;
}

/** The parent of the element at `address` and the element's index in `parent.children`. */
export function slotAt(
  doc: XmlDoc,
  address: readonly number[],
): { parent: XmlElementNode; index: number } {
  if (address.length === 0) {
    throw new Error('the root has no parent');
  }
  const parent = elementAt(doc, address.slice(0, -1));
  const element = elementAt(doc, address);
  return { parent, index: parent.children.indexOf(element) };
}
