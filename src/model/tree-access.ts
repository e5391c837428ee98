import type { XmlTree, XmlValue } from './xml-tree.js';

/**
 * Small readers over a namespace-stripped {@link XmlTree}. They are only used on XSD-valid
 * documents, so a structural surprise is a bug (wrong schema, wrong message type) and throws.
 */

function isTree(value: XmlValue): value is XmlTree {
  return typeof value === 'object' && !Array.isArray(value);
}

function structureError(name: string, what: string): Error {
  return new Error(`element ${name} ${what}`);
}

/** The text of a mandatory simple element. */
export function req(tree: XmlTree, name: string): string {
  const value = tree[name];
  if (typeof value !== 'string') {
    throw structureError(name, value === undefined ? 'is missing' : 'is not a simple value');
  }
  return value;
}

/** The text of an optional simple element, or undefined when it is absent. */
export function opt(tree: XmlTree, name: string): string | undefined {
  const value = tree[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string') {
    throw structureError(name, 'is not a simple value');
  }
  return value;
}

/** A mandatory integer (xs:integer lexical form, e.g. `+5` or `007`, is accepted). */
export function reqInt(tree: XmlTree, name: string): number {
  return toInt(req(tree, name), name);
}

/** An optional integer. */
export function optInt(tree: XmlTree, name: string): number | undefined {
  const value = opt(tree, name);
  return value === undefined ? undefined : toInt(value, name);
}

function toInt(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw structureError(name, 'is not an integer');
  }
  return number;
}

/** A mandatory complex element. */
export function node(tree: XmlTree, name: string): XmlTree {
  const value = tree[name];
  if (value === undefined) {
    throw structureError(name, 'is missing');
  }
  if (!isTree(value)) {
    throw structureError(name, 'is not a single complex element');
  }
  return value;
}

/** An optional complex element. */
export function optNode(tree: XmlTree, name: string): XmlTree | undefined {
  return tree[name] === undefined ? undefined : node(tree, name);
}

/**
 * A repeated complex element (0..n) in document order. fast-xml-parser gives a single child as an
 * object and several as an array; this normalises both to an array.
 */
export function list(tree: XmlTree, name: string): readonly XmlTree[] {
  const value = tree[name];
  if (value === undefined) {
    return [];
  }
  if (isTree(value)) {
    return [value];
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item !== 'object') {
        throw structureError(name, 'is not a complex element');
      }
    }
    return value as readonly XmlTree[];
  }
  throw structureError(name, 'is not a complex element');
}

/** A repeated simple element (0..n), e.g. `RetourCode`. */
export function textList(tree: XmlTree, name: string): readonly string[] {
  const value = tree[name];
  if (value === undefined) {
    return [];
  }
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.map((item) => {
      if (typeof item !== 'string') {
        throw structureError(name, 'is not a simple value');
      }
      return item;
    });
  }
  throw structureError(name, 'is not a simple value');
}
