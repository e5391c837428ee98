import type { MessageHeader } from './header.js';
import type { XmlTree, XmlValue } from './xml-tree.js';

function child(tree: XmlTree, name: string): XmlValue {
  const value = tree[name];
  if (value === undefined) {
    throw new Error(`missing element ${name}`);
  }
  return value;
}

export function text(tree: XmlTree, name: string): string {
  const value = child(tree, name);
  if (typeof value !== 'string') {
    throw new Error(`element ${name} is not a simple value`);
  }
  return value;
}

export function subtree(tree: XmlTree, name: string): XmlTree {
  const value = child(tree, name);
  if (typeof value === 'string' || Array.isArray(value)) {
    throw new Error(`element ${name} is not a single complex element`);
  }
  return value as XmlTree;
}

/** Reads the heen header (fact sheet §3.1) from the `Header` element of a parsed message. */
export function readHeader(header: XmlTree): MessageHeader {
  const identificatie = subtree(header, 'BerichtIdentificatie');
  const xsdVersie = subtree(header, 'XsdVersie');
  return {
    BerichtCode: text(header, 'BerichtCode'),
    BerichtVersie: text(header, 'BerichtVersie'),
    BerichtSubversie: text(header, 'BerichtSubversie'),
    Afzender: text(header, 'Afzender'),
    Ontvanger: text(header, 'Ontvanger'),
    BerichtIdentificatie: {
      Identificatie: text(identificatie, 'Identificatie'),
      Dagtekening: text(identificatie, 'Dagtekening'),
    },
    XsdVersie: {
      BasisschemaXsdVersie: text(xsdVersie, 'BasisschemaXsdVersie'),
      BerichtXsdVersie: text(xsdVersie, 'BerichtXsdVersie'),
    },
  };
}
