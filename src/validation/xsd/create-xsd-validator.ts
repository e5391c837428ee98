import { GatewayError } from '../../errors/index.js';
import { Libxml2WasmXsdValidator } from './libxml2-wasm-xsd-validator.js';
import { Libxmljs2XsdValidator } from './libxmljs2-xsd-validator.js';
import { readSchemaFiles } from './schema-files.js';
import type { XsdEngine, XsdValidator } from './xsd-validator.js';

/** Reads and compiles every message schema in `schemaDir` once, with the chosen engine. */
export function createXsdValidator(schemaDir: string, engine: XsdEngine): XsdValidator {
  try {
    const files = readSchemaFiles(schemaDir);
    if (files.messageTypes.length === 0) {
      throw new Error(`no WMO*.xsd files in ${schemaDir}`);
    }
    switch (engine) {
      case 'libxml2-wasm':
        return Libxml2WasmXsdValidator.create(files);
      case 'libxmljs2':
        return Libxmljs2XsdValidator.create(files);
    }
  } catch (caught) {
    throw new GatewayError('GW_ERR_SCHEMA_LOAD', {
      message: `cannot load schemas from ${schemaDir}: ${caught instanceof Error ? caught.message : String(caught)}`,
      cause: caught,
    });
  }
}
