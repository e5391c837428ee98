import type { XmlTree, XmlValue } from './xml-tree.js';

/**
 * A small single-pass reader that builds the same namespace-stripped {@link XmlTree} as the
 * fast-xml-parser configuration in `xml-tree.ts`, 5–10× faster (a 25 MB WMO323 matters: fact sheet
 * §1 allows 25 MB, performance notes measure fast-xml-parser at 6–15 MB/s).
 *
 * It relies on the document having passed the XSD (level 1): element-only or text-only content,
 * no mixed content. It supports what such a document may contain: an XML declaration, comments,
 * processing instructions, CDATA, attributes (ignored), the five predefined entities and character
 * references. Anything else (a DOCTYPE, another entity reference) makes it give up with
 * {@link UnsupportedXmlError}, and the caller falls back to the general parser.
 */
export class UnsupportedXmlError extends Error {
  constructor(what: string) {
    super(`fast XML reader does not support ${what}`);
    this.name = new.target.name;
  }
}

type MutableTree = Record<string, XmlValue>;

interface Frame {
  readonly name: string;
  children: MutableTree | undefined;
  text: string;
}

const GT = 0x3e; // >
const SLASH = 0x2f; // /
const QUESTION = 0x3f; // ?
const BANG = 0x21; // !
const COLON = 0x3a; // :
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isNameEnd(code: number): boolean {
  return (
    code === GT ||
    code === SLASH ||
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d
  );
}

/** Trims XML whitespace only (space, tab, CR, LF), as XSD whitespace collapsing would. */
function trimXml(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isXmlSpace(value.charCodeAt(start))) {
    start += 1;
  }
  while (end > start && isXmlSpace(value.charCodeAt(end - 1))) {
    end -= 1;
  }
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Decodes the predefined entities and character references; anything else is unsupported. */
function decodeEntities(text: string): string {
  return text.replace(/&([^;&]*);/g, (_match, ref: string) => {
    if (ref.startsWith('#x')) {
      return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    }
    if (ref.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    }
    const value = PREDEFINED[ref];
    if (value === undefined) {
      throw new UnsupportedXmlError(`the entity reference &${ref};`);
    }
    return value;
  });
}

/** XML end-of-line handling: CR LF and a lone CR become LF. */
function normaliseLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

function textValue(raw: string): string {
  let value = trimXml(raw);
  if (value.includes('&')) {
    value = decodeEntities(value);
  }
  return normaliseLineEnds(value);
}

function addChild(parent: Frame, name: string, value: XmlValue): void {
  parent.children ??= {};
  const existing = parent.children[name];
  if (existing === undefined) {
    parent.children[name] = value;
  } else if (Array.isArray(existing)) {
    (existing as XmlValue[]).push(value);
  } else {
    parent.children[name] = [existing, value] as (string | XmlTree)[];
  }
}

/** Skips a quoted attribute value or plain characters up to the `>` that closes the tag. */
function findTagEnd(xml: string, from: number): number {
  let i = from;
  const length = xml.length;
  while (i < length) {
    const code = xml.charCodeAt(i);
    if (code === GT) {
      return i;
    }
    if (code === DQUOTE || code === SQUOTE) {
      const close = xml.indexOf(code === DQUOTE ? '"' : "'", i + 1);
      if (close < 0) {
        break;
      }
      i = close + 1;
      continue;
    }
    i += 1;
  }
  throw new UnsupportedXmlError('an unterminated tag');
}

function skipUntil(xml: string, from: number, terminator: string, what: string): number {
  const end = xml.indexOf(terminator, from);
  if (end < 0) {
    throw new UnsupportedXmlError(`an unterminated ${what}`);
  }
  return end + terminator.length;
}

/**
 * Reads a whole (XSD-valid) document into a tree: element local names as keys, text-only
 * elements as trimmed strings, repeated siblings as arrays in document order.
 */
export function readXmlTree(xml: string): XmlTree {
  const root: Frame = { name: '#document', children: undefined, text: '' };
  const stack: Frame[] = [root];
  let top = root;
  let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const length = xml.length;

  while (pos < length) {
    const lt = xml.indexOf('<', pos);
    if (lt < 0) {
      break;
    }
    // Text only matters for text-only elements; whitespace between child elements is dropped.
    if (lt > pos && top !== root && top.children === undefined) {
      top.text += xml.slice(pos, lt);
    }
    const next = xml.charCodeAt(lt + 1);
    if (next === QUESTION) {
      pos = skipUntil(xml, lt + 2, '?>', 'processing instruction');
      continue;
    }
    if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        pos = skipUntil(xml, lt + 4, '-->', 'comment');
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) {
          throw new UnsupportedXmlError('an unterminated CDATA section');
        }
        // CDATA is literal text: protect it from entity decoding by pre-escaping '&'.
        top.text += xml.slice(lt + 9, end).replaceAll('&', '&amp;');
        pos = end + 3;
      } else {
        throw new UnsupportedXmlError('a DOCTYPE or markup declaration');
      }
      continue;
    }
    if (next === SLASH) {
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0 || stack.length < 2) {
        throw new UnsupportedXmlError('an unbalanced end tag');
      }
      stack.pop();
      const frame = top;
      top = stack[stack.length - 1] as Frame;
      addChild(top, frame.name, frame.children ?? textValue(frame.text));
      pos = gt + 1;
      continue;
    }
    // Start tag: local name (prefix stripped), attributes skipped.
    let nameEnd = lt + 1;
    let localStart = lt + 1;
    while (nameEnd < length && !isNameEnd(xml.charCodeAt(nameEnd))) {
      if (xml.charCodeAt(nameEnd) === COLON) {
        localStart = nameEnd + 1;
      }
      nameEnd += 1;
    }
    const name = xml.slice(localStart, nameEnd);
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') {
      // Never a valid iWmo element; keeps plain objects safe from prototype pollution.
      throw new UnsupportedXmlError(`the element name ${name}`);
    }
    const gt = xml.charCodeAt(nameEnd) === GT ? nameEnd : findTagEnd(xml, nameEnd);
    if (xml.charCodeAt(gt - 1) === SLASH) {
      addChild(top, name, '');
    } else {
      const frame: Frame = { name, children: undefined, text: '' };
      stack.push(frame);
      top = frame;
    }
    pos = gt + 1;
  }
  if (stack.length !== 1) {
    throw new UnsupportedXmlError('an unclosed element');
  }
  return root.children ?? {};
}
