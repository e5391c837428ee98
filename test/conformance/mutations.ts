import {
  cloneDoc,
  elementAt,
  elementChildren,
  isLeaf,
  leafText,
  localName,
  locateElements,
  parseXml,
  prefixForNamespace,
  prefixOf,
  serializeXml,
  setLeafText,
  slotAt,
  type XmlDoc,
  type XmlElementNode,
} from './mini-dom.js';
import { type CodeLists, valueProbes } from './value-probes.js';

/** One generated test document: what was changed, and the resulting XML. */
export interface Mutation {
  readonly name: string;
  readonly xml: string;
}

/**
 * Remembers which mutations were already made for a message type, keyed by what they test
 * rather than by document position, so repeated structures (Relatie[2], a second base document
 * of the same type) add only what is new:
 * - structural mutations by kind and element location without indexes (plus the number of
 *   same-named siblings, or the next sibling for a swap, which change the expected verdict);
 * - value probes by declaration (see `probeKey`); a repeated declaration gets only the short
 *   probe set, while the structural mutations still visit every location.
 */
export type CoveredMutations = Set<string>;

const MESSAGE_NS = /^http:\/\/www\.istandaarden\.nl\/iwmo\/3_2\/wmo\d{3}\/schema$/;
const BASIS_NS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** Probes for a location that already had the full set: empty, blanks, line break, appended text. */
const SHORT_PROBES = 6;

/** Wrong namespaces for the message namespace (other message, iJw, other release, typos). */
function wrongMessageNamespaces(uri: string): string[] {
  const number = Number(/wmo(\d{3})/.exec(uri)?.[1] ?? '0');
  return [
    uri.replace(/wmo\d{3}/, `wmo${number + 1}`),
    uri.replace(/wmo\d{3}/, `wmo${number - 1}`),
    uri.replace('/iwmo/3_2/wmo', '/ijw/3_2/jw'),
    uri.replace('3_2', '3_1'),
    uri.replace('http:', 'https:'),
    `${uri}/`,
    uri.toUpperCase(),
    BASIS_NS,
  ];
}

const WRONG_BASIS_NAMESPACES = [
  'http://www.istandaarden.nl/ijw/3_2/basisschema/schema',
  'http://www.istandaarden.nl/iwmo/3_1/basisschema/schema',
  'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema/',
];

/**
 * Generates deterministic mutations of `base`: structure (each element removed, duplicated,
 * swapped with its next sibling, moved to the other namespace or to no namespace, emptied,
 * extended with an unknown child or text), namespaces and root, and the values of every leaf.
 * There is no randomness: the same base always gives the same list in the same order.
 */
export function generateMutations(
  baseXml: string,
  covered: CoveredMutations = new Set(),
  codeLists: CodeLists = [],
): Mutation[] {
  // Indentation between elements is ignorable for validation but costs parse time in every case.
  const base = stripIndentation(parseXml(baseXml));
  const messagePrefix = prefixForNamespace(base, (uri) => MESSAGE_NS.test(uri));
  const basisPrefix = prefixForNamespace(base, (uri) => uri === BASIS_NS);
  const unchanged = serializeXml(base);
  const out = new Map<string, string>();
  const add: AddMutation = (key, name, change) => {
    if (key !== undefined) {
      if (covered.has(key)) {
        return;
      }
      covered.add(key);
    }
    const doc = cloneDoc(base);
    change(doc);
    const xml = serializeXml(doc);
    if (xml !== unchanged && !out.has(xml)) {
      out.set(xml, name);
    }
  };

  addNamespaceMutations(base, messagePrefix, basisPrefix, add);
  const located = locateElements(base);
  for (const { element, parent, address, path } of located) {
    const isRoot = address.length === 0;
    if (!isRoot) {
      const siblings = elementChildren(parent ?? element);
      const context = {
        messagePrefix,
        basisPrefix,
        location: path.replace(/\[\d+\]/g, ''),
        sameName: siblings.filter((s) => localName(s) === localName(element)).length,
        next: localName(siblings[siblings.indexOf(element) + 1] ?? element),
      };
      addStructureMutations(element, address, path, context, add);
    }
    if (isLeaf(element) && !isRoot) {
      const location = `value:${probeKey(element, parent)}`;
      const full = !covered.has(location);
      covered.add(location);
      const value = leafText(element);
      const probes = full
        ? valueProbes(value, codeLists)
        : valueProbes(value).slice(0, SHORT_PROBES);
      for (const probe of probes) {
        add(undefined, `value ${path} = ${JSON.stringify(probe)}`, (doc) =>
          setLeafText(elementAt(doc, address), probe),
        );
      }
      if (address.length <= 3) {
        add(`nil:${location}`, `xsi:nil on ${path}`, (doc) => {
          doc.root.attributes.push(['xmlns:xsi', XSI_NS]);
          const target = elementAt(doc, address);
          target.attributes.push(['xsi:nil', 'true']);
          target.children = [];
        });
      }
    }
  }
  return [...out].map(([xml, name]) => ({ name, xml }));
}

/**
 * The declaration a leaf's value probes test: its parent's and its own qualified name. In the
 * iWmo schemas an element's type follows from its name and its parent's (every complexType is
 * named after its element, every CDT child has one type), so `Contact/Soort` under Relatie and
 * under Contactgegevens, or every `RetourCodes/RetourCode`, is one declaration.
 */
function probeKey(element: XmlElementNode, parent: XmlElementNode | undefined): string {
  return `${parent?.name ?? ''}/${element.name}`;
}

/** Adds a mutation unless its coverage `key` was seen before (`undefined`: always add). */
type AddMutation = (key: string | undefined, name: string, change: (doc: XmlDoc) => void) => void;

interface StructureContext {
  readonly messagePrefix: string;
  readonly basisPrefix: string;
  /** The element's path without positions, e.g. `/Bericht/Client/Relaties/Relatie`. */
  readonly location: string;
  /** How many siblings (itself included) share its name: decides if a removal empties a list. */
  readonly sameName: number;
  /** Local name of the next sibling element (its own name when there is none). */
  readonly next: string;
}

function addNamespaceMutations(
  base: XmlDoc,
  messagePrefix: string,
  basisPrefix: string,
  add: AddMutation,
): void {
  const setNamespace = (doc: XmlDoc, prefix: string, uri: string): void => {
    const declaration = doc.root.attributes.find(([name]) => name === `xmlns:${prefix}`);
    if (declaration !== undefined) {
      declaration[1] = uri;
    }
  };
  const messageUri = base.root.attributes.find(([n]) => n === `xmlns:${messagePrefix}`)?.[1];
  for (const uri of wrongMessageNamespaces(messageUri ?? '')) {
    add(`ns:${uri}`, `message namespace ${uri}`, (doc) => setNamespace(doc, messagePrefix, uri));
  }
  for (const uri of WRONG_BASIS_NAMESPACES) {
    add(`basis-ns:${uri}`, `basisschema namespace ${uri}`, (doc) =>
      setNamespace(doc, basisPrefix, uri),
    );
  }
  add('root element renamed to Berichten', 'root element renamed to Berichten', (doc) => {
    doc.root.name = `${messagePrefix}:Berichten`;
  });
  add(
    'root element in the basisschema namespace',
    'root element in the basisschema namespace',
    (doc) => {
      doc.root.name = `${basisPrefix}:Bericht`;
    },
  );
  add('root element without namespace', 'root element without namespace', (doc) => {
    doc.root.name = 'Bericht';
  });
  add('message namespace as default namespace', 'message namespace as default namespace', (doc) => {
    renamePrefix(doc.root, messagePrefix, undefined);
    const declaration = doc.root.attributes.find(([name]) => name === `xmlns:${messagePrefix}`);
    if (declaration !== undefined) {
      declaration[0] = 'xmlns';
    }
  });
  add('unknown attribute on the root', 'unknown attribute on the root', (doc) => {
    doc.root.attributes.push(['versie', '3.2']);
  });
  add('xsi:schemaLocation on the root', 'xsi:schemaLocation on the root', (doc) => {
    doc.root.attributes.push(['xmlns:xsi', XSI_NS]);
    doc.root.attributes.push(['xsi:schemaLocation', 'urn:x bericht.xsd']);
  });
  add(
    'comment and processing instruction in the first element',
    'comment and processing instruction in the first element',
    (doc) => {
      const first = elementChildren(doc.root)[0];
      first?.children.unshift({ kind: 'raw', raw: '<!-- opmerking --><?verwerking x?>' });
    },
  );
  add('second root-level Header', 'second root-level Header', (doc) => {
    const first = elementChildren(doc.root)[0];
    if (first !== undefined) {
      doc.root.children.push(structuredClone(first));
    }
  });
}

function addStructureMutations(
  element: XmlElementNode,
  address: readonly number[],
  path: string,
  context: StructureContext,
  add: AddMutation,
): void {
  const { location, sameName } = context;
  add(`remove:${location}:${sameName}`, `remove ${path}`, (doc) => {
    const { parent, index } = slotAt(doc, address);
    parent.children.splice(index, 1);
  });
  add(`duplicate:${location}:${sameName}`, `duplicate ${path}`, (doc) => {
    const { parent, index } = slotAt(doc, address);
    const target = parent.children[index];
    if (target !== undefined) {
      parent.children.splice(index + 1, 0, structuredClone(target));
    }
  });
  add(`swap:${location}:${context.next}`, `swap ${path} with its next sibling`, (doc) => {
    const { parent } = slotAt(doc, address);
    const siblings = elementChildren(parent);
    const own = siblings[address.at(-1) ?? 0];
    const next = siblings[(address.at(-1) ?? 0) + 1];
    if (own !== undefined && next !== undefined && localName(own) !== localName(next)) {
      const i = parent.children.indexOf(own);
      const j = parent.children.indexOf(next);
      parent.children[i] = next;
      parent.children[j] = own;
    }
  });
  const prefix = prefixOf(element);
  const other = prefix === context.messagePrefix ? context.basisPrefix : context.messagePrefix;
  add(`other-ns:${location}`, `${path} in the ${other} namespace`, (doc) => {
    elementAt(doc, address).name = `${other}:${localName(element)}`;
  });
  if (address.length <= 2 || !isLeaf(element)) {
    add(`no-ns:${location}`, `${path} without namespace`, (doc) => {
      elementAt(doc, address).name = localName(element);
    });
  }
  if (!isLeaf(element)) {
    const childPrefix = prefixOf(elementChildren(element)[0] ?? element) ?? context.messagePrefix;
    add(`empty:${location}`, `empty ${path}`, (doc) => {
      elementAt(doc, address).children = [];
    });
    add(`text:${location}`, `text inside ${path}`, (doc) => {
      elementAt(doc, address).children.unshift({ kind: 'text', raw: 'tekst' });
    });
    add(`unknown:${location}`, `unknown element at the end of ${path}`, (doc) => {
      elementAt(doc, address).children.push(
        parseXml(`<${childPrefix}:Onbekend>1</${childPrefix}:Onbekend>`).root,
      );
    });
  }
  if (address.length <= 2) {
    add(`attribute:${location}`, `unknown attribute on ${path}`, (doc) => {
      elementAt(doc, address).attributes.push(['code', '1']);
    });
  }
}

function renamePrefix(element: XmlElementNode, from: string, to: string | undefined): void {
  if (prefixOf(element) === from) {
    element.name = to === undefined ? localName(element) : `${to}:${localName(element)}`;
  }
  for (const child of elementChildren(element)) {
    renamePrefix(child, from, to);
  }
}

/** Renames a namespace prefix throughout a document and in the root's declaration. */
export function renameNamespacePrefix(doc: XmlDoc, from: string, to: string, uri: string): void {
  renamePrefix(doc.root, from, to);
  const declaration = doc.root.attributes.find(([name]) => name === `xmlns:${from}`);
  if (declaration !== undefined) {
    declaration[0] = `xmlns:${to}`;
    declaration[1] = uri;
  }
}

/** Drops whitespace-only text between elements (never inside a leaf). */
function stripIndentation(doc: XmlDoc): XmlDoc {
  const visit = (element: XmlElementNode): void => {
    if (isLeaf(element)) {
      return;
    }
    element.children = element.children.filter(
      (child) => child.kind !== 'text' || child.raw.trim() !== '',
    );
    elementChildren(element).forEach(visit);
  };
  visit(doc.root);
  return doc;
}
