/**
 * Systematic mutations of StUF-GGk envelope documents for the envelope conformance test. The
 * documents are small and regular (elements, attributes, text; no comments, CDATA or DTD), so a
 * tiny tree of our own is enough. No randomness: the same base gives the same cases in order.
 */

interface Element {
  name: string;
  attributes: [string, string][];
  children: Node[];
}
type Node = Element | string;

export interface EnvelopeCase {
  readonly name: string;
  readonly xml: string;
}

const TOKEN =
  /<\?[^>]*\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export function parseTree(xml: string): Element {
  const root: Element = { name: '#document', attributes: [], children: [] };
  const stack: Element[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [token, closing, opening, attributeText, selfClosing, text] = match;
    const top = stack[stack.length - 1];
    if (top === undefined || token.startsWith('<?')) {
      continue;
    }
    if (closing !== undefined) {
      stack.pop();
    } else if (opening !== undefined) {
      const element: Element = {
        name: opening,
        attributes: [...(attributeText ?? '').matchAll(ATTRIBUTE)].map((a) => [
          a[1] ?? '',
          unescape(a[2] ?? a[3] ?? ''),
        ]),
        children: [],
      };
      top.children.push(element);
      if (selfClosing !== '/') {
        stack.push(element);
      }
    } else if (text !== undefined && stack.length > 1) {
      top.children.push(unescape(text));
    }
  }
  const first = root.children.find((c): c is Element => typeof c !== 'string');
  if (first === undefined) {
    throw new Error('no root element');
  }
  return first;
}

export function serializeTree(element: Element): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(element)}\n`;
}

function serialize(node: Node): string {
  if (typeof node === 'string') {
    return escape(node);
  }
  const attributes = node.attributes.map(([n, v]) => ` ${n}="${escape(v)}"`).join('');
  return node.children.length === 0
    ? `<${node.name}${attributes}/>`
    : `<${node.name}${attributes}>${node.children.map(serialize).join('')}</${node.name}>`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function unescape(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const clone = (element: Element): Element => structuredClone(element);
const elementsOf = (element: Element): Element[] =>
  element.children.filter((c): c is Element => typeof c !== 'string');
const isLeaf = (element: Element): boolean => elementsOf(element).length === 0;

/** Every element with its path of child indexes (into `children`, texts included). */
function locate(root: Element): { path: number[]; element: Element; label: string }[] {
  const found: { path: number[]; element: Element; label: string }[] = [];
  const walk = (element: Element, path: number[], label: string): void => {
    found.push({ path, element, label });
    element.children.forEach((child, index) => {
      if (typeof child !== 'string') {
        walk(child, [...path, index], `${label}/${child.name}`);
      }
    });
  };
  walk(root, [], root.name);
  return found;
}

function at(root: Element, path: readonly number[]): Element {
  let element = root;
  for (const index of path) {
    const next = element.children[index];
    if (next === undefined || typeof next === 'string') {
      throw new Error(`no element at ${path.join('/')}`);
    }
    element = next;
  }
  return element;
}

/** Applies `change` to a copy of `base` at `path` and serialises the result. */
function mutate(
  base: Element,
  path: readonly number[],
  change: (element: Element, parent: Element | undefined, index: number) => void,
): string {
  const copy = clone(base);
  const parent = path.length === 0 ? undefined : at(copy, path.slice(0, -1));
  const index = path[path.length - 1] ?? -1;
  change(at(copy, path), parent, index);
  return serializeTree(copy);
}

const prefixOf = (name: string): string | undefined =>
  name.includes(':') ? name.slice(0, name.indexOf(':')) : undefined;
const localOf = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Values for every leaf: the facets of the StUF and GGk types, and their edges. */
export function valueProbes(original: string): string[] {
  const lengths = [
    2, 3, 4, 7, 8, 17, 18, 29, 30, 31, 39, 40, 41, 50, 51, 100, 101, 200, 201, 1000, 1001,
  ];
  return [
    '',
    ' ',
    '\n',
    ` ${original}`,
    `${original} `,
    `${original}x`,
    original.toUpperCase(),
    original.slice(0, -1),
    ...lengths.map((n) => 'a'.repeat(n)),
    ...[3, 4, 5, 7, 8, 14, 17, 18].map((n) => '1234567890123456789'.slice(0, n)),
    '0004',
    '00a4',
    '-004',
    '2016-04-21',
    '20160421132514.5',
    '9c0f7b90-5c69-41e5-a837-0800200c9a66',
    '9C0F7B90-5C69-41E5-A837-0800200C9A66',
    '9c0f7b90-5c69-11e5-a837-0800200c9a66',
    '9c0f7b90-5c69-41e5-c837-0800200c9a66',
    '9c0f7b905c6941e5a8370800200c9a66',
    '{9c0f7b90-5c69-41e5-a837-0800200c9a66}',
    'Di01',
    'Du01',
    'Fo01',
    'Bv03',
    'Bv01',
    'Lk01',
    'di01',
    'client',
    'server',
    'Client',
    'WMO301',
    'WMO302',
    'GGk',
    'SGVsbG8=',
    'SGVsbG8',
    'SGVs bG8=',
    'SGVs\nbG8=',
    'SGVsbG8==',
    '====',
    '*',
    'é',
    '<x/>',
  ];
}

const BESTANDSNAAM_PROBES = [
  '',
  'abc',
  'abcd',
  'a'.repeat(255),
  'a'.repeat(256),
  'a b.csv',
  'a/b.csv',
  'bestand-1_2.csv',
  'bestand.é',
  ' abcd',
];

/**
 * The cases for one base document: the base itself; per element: removed, duplicated, swapped
 * with its next sibling, renamed, moved to the other StUF/GGK namespace and to no namespace, an
 * unknown attribute, xsi:nil; per complex element: an unknown child first and last, text mixed
 * in; per leaf: every value probe; per attribute: removed and its value probes.
 */
export function envelopeCases(label: string, baseXml: string): EnvelopeCase[] {
  const base = parseTree(baseXml);
  const cases: EnvelopeCase[] = [{ name: `${label}: base`, xml: serializeTree(base) }];
  const add = (what: string, xml: string): void => {
    cases.push({ name: `${label}: ${what}`, xml });
  };
  for (const { path, element, label: where } of locate(base)) {
    const prefix = prefixOf(element.name);
    const other = prefix === 'StUF' ? 'GGK' : 'StUF';
    if (path.length > 0) {
      add(
        `${where} removed`,
        mutate(base, path, (_e, parent, i) => parent?.children.splice(i, 1)),
      );
      add(
        `${where} duplicated`,
        mutate(base, path, (e, parent, i) => parent?.children.splice(i + 1, 0, clone(e))),
      );
      add(
        `${where} swapped with next`,
        mutate(base, path, (e, parent, i) => {
          if (parent === undefined) {
            return;
          }
          const next = parent.children.findIndex((c, j) => j > i && typeof c !== 'string');
          if (next !== -1) {
            parent.children[i] = parent.children[next] ?? e;
            parent.children[next] = e;
          }
        }),
      );
    }
    add(
      `${where} renamed`,
      mutate(base, path, (e) => (e.name = `${e.name}X`)),
    );
    add(
      `${where} in ${other}`,
      mutate(base, path, (e) => (e.name = `${other}:${localOf(e.name)}`)),
    );
    add(
      `${where} in no namespace`,
      mutate(base, path, (e) => (e.name = localOf(e.name))),
    );
    add(
      `${where} unknown attribute`,
      mutate(base, path, (e) => e.attributes.push(['extra', '1'])),
    );
    add(
      `${where} xsi:nil`,
      mutate(base, path, (e) => {
        e.attributes.push(['xmlns:xsi', XSI], ['xsi:nil', 'true']);
        e.children = [];
      }),
    );
    if (!isLeaf(element)) {
      const unknown = (): Element => ({
        name: `${prefix ?? 'StUF'}:onbekend`,
        attributes: [],
        children: ['x'],
      });
      add(
        `${where} unknown first child`,
        mutate(base, path, (e) => e.children.unshift(unknown())),
      );
      add(
        `${where} unknown last child`,
        mutate(base, path, (e) => e.children.push(unknown())),
      );
      add(
        `${where} mixed text`,
        mutate(base, path, (e) => e.children.unshift('tekst')),
      );
      add(
        `${where} emptied`,
        mutate(base, path, (e) => (e.children = [])),
      );
    } else {
      const original = element.children.filter((c) => typeof c === 'string').join('');
      valueProbes(original).forEach((value, n) => {
        add(
          `${where} = probe ${n}`,
          mutate(base, path, (e) => (e.children = value === '' ? [] : [value])),
        );
      });
    }
    element.attributes.forEach(([name], a) => {
      if (name.startsWith('xmlns')) {
        return;
      }
      add(
        `${where} @${name} removed`,
        mutate(base, path, (e) => e.attributes.splice(a, 1)),
      );
      BESTANDSNAAM_PROBES.forEach((value, n) => {
        add(
          `${where} @${name} = probe ${n}`,
          mutate(base, path, (e) => {
            const attribute = e.attributes[a];
            if (attribute) {
              attribute[1] = value;
            }
          }),
        );
      });
    });
  }
  return cases;
}
