import { createRequire } from 'node:module';
import { join } from 'node:path';

import type * as libxmljs from 'libxmljs2';

import type { MessageType } from '../../domain/message-types.js';
import type { SchemaFiles } from './schema-files.js';
import {
  elementFromMessage,
  type XsdIssue,
  type XsdResult,
  type XsdValidator,
} from './xsd-validator.js';

type Libxmljs = typeof libxmljs;
type LibxmljsDocument = libxmljs.Document;

const INSTANCE_OPTIONS = { nonet: true, noent: false, dtdload: false, big_lines: true } as const;

/**
 * XSD validation with the native libxmljs2 binding (bundled libxml2 2.9.9). Its `validate()`
 * parses and frees the schema on every call (xmlSchemaParse per call), so it is capped at
 * ≈ 170–210 messages/s per core; kept as the alternative engine behind the same port and
 * conformance suite. Not context-aware: use it in processes, never in worker threads.
 */
export class Libxmljs2XsdValidator implements XsdValidator {
  readonly engine = 'libxmljs2' as const;
  readonly messageTypes: readonly MessageType[];
  readonly #lib: Libxmljs;
  readonly #schemas: Map<MessageType, LibxmljsDocument>;

  private constructor(lib: Libxmljs, schemas: Map<MessageType, LibxmljsDocument>) {
    this.#lib = lib;
    this.#schemas = schemas;
    this.messageTypes = [...schemas.keys()];
  }

  static create(schemas: SchemaFiles): Libxmljs2XsdValidator {
    // Loaded lazily so that processes using the default engine never load the native addon.
    const lib = createRequire(import.meta.url)('libxmljs2') as Libxmljs;
    const docs = new Map<MessageType, LibxmljsDocument>();
    for (const type of schemas.messageTypes) {
      const bytes = schemas.files.get(`${type}.xsd`);
      if (bytes === undefined) {
        continue;
      }
      docs.set(
        type,
        lib.parseXml(Buffer.from(bytes).toString('utf8'), {
          nonet: true,
          baseUrl: `${join(schemas.dir, type)}.xsd`,
        }),
      );
    }
    return new Libxmljs2XsdValidator(lib, docs);
  }

  validate(type: MessageType, xml: Uint8Array): XsdResult {
    const schema = this.#schemas.get(type);
    if (schema === undefined) {
      throw new Error(`no compiled schema for ${type}`);
    }
    let doc: LibxmljsDocument;
    try {
      // The bytes go to libxml2 as they are (decoding them here first would accept invalid UTF-8
      // and garble other encodings; the typings say string, the binding takes a Buffer).
      doc = this.#lib.parseXml(Buffer.from(xml) as unknown as string, INSTANCE_OPTIONS);
    } catch (caught) {
      const error = caught as Partial<{ message: string; line: number | null }>;
      return {
        valid: false,
        wellFormed: false,
        issues: [toIssue(error.message ?? 'not well-formed', error.line ?? null)],
      };
    }
    if (doc.validate(schema)) {
      return { valid: true };
    }
    return {
      valid: false,
      wellFormed: true,
      issues: doc.validationErrors.map((e) => toIssue(e.message, e.line)),
    };
  }

  close(): void {
    this.#schemas.clear();
  }
}

function toIssue(rawMessage: string, line: number | null): XsdIssue {
  const message = rawMessage.trim();
  const element = elementFromMessage(message);
  return {
    message,
    ...(line !== null && line > 0 ? { line } : {}),
    ...(element !== undefined ? { element } : {}),
  };
}
