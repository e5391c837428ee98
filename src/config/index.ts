export { BUNDLED_SCHEMA_DIR, type Config, loadConfig } from './load-config.js';
export { ENV_SCHEMA } from './schema.js';
