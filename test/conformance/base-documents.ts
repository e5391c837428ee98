import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import {
  HEEN_MESSAGE_TYPES,
  type HeenMessageType,
  MESSAGE_CATALOGUE,
  type MessageType,
} from '../../src/domain/message-types.js';
import { SHARED_REFERENCE } from '../helpers/shared-reference.js';
import {
  childByLocalName,
  cloneElement,
  elementChildren,
  isLeaf,
  localName,
  parseXml,
  prefixForNamespace,
  serializeXml,
  setLeafText,
  type XmlElementNode,
} from './mini-dom.js';
import { renameNamespacePrefix } from './mutations.js';

/** A document the suite validates as is and, when `mutate` is set, mutates. */
export interface BaseDocument {
  readonly type: MessageType;
  /** Where it came from, e.g. `example WMO301.xml` or `full-copy retour of …`. */
  readonly name: string;
  readonly xml: string;
  /** False for documents that are invalid on purpose or by origin (their mutations say little). */
  readonly mutate: boolean;
}

const BASIS_NS = 'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema';
const MESSAGE_NS = /^http:\/\/www\.istandaarden\.nl\/iwmo\/3_2\/wmo\d{3}\/schema$/;
export const SAMPLES_DIR = resolve(process.cwd(), 'samples/iwmo/3.2');
const MAXIMAL_FIXTURES_DIR = resolve(import.meta.dirname, 'fixtures/maximal');

/** Fact sheet §3.3: the classes of each retour that carry a mandatory RetourCodes. */
const RETOUR_CLASSES: Readonly<Record<Exclude<HeenMessageType, 'WMO323'>, readonly string[]>> = {
  WMO301: ['Client', 'Relatie', 'Contact', 'ToegewezenProduct'],
  WMO305: ['Client', 'StartProduct'],
  WMO307: ['Client', 'StopProduct'],
  WMO315: ['Client', 'AangevraagdProduct'],
  WMO317: ['Client', 'Verzoek', 'OngewijzigdProduct', 'TeWijzigenProduct', 'NieuwProduct'],
  WMO319: ['Antwoord'],
};

/** Fact sheet §2.1/§2.2/§3.6: iJw BerichtCode → iWmo BerichtCode. */
const IJW_TO_IWMO_CODE: Readonly<Record<string, string>> = {
  '436': '414',
  '437': '415',
  '438': '418',
  '439': '419',
  '440': '420',
  '441': '421',
  '446': '444',
  '447': '445',
  '486': '480',
  '487': '481',
  '488': '482',
  '489': '483',
  '490': '484',
  '491': '485',
};

/** Fact sheet §5.1: WMO020 ProductCategorie values (iJw uses 31…55 instead). */
const IWMO_CATEGORIES = new Set(
  Array.from({ length: 18 }, (_, i) => String(i + 1).padStart(2, '0')),
);

/** All base documents for all 14 message types, in a fixed order. */
export function buildBaseDocuments(): BaseDocument[] {
  const documents: BaseDocument[] = [];
  for (const type of HEEN_MESSAGE_TYPES) {
    // Smallest first: value probes go to the first document that has the element, and a
    // smaller document validates faster. The maximal fixture then adds what the others lack.
    const heenSources = [
      { name: `maximal fixture ${type}.xml`, xml: readMaximalFixture(type) },
      { name: `example ${type}.xml`, xml: readExample(type) },
      ...readValidSamples(type),
    ].sort((a, b) => a.xml.length - b.xml.length || a.name.localeCompare(b.name));
    documents.push(...heenSources.map((s) => ({ type, name: s.name, xml: s.xml, mutate: true })));
    documents.push(...retourBases(type, heenSources));
  }
  documents.push(...mappedIjwExamples());
  return documents;
}

/**
 * `fixtures/maximal/<type>.xml`: every optional element present and every repeatable element
 * twice, so that removals, swaps and duplicates reach the whole content model.
 */
function readMaximalFixture(type: HeenMessageType): string {
  return readFileSync(join(MAXIMAL_FIXTURES_DIR, `${type}.xml`), 'utf8');
}

function readExample(type: HeenMessageType): string {
  return readFileSync(join(SHARED_REFERENCE.iwmoExamplesDir, `${type}.xml`), 'utf8');
}

/** `samples/iwmo/3.2/<type>/valid/*.xml`, sorted by file name. */
export function readValidSamples(type: MessageType): { name: string; xml: string }[] {
  const dir = join(SAMPLES_DIR, type, 'valid');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.xml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({
    name: `sample ${type}/valid/${name}`,
    xml: readFileSync(join(dir, name), 'utf8'),
  }));
}

function retourBases(
  type: HeenMessageType,
  heenSources: readonly { name: string; xml: string }[],
): BaseDocument[] {
  const first = heenSources[0];
  if (first === undefined) {
    return [];
  }
  if (type === 'WMO323') {
    return heenSources.flatMap((source, index) =>
      declaratieAntwoordBases(source.name, source.xml, index === 0),
    );
  }
  const retour = MESSAGE_CATALOGUE[type].answeredBy ?? type;
  const classes = RETOUR_CLASSES[type];
  return [
    {
      type: retour,
      name: `header-only retour (accepted) of ${first.name}`,
      xml: buildRetour(first.xml, retour, { body: 'none', codes: [] }),
      mutate: true,
    },
    {
      type: retour,
      name: `header-only retour with 0001 and XsltVersie of ${first.name}`,
      xml: buildRetour(first.xml, retour, { body: 'none', codes: ['0001'], xslt: '2.10.5' }),
      mutate: true,
    },
    ...heenSources.map((source) => ({
      type: retour,
      name: `full-copy retour with RetourCodes on ${classes.join('/')} of ${source.name}`,
      xml: buildRetour(source.xml, retour, { body: 'copy', codes: ['0200'], classes }),
      mutate: true,
    })),
  ];
}

interface RetourOptions {
  readonly body: 'none' | 'copy';
  readonly codes: readonly string[];
  readonly xslt?: string;
  readonly classes?: readonly string[];
}

/**
 * Builds a retour from a heen message per fact sheet §3.2/§3.3/§7.1: the message namespace
 * renamed, BerichtCode replaced, the other header elements copied, the retour fields added, and
 * either no body or the heen body with RetourCodes as last child of every class.
 */
function buildRetour(heenXml: string, retour: MessageType, options: RetourOptions): string {
  const doc = parseXml(heenXml);
  const spec = MESSAGE_CATALOGUE[retour];
  const heenPrefix = prefixForNamespace(doc, (uri) => MESSAGE_NS.test(uri));
  const basis = prefixForNamespace(doc, (uri) => uri === BASIS_NS);
  const prefix = `wmo${retour.slice(3)}`;
  renameNamespacePrefix(doc, heenPrefix, prefix, spec.namespace);
  const [header, body] = elementChildren(doc.root);
  if (header === undefined || body === undefined) {
    throw new Error('heen message without header and body');
  }
  setText(header, 'BerichtCode', spec.berichtCode);
  header.children.push(
    leaf(`${prefix}:IdentificatieRetour`, 'RET-0000001'),
    leaf(`${prefix}:DagtekeningRetour`, '2026-11-20'),
    ...(options.xslt === undefined ? [] : [leaf(`${prefix}:XsltVersie`, options.xslt)]),
    xsdVersie(`${prefix}:XsdVersieRetour`, basis),
    ...(options.codes.length > 0 ? [retourCodes(prefix, options.codes)] : []),
  );
  if (options.body === 'none') {
    doc.root.children = doc.root.children.filter((child) => child !== body);
  } else {
    addRetourCodes(body, new Set(options.classes ?? []), prefix);
  }
  return serializeXml(doc);
}

/** Classes get codes in a fixed rotation so several distinct codes appear (fact sheet §5.2). */
const CLASS_CODES = [['0200'], ['9063'], ['0233'], ['9339', '9340', '9341'], ['8848']] as const;

function addRetourCodes(element: XmlElementNode, classes: ReadonlySet<string>, prefix: string) {
  let rotation = 0;
  const visit = (node: XmlElementNode): void => {
    for (const child of elementChildren(node)) {
      if (!isLeaf(child)) {
        visit(child);
      }
    }
    if (classes.has(localName(node))) {
      const codes = CLASS_CODES[rotation % CLASS_CODES.length] ?? ['0200'];
      rotation += 1;
      node.children.push(retourCodes(prefix, codes));
    }
  };
  visit(element);
}

/** WMO325 bases from a 323 (fact sheet §3.4, §7.2). */
function declaratieAntwoordBases(
  sourceName: string,
  declaratieXml: string,
  withHeaderVariants: boolean,
): BaseDocument[] {
  const make = (name: string, variant: AntwoordVariant): BaseDocument => ({
    type: 'WMO325',
    name: `${name} answering ${sourceName}`,
    xml: buildDeclaratieAntwoord(declaratieXml, variant),
    mutate: true,
  });
  const rejected = make('325 with every Client and Prestatie returned', 'rejected');
  if (!withHeaderVariants) {
    return [rejected];
  }
  return [
    make('325 header only with 0001', 'header-only'),
    make('325 fully approved (8001)', 'approved'),
    rejected,
  ];
}

type AntwoordVariant = 'header-only' | 'approved' | 'rejected';

function buildDeclaratieAntwoord(declaratieXml: string, variant: AntwoordVariant): string {
  const source = parseXml(declaratieXml);
  const p = 'wmo325';
  const b = 'iwmo';
  const sourcePrefix = prefixForNamespace(source, (uri) => MESSAGE_NS.test(uri));
  const sourceBasis = prefixForNamespace(source, (uri) => uri === BASIS_NS);
  const [sourceHeader, declaratie] = elementChildren(source.root);
  if (sourceHeader === undefined || declaratie === undefined) {
    throw new Error('323 without header and Declaratie');
  }
  const copy = (element: XmlElementNode | undefined, name: string): XmlElementNode => {
    if (element === undefined) {
      throw new Error(`323 lacks ${name}`);
    }
    const clone = cloneElement(element);
    renameTree(clone, { [sourcePrefix]: p, [sourceBasis]: b });
    clone.name = `${p}:${name}`;
    return clone;
  };
  const text = (element: XmlElementNode, name: string): string =>
    childByLocalName(element, name)
      ?.children.map((c) => (c.kind === 'text' ? c.raw : ''))
      .join('') ?? '';
  const header = element(`${p}:Header`, [
    leaf(`${p}:BerichtCode`, '485'),
    leaf(`${p}:BerichtVersie`, '3'),
    leaf(`${p}:BerichtSubversie`, '2'),
    leaf(`${p}:Afzender`, text(sourceHeader, 'Ontvanger')),
    leaf(`${p}:Ontvanger`, text(sourceHeader, 'Afzender')),
    element(`${p}:BerichtIdentificatie`, [
      leaf(`${b}:Identificatie`, 'DA-0000001'),
      leaf(`${b}:Dagtekening`, '2026-11-20'),
    ]),
    xsdVersie(`${p}:XsdVersie`, b),
    copy(childByLocalName(sourceHeader, 'BerichtIdentificatie'), 'DeclaratieIdentificatie'),
    ...(variant === 'approved' ? [] : [leaf(`${p}:XsltVersie`, '2.10.5')]),
    copy(childByLocalName(sourceHeader, 'XsdVersie'), 'XsdVersieDeclaratie'),
    retourCodes(p, [variant === 'header-only' ? '0001' : '0200']),
  ]);
  const children: XmlElementNode[] = [header];
  if (variant !== 'header-only') {
    const ingediend = copy(
      childByLocalName(declaratie, 'TotaalIngediendBedrag'),
      'TotaalIngediendBedrag',
    );
    const toegekend = cloneElement(ingediend);
    toegekend.name = `${p}:TotaalToegekendBedrag`;
    const antwoordChildren = [
      copy(childByLocalName(declaratie, 'DeclaratieNummer'), 'DeclaratieNummer'),
      ingediend,
      toegekend,
    ];
    if (variant === 'rejected') {
      const clienten = copy(childByLocalName(declaratie, 'Clienten'), 'Clienten');
      for (const client of elementChildren(clienten)) {
        for (const prestatie of elementChildren(childByLocalName(client, 'Prestaties') ?? client)) {
          prestatie.children.push(retourCodes(p, ['9307', '0611']));
        }
        client.children.push(retourCodes(p, ['0200']));
      }
      antwoordChildren.push(clienten);
    }
    antwoordChildren.push(retourCodes(p, [variant === 'approved' ? '8001' : '0200']));
    children.push(element(`${p}:DeclaratieAntwoord`, antwoordChildren));
  }
  const root = element(`${p}:Bericht`, children);
  root.attributes = [
    [`xmlns:${p}`, MESSAGE_CATALOGUE.WMO325.namespace],
    [`xmlns:${b}`, BASIS_NS],
  ];
  return serializeXml({ prolog: '<?xml version="1.0" encoding="UTF-8"?>\n', root, epilog: '\n' });
}

/**
 * The iJw 3.2 examples mapped to iWmo (fact sheet §3.6): namespaces, prefixes and BerichtCodes.
 * Each is validated as mapped, then with its values made iWmo-valid (ProductCategorie, the
 * impossible date in JW315, the stray RetourCode in JW318) but still holding the iJw-only
 * elements GezagsdragerBekend/Woonplaatsbeginsel, then without those. The iJw heen examples in
 * the middle stage also yield full-copy retours, so 316 and 320 are tried with the iJw-only
 * elements too. The final retours are mutation bases.
 */
function mappedIjwExamples(): BaseDocument[] {
  const documents: BaseDocument[] = [];
  const files = readdirSync(SHARED_REFERENCE.ijwExamplesDir)
    .filter((name) => /^JW3\d\d\.xml$/.test(name))
    .sort();
  for (const file of files) {
    const type = `WMO${file.slice(2, 5)}` as MessageType;
    if (!(type in MESSAGE_CATALOGUE)) {
      continue;
    }
    const name = `iJw example ${file} mapped`;
    const mapped = mapIjwToIwmo(readFileSync(join(SHARED_REFERENCE.ijwExamplesDir, file), 'utf8'));
    const withIwmoValues = transform(mapped, fixIjwValues);
    const iwmoOnly = transform(withIwmoValues, dropIjwOnlyElements);
    const isRetour = !isHeen(type);
    documents.push({ type, name, xml: mapped, mutate: isRetour && iwmoOnly === mapped });
    if (withIwmoValues !== mapped) {
      const mutate = isRetour && iwmoOnly === withIwmoValues;
      documents.push({ type, name: `${name}, iWmo values`, xml: withIwmoValues, mutate });
    }
    if (iwmoOnly !== withIwmoValues) {
      const xml = iwmoOnly;
      documents.push({
        type,
        name: `${name}, iWmo values, no iJw-only elements`,
        xml,
        mutate: isRetour,
      });
    }
    if (isHeen(type) && type !== 'WMO323') {
      const retour = MESSAGE_CATALOGUE[type].answeredBy ?? type;
      const classes = RETOUR_CLASSES[type];
      documents.push({
        type: retour,
        name: `full-copy retour of ${name}, iWmo values`,
        xml: buildRetour(withIwmoValues, retour, { body: 'copy', codes: ['0200'], classes }),
        mutate: false,
      });
    }
  }
  return documents;
}

function isHeen(type: MessageType): type is HeenMessageType {
  return (HEEN_MESSAGE_TYPES as readonly string[]).includes(type);
}

export function mapIjwToIwmo(xml: string): string {
  return xml
    .replace(
      /http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jw(\d{3})\/schema/g,
      'http://www.istandaarden.nl/iwmo/3_2/wmo$1/schema',
    )
    .replaceAll(
      'http://www.istandaarden.nl/ijw/3_2/basisschema/schema',
      'http://www.istandaarden.nl/iwmo/3_2/basisschema/schema',
    )
    .replace(/(<\/?|xmlns:)jw(\d{3})\b/g, '$1wmo$2')
    .replace(/(<\/?|xmlns:)ijw\b/g, '$1iwmo')
    .replace(
      /(<wmo\d{3}:BerichtCode>)(\d{3})(<\/)/g,
      (_, open: string, code: string, close: string) =>
        `${open}${IJW_TO_IWMO_CODE[code] ?? code}${close}`,
    );
}

/** Applies an in-place change; returns the input string itself when nothing changed. */
function transform(xml: string, change: (root: XmlElementNode) => boolean): string {
  const doc = parseXml(xml);
  return change(doc.root) ? serializeXml(doc) : xml;
}

/**
 * ProductCategorie values outside WMO020 become 02, the impossible date 2027-06-31 (JW315)
 * becomes 2027-06-30, and a RetourCode outside RetourCodes (JW318) is removed.
 */
function fixIjwValues(node: XmlElementNode): boolean {
  let changed = false;
  const before = node.children.length;
  node.children = node.children.filter(
    (child) =>
      child.kind !== 'element' ||
      localName(child) !== 'RetourCode' ||
      localName(node) === 'RetourCodes',
  );
  changed ||= node.children.length !== before;
  for (const child of elementChildren(node)) {
    if (!isLeaf(child)) {
      changed = fixIjwValues(child) || changed;
      continue;
    }
    const value = child.children.map((c) => (c.kind === 'text' ? c.raw : '')).join('');
    const isCategory = ['Categorie', 'ProductCategorie'].includes(localName(child));
    if (isCategory && !IWMO_CATEGORIES.has(value)) {
      setLeafText(child, '02');
      changed = true;
    } else if (value === '2027-06-31') {
      setLeafText(child, '2027-06-30');
      changed = true;
    }
  }
  return changed;
}

/** Fact sheet §3.6/§9.2: GezagsdragerBekend (JW315/316) and Woonplaatsbeginsel (JW319/320). */
function dropIjwOnlyElements(node: XmlElementNode): boolean {
  const before = node.children.length;
  node.children = node.children.filter(
    (child) =>
      child.kind !== 'element' ||
      !['GezagsdragerBekend', 'Woonplaatsbeginsel'].includes(localName(child)),
  );
  let changed = node.children.length !== before;
  for (const child of elementChildren(node)) {
    changed = dropIjwOnlyElements(child) || changed;
  }
  return changed;
}

function renameTree(node: XmlElementNode, prefixes: Readonly<Record<string, string>>): void {
  const colon = node.name.indexOf(':');
  const prefix = colon < 0 ? undefined : node.name.slice(0, colon);
  if (prefix !== undefined && prefixes[prefix] !== undefined) {
    node.name = `${prefixes[prefix]}:${node.name.slice(colon + 1)}`;
  }
  for (const child of elementChildren(node)) {
    renameTree(child, prefixes);
  }
}

function element(name: string, children: XmlElementNode[]): XmlElementNode {
  return { kind: 'element', name, attributes: [], children };
}

function leaf(name: string, text: string): XmlElementNode {
  return { kind: 'element', name, attributes: [], children: [{ kind: 'text', raw: text }] };
}

function setText(parent: XmlElementNode, name: string, text: string): void {
  const target = childByLocalName(parent, name);
  if (target === undefined) {
    throw new Error(`no ${name}`);
  }
  setLeafText(target, text);
}

function xsdVersie(name: string, basis: string): XmlElementNode {
  return element(name, [
    leaf(`${basis}:BasisschemaXsdVersie`, '1.0.0'),
    leaf(`${basis}:BerichtXsdVersie`, '1.0.0'),
  ]);
}

function retourCodes(prefix: string, codes: readonly string[]): XmlElementNode {
  return element(
    `${prefix}:RetourCodes`,
    codes.map((code) => leaf(`${prefix}:RetourCode`, code)),
  );
}
