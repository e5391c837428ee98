/**
 * Writes an XML document as text, element by element, in exactly the form xmlbuilder2 gives with
 * `end({ prettyPrint: true, newline: '\r\n' })`: the declaration on its own line, two spaces of
 * indentation per level, an element with only text on one line, an element without content
 * self-closed, text escaped as `&amp;`, `&lt;`, `&gt;`. Building a DOM with xmlbuilder2 costs
 * ≈ 0.2 ms per Prestatie of a WMO325, 5 s for a declaration of 26,000 refused Prestaties
 * (docs/benchmarks.md); template strings do the same in a few milliseconds
 * (../shared/domain/performance-notes.md). Namespace declarations are the caller's: it writes
 * them as attributes of the root and uses the declared prefixes.
 */
export class PrettyXmlWriter {
  readonly #parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  /** Positions in #parts of the open elements' start tags, innermost last. */
  readonly #open: number[] = [];

  /** Opens an element; `attributes` is written as given, e.g. ` xmlns:a="urn:a"`. */
  open(name: string, attributes = ''): void {
    this.#open.push(this.#parts.length);
    this.#parts.push(`${NEWLINE}${indent(this.#open.length - 1)}<${name}${attributes}>`);
  }

  /** Closes the innermost element; without content it becomes `<name/>`, as xmlbuilder2 writes it. */
  close(name: string): void {
    const start = this.#open.pop();
    if (start === undefined) {
      throw new Error(`no open element to close with ${name}`);
    }
    if (start === this.#parts.length - 1) {
      this.#parts[start] = (this.#parts[start] ?? '').replace(/>$/, '/>');
      return;
    }
    this.#parts.push(`${NEWLINE}${indent(this.#open.length)}</${name}>`);
  }

  /** An element with text only (`<name/>` for empty text). */
  text(name: string, value: string): void {
    const pad = indent(this.#open.length);
    this.#parts.push(
      value === ''
        ? `${NEWLINE}${pad}<${name}/>`
        : `${NEWLINE}${pad}<${name}>${escapeText(value)}</${name}>`,
    );
  }

  /** The document; every element must be closed. */
  toString(): string {
    if (this.#open.length > 0) {
      throw new Error('the XML document has elements that are not closed');
    }
    return this.#parts.join('');
  }
}

const NEWLINE = '\r\n';
const INDENTS: string[] = [];

function indent(depth: number): string {
  let pad = INDENTS[depth];
  if (pad === undefined) {
    pad = '  '.repeat(depth);
    INDENTS[depth] = pad;
  }
  return pad;
}

const SPECIAL = /[&<>]/;

/** Text content as the DOM serializer escapes it (quotes stay as they are in text). */
export function escapeText(value: string): string {
  if (!SPECIAL.test(value)) {
    return value;
  }
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
