import { escapeXml } from './escape-xml.js';

/** A minimal element tree for the messages the gateway builds; rendered with 2-space indents. */
export interface XmlNode {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string>>;
  /** Child elements, or the text content (escaped when rendered). */
  readonly content: readonly XmlNode[] | string;
}

/** An element with text content, or `undefined` (left out) when the value is absent. */
export function leaf(name: string, value: string | undefined): XmlNode | undefined {
  return value === undefined ? undefined : { name, content: value };
}

/** An element with children; absent children are left out. */
export function branch(
  name: string,
  children: readonly (XmlNode | undefined)[],
  attributes?: Readonly<Record<string, string>>,
): XmlNode {
  return {
    name,
    content: children.filter((child): child is XmlNode => child !== undefined),
    ...(attributes ? { attributes } : {}),
  };
}

export function renderXml(node: XmlNode, indent = ''): string {
  const attributes = Object.entries(node.attributes ?? {})
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (typeof node.content === 'string') {
    return `${open}>${escapeXml(node.content)}</${node.name}>`;
  }
  if (node.content.length === 0) {
    return `${open}/>`;
  }
  const children = node.content.map((child) => renderXml(child, `${indent}  `)).join('\n');
  return `${open}>\n${children}\n${indent}</${node.name}>`;
}

/** A whole document: the XML declaration (UTF-8, as iWmo and the GGk require) and the tree. */
export function renderDocument(node: XmlNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(node)}\n`;
}
