import type { MessageType } from '../../domain/message-types.js';

/** One finding of the XSD check (level 1), with what a StUF Fo01/StUF055 would carry. */
export interface XsdIssue {
  /** libxml2's message, e.g. "Element '{ns}Geslacht': [facet 'enumeration'] …". */
  readonly message: string;
  /** 1-based line in the message, when libxml2 reports one. */
  readonly line?: number;
  /** Local name of the failing element, when it can be read from the message. */
  readonly element?: string;
  /** XPath of the failing node (libxml2-wasm reports it; libxmljs2 does not). */
  readonly path?: string;
}

export type XsdResult =
  | { readonly valid: true }
  | { readonly valid: false; readonly wellFormed: boolean; readonly issues: readonly XsdIssue[] };

/**
 * The narrow port in front of the native XML library (STYLE §A4). Schemas are compiled once when
 * the validator is created; `validate` only parses and checks the instance.
 */
export interface XsdValidator {
  /** Which binding implements this validator (for logs and benchmarks). */
  readonly engine: XsdEngine;
  /** The message types this validator has a compiled schema for. */
  readonly messageTypes: readonly MessageType[];
  validate(type: MessageType, xml: Uint8Array): XsdResult;
  /** Frees the compiled schemas. */
  close(): void;
}

export const XSD_ENGINES = ['libxml2-wasm', 'libxmljs2'] as const;
export type XsdEngine = (typeof XSD_ENGINES)[number];

const ELEMENT_IN_MESSAGE = /Element '(?:\{[^}]*\})?([^']+)'/;

/** Reads the failing element's local name from a libxml2 schema error message. */
export function elementFromMessage(message: string): string | undefined {
  return ELEMENT_IN_MESSAGE.exec(message)?.[1];
}
