import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

import { BASISSCHEMA_NAMESPACE } from '../domain/message-types.js';
import type { XmlTree, XmlValue } from '../model/xml-tree.js';
import type { RetourBodySpec } from './retour-classes.js';

/** No remarks on this class (WJ001). */
export const GEEN_OPMERKING = '0200';
/** Class not assessed: it lies below a rejected class (WJ001, fact sheet §7.1, §7.2). */
export const NIET_BEOORDEELD = '0233';

export interface RetourBodyInput {
  readonly spec: RetourBodySpec;
  /** The heen message's root child (`Client` or `Antwoord`) as a namespace-stripped tree. */
  readonly heenRoot: XmlTree;
  /** Retour namespace and prefix (e.g. `wmo306`). */
  readonly namespace: string;
  readonly prefix: string;
  /** Codes per class XPath (see `codesPerClass`); classes without codes get 0200 or 0233. */
  readonly codes: ReadonlyMap<string, readonly string[]>;
}

/**
 * Copies the heen message's class tree unchanged into the retour (fact sheet §3.3, §7.1) and
 * appends `RetourCodes` as the last child of every class: its own codes, 0233 below a rejected
 * class, 0200 otherwise. The tree of an XSD-valid message lists elements in schema order, each
 * name once (repeats are arrays), so the copy keeps the document order.
 */
export function appendRetourBody(parent: XMLBuilder, input: RetourBodyInput): void {
  const { spec } = input;
  const ele = (at: XMLBuilder, name: string, inBasis: boolean): XMLBuilder =>
    inBasis
      ? at.ele(BASISSCHEMA_NAMESPACE, `iwmo:${name}`)
      : at.ele(input.namespace, `${input.prefix}:${name}`);

  const copy = (
    at: XMLBuilder,
    name: string,
    value: XmlValue,
    path: string,
    position: number | undefined,
    inBasis: boolean,
    rejectedAbove: boolean,
  ): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) =>
        copy(at, name, item as string | XmlTree, path, index + 1, inBasis, rejectedAbove),
      );
      return;
    }
    const step = position === undefined ? name : `${name}[${position}]`;
    const here = `${path}/${step}`;
    const node = ele(at, name, inBasis);
    if (typeof value === 'string') {
      node.txt(value);
      return;
    }
    const isClass = !inBasis && spec.classes.has(name);
    const structural = isClass || (!inBasis && spec.containers.has(name));
    const own = isClass ? input.codes.get(here) : undefined;
    for (const [child, childValue] of Object.entries(value as XmlTree)) {
      if (child === 'RetourCodes') {
        continue;
      }
      copy(
        node,
        child,
        childValue,
        here,
        undefined,
        !structural,
        rejectedAbove || (own !== undefined && own.length > 0),
      );
    }
    if (isClass) {
      const codes = rejectedAbove
        ? [NIET_BEOORDEELD]
        : own !== undefined && own.length > 0
          ? own
          : [GEEN_OPMERKING];
      const retourCodes = ele(node, 'RetourCodes', false);
      for (const code of codes) {
        ele(retourCodes, 'RetourCode', false).txt(code);
      }
    }
  };

  copy(parent, spec.root, input.heenRoot, '/Bericht', undefined, false, false);
}
