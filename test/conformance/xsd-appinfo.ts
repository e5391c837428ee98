import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { childByLocalName, elementChildren, leafText, localName, parseXml } from './mini-dom.js';

/** What a message schema declares about itself, outside its content model. */
export interface XsdFacts {
  readonly targetNamespace: string | undefined;
  readonly elementFormDefault: string | undefined;
  /** `schemaLocation` of each `xs:import`. */
  readonly importLocations: readonly string[];
  /** `xs:annotation/xs:appinfo` children by local name, e.g. `BerichtXsdVersie → 1.0.0`. */
  readonly appinfo: Readonly<Record<string, string>>;
  /** Namespace URI of the appinfo elements (IV034 reads `<ns>:BasisschemaXsdVersie`). */
  readonly appinfoNamespace: string | undefined;
}

/** Reads the header facts of `<dir>/<file>` (an XSD). */
export function readXsdFacts(dir: string, file: string): XsdFacts {
  const doc = parseXml(readFileSync(join(dir, file), 'utf8'));
  const attribute = (name: string): string | undefined =>
    doc.root.attributes.find(([n]) => n === name)?.[1];
  const children = elementChildren(doc.root);
  const appinfoElement = children
    .filter((child) => localName(child) === 'annotation')
    .map((annotation) => childByLocalName(annotation, 'appinfo'))
    .find((appinfo) => appinfo !== undefined);
  const entries = appinfoElement === undefined ? [] : elementChildren(appinfoElement);
  const firstPrefix = entries[0]?.name.split(':')[0];
  return {
    targetNamespace: attribute('targetNamespace'),
    elementFormDefault: attribute('elementFormDefault'),
    importLocations: children
      .filter((child) => localName(child) === 'import')
      .map((child) => child.attributes.find(([n]) => n === 'schemaLocation')?.[1] ?? ''),
    appinfo: Object.fromEntries(entries.map((e) => [localName(e), leafText(e).trim()])),
    appinfoNamespace: firstPrefix === undefined ? undefined : attribute(`xmlns:${firstPrefix}`),
  };
}
