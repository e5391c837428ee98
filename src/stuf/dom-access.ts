import { XmlElement } from 'libxml2-wasm';

/** The element children of `parent`, in document order. */
export function elementChildren(parent: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  for (let node = parent.firstChild; node !== null; node = node.next) {
    if (node instanceof XmlElement) {
      children.push(node);
    }
  }
  return children;
}

/** The first child element with this local name and namespace. */
export function childElement(
  parent: XmlElement | undefined,
  name: string,
  namespace: string,
): XmlElement | undefined {
  return parent === undefined
    ? undefined
    : elementChildren(parent).find((e) => e.name === name && e.namespaceUri === namespace);
}

/** The text of a child element, as written (StUF types do not collapse whitespace). */
export function childText(
  parent: XmlElement | undefined,
  name: string,
  namespace: string,
): string | undefined {
  return childElement(parent, name, namespace)?.content;
}
