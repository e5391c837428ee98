export { createXsdValidator } from './create-xsd-validator.js';
export { readSchemaFiles, type SchemaFiles } from './schema-files.js';
export {
  XSD_ENGINES,
  type XsdEngine,
  type XsdIssue,
  type XsdResult,
  type XsdValidator,
} from './xsd-validator.js';
