import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { MESSAGE_TYPES, type MessageType } from '../../domain/message-types.js';

/** The XSD files of one schema directory, read into memory once. */
export interface SchemaFiles {
  readonly dir: string;
  /** Every .xsd in the directory by file name (the message XSDs import basisschema.xsd). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** The message types that have a `<type>.xsd` in the directory. */
  readonly messageTypes: readonly MessageType[];
}

export function readSchemaFiles(dir: string): SchemaFiles {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    if (name.endsWith('.xsd')) {
      files.set(name, readFileSync(join(dir, name)));
    }
  }
  const messageTypes = MESSAGE_TYPES.filter((type) => files.has(`${type}.xsd`));
  return { dir, files, messageTypes };
}
