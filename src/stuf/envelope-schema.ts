import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  XmlBufferInputProvider,
  xmlCleanupInputProvider,
  XmlDocument,
  XmlParseError,
  xmlRegisterInputProvider,
  XmlValidateError,
  XsdValidator,
} from 'libxml2-wasm';

import { SAFE_PARSE_OPTIONS } from '../validation/xsd/libxml2-wasm-xsd-validator.js';
import {
  elementFromMessage,
  type XsdIssue,
  type XsdResult,
} from '../validation/xsd/xsd-validator.js';

/** The project's own StUF-GGk envelope schemas (schemas/stuf-ggk0210 at the package root). */
export const BUNDLED_STUF_SCHEMA_DIR = fileURLToPath(
  new URL('../../schemas/stuf-ggk0210', import.meta.url),
);

/** The entry schema: imports SOAP 1.1, SOAP 1.2, ggk0210 and the StUF 03.01 subset. */
export const STUF_SCHEMA_ENTRY = 'stuf-ggk0210.xsd';

/** Names the in-memory schema files are served under while the schema compiles. */
const SCHEMA_URL_PREFIX = 'stuf-schema:/';

/**
 * The compiled envelope schema (libxml2 in WebAssembly). It is compiled once; the files are served
 * from memory only while compiling, so an instance document can never pull in a file.
 */
export class EnvelopeSchema {
  readonly #validator: XsdValidator;

  private constructor(validator: XsdValidator) {
    this.#validator = validator;
  }

  /** Compiles the `.xsd` files of `dir` (default: the bundled schemas) from `entry`. */
  static fromDir(dir = BUNDLED_STUF_SCHEMA_DIR, entry = STUF_SCHEMA_ENTRY): EnvelopeSchema {
    const files = new Map<string, Uint8Array>();
    for (const name of readdirSync(dir)) {
      if (name.endsWith('.xsd')) {
        files.set(name, readFileSync(join(dir, name)));
      }
    }
    return EnvelopeSchema.fromFiles(files, entry);
  }

  /**
   * Compiles in-memory schema files; keys are paths relative to one root (`a/b.xsd`), so that
   * relative `schemaLocation`s between them resolve.
   */
  static fromFiles(files: ReadonlyMap<string, Uint8Array>, entry: string): EnvelopeSchema {
    const served: Record<string, Uint8Array> = {};
    for (const [name, bytes] of files) {
      served[`${SCHEMA_URL_PREFIX}${name}`] = bytes;
    }
    const url = `${SCHEMA_URL_PREFIX}${entry}`;
    const entryBytes = served[url];
    if (entryBytes === undefined) {
      throw new Error(`no schema file ${entry}`);
    }
    xmlRegisterInputProvider(new XmlBufferInputProvider(served));
    try {
      const schemaDoc = XmlDocument.fromBuffer(entryBytes, { url, option: SAFE_PARSE_OPTIONS });
      try {
        return new EnvelopeSchema(XsdValidator.fromDoc(schemaDoc));
      } finally {
        schemaDoc.dispose();
      }
    } finally {
      xmlCleanupInputProvider();
    }
  }

  /** Validates a parsed document; returns its findings ([] when it is valid). */
  validateDocument(doc: XmlDocument): readonly XsdIssue[] {
    try {
      this.#validator.validate(doc);
      return [];
    } catch (caught) {
      if (caught instanceof XmlValidateError) {
        return caught.details.map(toIssue);
      }
      throw caught;
    }
  }

  /** Parses (safely: no DTD loading, no network) and validates a document. */
  validate(xml: Uint8Array): XsdResult {
    let doc: XmlDocument;
    try {
      doc = XmlDocument.fromBuffer(xml, { option: SAFE_PARSE_OPTIONS });
    } catch (caught) {
      if (caught instanceof XmlParseError) {
        return { valid: false, wellFormed: false, issues: caught.details.map(toIssue) };
      }
      throw caught;
    }
    try {
      const issues = this.validateDocument(doc);
      return issues.length === 0 ? { valid: true } : { valid: false, wellFormed: true, issues };
    } finally {
      doc.dispose();
    }
  }

  close(): void {
    this.#validator.dispose();
  }
}

function toIssue(detail: { message: string; line?: number; xpath?: string }): XsdIssue {
  const message = detail.message.trim();
  const element = elementFromMessage(message);
  return {
    message,
    ...(detail.line !== undefined && detail.line > 0 ? { line: detail.line } : {}),
    ...(element !== undefined ? { element } : {}),
    ...(detail.xpath !== undefined ? { path: detail.xpath } : {}),
  };
}
